import { z } from 'zod'
import { LocalizedTextSchema } from '../shared/club-config'
import { SLUG_PATTERN } from '../shared/paths'

/**
 * Reusable promo codes (config kind `promoCode`, live in `promoCodes/{id}`): the id *is* the code
 * in lower case, so a code is found by one read and matched whatever case the member types. A
 * code pays bonus points once per member, up to a total number of uses, within its window, to
 * members past its thresholds.
 */

const ISO = z.iso.datetime({ offset: true })

export const PromoCodeSchema = z
  .object({
    /** The code in lower case: WELCOME10 is `welcome10`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,23}$/, 'the code in lower case: 3–24 letters, digits and dashes'),
    title: LocalizedTextSchema,
    points: z.number().int().min(1).max(100_000),
    /** Uses across the club; null: no limit. */
    totalUses: z.number().int().min(1).max(10_000_000).nullable(),
    /** The member's spend in the last 12 months must be at least this (₪; 0: none). */
    minSpendShekels: z.number().min(0).max(1_000_000).default(0),
    /** The member's tier must be this one or higher; null: any tier. */
    minTierId: z.string().regex(SLUG_PATTERN).nullable().default(null),
    startsAt: ISO,
    endsAt: ISO,
    active: z.boolean(),
  })
  .superRefine((code, ctx) => {
    if (Date.parse(code.endsAt) <= Date.parse(code.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must end after it starts' })
  })
export type PromoCode = z.infer<typeof PromoCodeSchema>

/** Letters, digits and dashes only: no control, bidi or invisible character gets through. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{2,23}$/

/** The code as typed → its id, or null when it cannot be a code (trimmed; case does not matter). */
export function promoCodeId(typed: string): string | null {
  const trimmed = typed.trim()
  return CODE.test(trimmed) ? trimmed.toLowerCase() : null
}

export const RedeemPromoCodeInputSchema = z.strictObject({
  code: z.string().max(64),
  requestId: z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -'),
})
export type RedeemPromoCodeInput = z.input<typeof RedeemPromoCodeInputSchema>

export interface RedeemPromoCodeResult {
  code: string
  points: number
  balance: number
  replayed: boolean
}

export const PROMO_REFUSALS = ['promo-invalid', 'promo-unknown', 'promo-expired', 'promo-used-up', 'promo-already-used', 'promo-threshold'] as const
export type PromoRefusal = (typeof PROMO_REFUSALS)[number]

/** Why a member may not use a code now (use-once is the ledger's key, checked by the caller). */
export function promoRefusal(
  code: PromoCode | null,
  uses: number,
  member: { spendShekels: number; tierIndex: number },
  tierIndexOf: (tierId: string) => number,
  now: Date,
): PromoRefusal | null {
  if (!code || !code.active) return 'promo-unknown'
  if (now.getTime() < Date.parse(code.startsAt) || now.getTime() >= Date.parse(code.endsAt)) return 'promo-expired'
  if (code.totalUses !== null && uses >= code.totalUses) return 'promo-used-up'
  if (member.spendShekels < code.minSpendShekels) return 'promo-threshold'
  if (code.minTierId !== null && member.tierIndex < tierIndexOf(code.minTierId)) return 'promo-threshold'
  return null
}
