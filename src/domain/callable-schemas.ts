import { z } from 'zod'
import { parseCouponCode } from './coupon-code'
import { parseMemberNumber } from './member-number'

/** Input schemas of the points callables (server-side validation; the app imports only types). */
const memberNo = z.string().max(20).transform((s, ctx) => {
  const parsed = parseMemberNumber(s)
  if (!parsed) ctx.addIssue({ code: 'custom', message: 'not a valid member number' })
  return parsed ?? ''
})
/** A client-generated id that makes a retry of the same action harmless. */
const requestId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')
const receiptId = z.string().regex(/^[\w-]{1,40}$/, '1–40 letters, digits, _ or -')
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/)

/** Who is at the till: the card's rotating token (scanned) or the member number (typed). */
const cardToken = z.string().min(10).max(64)
const scannedAt = z.iso.datetime({ offset: true })

export const RecordPurchaseInputSchema = z.strictObject({
  token: cardToken.optional(),
  memberNo: memberNo.optional(),
  /** When the till scanned the card, for purchases queued while it was offline. */
  scannedAt: scannedAt.optional(),
  /** ₪, up to two decimals. */
  amount: z
    .number()
    .positive()
    .max(100_000)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'at most two decimals'),
  receiptId,
}).refine((input) => Boolean(input.token) !== Boolean(input.memberNo), {
  message: 'exactly one of token or memberNo',
  path: ['token'],
})
export type RecordPurchaseInput = z.input<typeof RecordPurchaseInputSchema>

export const LookupMemberInputSchema = z.strictObject({
  token: cardToken.optional(),
  memberNo: memberNo.optional(),
}).refine((input) => Boolean(input.token) !== Boolean(input.memberNo), {
  message: 'exactly one of token or memberNo',
  path: ['token'],
})
export type LookupMemberInput = z.input<typeof LookupMemberInputSchema>

export const CheckInInputSchema = z.strictObject({
  /** The poster's code, or the whole link the phone's camera opened. */
  code: z.string().min(5).max(300),
  location: z
    .strictObject({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      accuracy: z.number().min(0).max(100_000),
    })
    .nullable()
    .default(null),
})
export type CheckInInput = z.input<typeof CheckInInputSchema>

export const PartnerIdInputSchema = z.strictObject({ partnerId: slug })
export type PartnerIdInput = z.input<typeof PartnerIdInputSchema>

export const ReversePurchaseInputSchema = z.strictObject({
  receiptId,
  /** Staff reverse their own partner's receipts; an admin names the partner. */
  partnerId: slug.optional(),
})
export type ReversePurchaseInput = z.input<typeof ReversePurchaseInputSchema>

export const AdjustPointsInputSchema = z.strictObject({
  memberNo,
  points: z
    .number()
    .int()
    .refine((n) => n !== 0, 'not zero')
    .refine((n) => Math.abs(n) <= 1_000_000, 'at most 1,000,000'),
  note: z.string().trim().min(3).max(200),
  requestId,
})
export type AdjustPointsInput = z.input<typeof AdjustPointsInputSchema>

export const RedeemRewardInputSchema = z.strictObject({ rewardId: slug, requestId })
export type RedeemRewardInput = z.input<typeof RedeemRewardInputSchema>

export const UseCouponInputSchema = z.strictObject({
  code: z.string().max(20).transform((s, ctx) => {
    const parsed = parseCouponCode(s)
    if (!parsed) ctx.addIssue({ code: 'custom', message: 'not a valid coupon code' })
    return parsed ?? ''
  }),
  requestId: requestId.optional(),
})
export type UseCouponInput = z.input<typeof UseCouponInputSchema>

export const RunMaintenanceInputSchema = z.strictObject({
  /** Run as of this moment (tests and demos move time forward); defaults to now. */
  asOf: z.iso.datetime({ offset: true }).optional(),
})
export type RunMaintenanceInput = z.input<typeof RunMaintenanceInputSchema>

export const EmptyInputSchema = z.union([z.strictObject({}), z.null(), z.undefined()])
