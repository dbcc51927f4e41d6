import { z } from 'zod'
import { parseCouponCode } from '../points/coupon-code'
import { parseMemberNumber } from '../cards/member-number'
import { REFUND_REASONS, TYPED_REASONS } from '../partners/till'
import { SLUG_PATTERN } from '../shared/paths'

/** Input schemas of the points callables (server-side validation; the app imports only types). */
const memberNo = z.string().max(20).transform((s, ctx) => {
  const parsed = parseMemberNumber(s)
  if (!parsed) ctx.addIssue({ code: 'custom', message: 'not a valid member number' })
  return parsed ?? ''
})
/** A client-generated id that makes a retry of the same action harmless. */
const requestId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')
/** Receipt numbers as printed: 1–40 visible ASCII characters (ids built from them are encoded). */
const receiptId = z.string().regex(/^[\x21-\x7E]{1,40}$/, '1–40 visible characters')
const slug = z.string().regex(SLUG_PATTERN)

/** Who is at the till: the card's rotating token (scanned) or the member number (typed). */
const cardToken = z.string().min(10).max(64)
const scannedAt = z.iso.datetime({ offset: true })
/** The till (a staff device): a random id the staff app keeps on the device. */
export const tillId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')

/** Why staff typed the member number instead of scanning the card (typed purchases are flagged). */
export { TYPED_REASONS, type TypedReason } from '../partners/till'

/**
 * Money is ₪ with at most two decimals (whole agorot). Exact: 12.3 and 12.30 pass, 12.345 and
 * 1e-9 do not. The club's minimum and maximum are checked against its configuration.
 */
export const shekels = z
  .number()
  .finite()
  .min(0.01, 'at least 0.01')
  .max(1_000_000)
  .refine((n) => Number((Math.round(n * 100) / 100).toFixed(2)) === n, 'at most two decimals')

export const RecordPurchaseInputSchema = z.strictObject({
  token: cardToken.optional(),
  memberNo: memberNo.optional(),
  /** Required with a typed member number: why the card was not scanned. */
  typedReason: z.enum(TYPED_REASONS).optional(),
  /**
   * Only the till's offline queue sends this: when the card was scanned while the till was
   * offline. Online purchases are judged by the server's clock alone.
   */
  scannedAt: scannedAt.optional(),
  amount: shekels,
  receiptId,
  tillId,
}).superRefine((input, ctx) => {
  if (Boolean(input.token) === Boolean(input.memberNo)) {
    ctx.addIssue({ code: 'custom', message: 'exactly one of token or memberNo', path: ['token'] })
  }
  if (input.memberNo && !input.typedReason) {
    ctx.addIssue({ code: 'custom', message: 'required with a typed member number', path: ['typedReason'] })
  }
  if (input.token && input.typedReason) {
    ctx.addIssue({ code: 'custom', message: 'only with a typed member number', path: ['typedReason'] })
  }
})
export type RecordPurchaseInput = z.input<typeof RecordPurchaseInputSchema>

/** The till confirms a typed member number before recording (scanned cards need no lookup). */
export const LookupMemberInputSchema = z.strictObject({
  token: cardToken.optional(),
  memberNo: memberNo.optional(),
  tillId: tillId.optional(),
}).refine((input) => Boolean(input.token) !== Boolean(input.memberNo), {
  message: 'exactly one of token or memberNo',
  path: ['token'],
})
export type LookupMemberInput = z.input<typeof LookupMemberInputSchema>

/** An operator approves or refuses a purchase held for review. */
export const ReviewPurchaseInputSchema = z.strictObject({
  partnerId: slug,
  receiptId,
  approve: z.boolean(),
  note: z.string().trim().min(3).max(200),
})
export type ReviewPurchaseInput = z.input<typeof ReviewPurchaseInputSchema>

/** An operator pays or refuses a referral held for review (too many friends at once). */
export const ReviewReferralInputSchema = z.strictObject({
  /** The friend's uid: a referral's document id. */
  friendUid: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'a member uid'),
  approve: z.boolean(),
  note: z.string().trim().min(3).max(200),
})
export type ReviewReferralInput = z.input<typeof ReviewReferralInputSchema>

export const CheckInInputSchema = z.strictObject({
  /** The poster's or the counter screen's code, or the whole link the phone's camera opened. */
  code: z.string().min(5).max(300),
  /** One per scan, kept across retries: a retry answers with the visit it already recorded. */
  requestId,
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

/** The operator re-issues a partner's poster; a retry with the same request id re-issues once. */
export const ReissuePosterCodeInputSchema = z.strictObject({ partnerId: slug, requestId: requestId.optional() })
export type ReissuePosterCodeInput = z.input<typeof ReissuePosterCodeInputSchema>

export const ReversePurchaseInputSchema = z.strictObject({
  receiptId,
  /** Staff reverse their own partner's receipts; an admin names the partner. */
  partnerId: slug.optional(),
  /** Staff send their till (the refund is counted and audited with it); operators have none. */
  tillId: tillId.optional(),
  /** Every refund says why (kept on the receipt, the ledger entry and the audit log). */
  reason: z.enum(REFUND_REASONS),
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
  /** One per acceptance at the till, kept across retries: a retry gets the first answer. */
  requestId,
  tillId,
})
export type UseCouponInput = z.input<typeof UseCouponInputSchema>

export const RunMaintenanceInputSchema = z.strictObject({
  /** Run as of this moment (tests and demos move time forward); defaults to now. */
  asOf: z.iso.datetime({ offset: true }).optional(),
})
export type RunMaintenanceInput = z.input<typeof RunMaintenanceInputSchema>

export const EmptyInputSchema = z.union([z.strictObject({}), z.null(), z.undefined()])
export type EmptyInput = z.input<typeof EmptyInputSchema>
