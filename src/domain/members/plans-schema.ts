import { z } from 'zod'
import { LocalizedTextSchema } from '../shared/club-config'
import { SLUG_PATTERN } from '../shared/paths'

/**
 * A membership plan as the club configures it (`plans/{id}`, config kind `plan`): free or paid,
 * for a year or without end, with benefits the server applies. The free plan is where a member
 * stands without paying and where an expired paid plan falls back to (src/domain/members/plans.ts).
 */

/** The highest price a plan may ask, in agorot (₪10,000): a typo of three zeros is refused. */
export const PLAN_MAX_PRICE_AGOROT = 1_000_000
/** Purchases earn at most three times the points on a plan: more would outweigh every tier. */
export const PLAN_MAX_EARN_MULTIPLIER = 3

export const PlanTermSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('year') }), z.object({ kind: z.literal('unlimited') })])
export type PlanTerm = z.infer<typeof PlanTermSchema>

export const PlanSchema = z
  .object({
    id: z.string().regex(SLUG_PATTERN, 'lowercase letters, digits and dashes'),
    name: LocalizedTextSchema,
    /** What the plan gives, in words for the member (the multiplier below is what the server applies). */
    benefits: z.array(LocalizedTextSchema).max(8),
    /** Whole agorot; 0 is the free plan. */
    priceAgorot: z.number().int().min(0).max(PLAN_MAX_PRICE_AGOROT),
    term: PlanTermSchema,
    /** Applied to points from purchases while the plan runs, beside the tier's and the partner's. */
    earnMultiplier: z.number().min(1).max(PLAN_MAX_EARN_MULTIPLIER).default(1),
    active: z.boolean(),
    order: z.number().int().min(0).max(99),
  })
  .refine((plan) => plan.priceAgorot > 0 || (plan.term.kind === 'unlimited' && plan.earnMultiplier === 1), {
    // A free plan is where an expired paid plan lands: it must not itself expire, nor give a paid benefit.
    message: 'a free plan is unlimited and earns at the usual rate',
    path: ['term'],
  })
export type Plan = z.infer<typeof PlanSchema>

/**
 * The plan on a member's document (`members/{uid}.plan`), written only by choosePlan and the
 * nightly job. `expiresOn` is the last local day the plan runs (null: no end); the multiplier is
 * the one bought, so a later change of the plan's terms does not change what a member paid for.
 */
export const MemberPlanSchema = z.object({
  id: z.string().regex(SLUG_PATTERN),
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  paidRef: z.string().max(200).nullable(),
  earnMultiplier: z.number().min(1).max(PLAN_MAX_EARN_MULTIPLIER).default(1),
})
export type MemberPlan = z.infer<typeof MemberPlanSchema>

/** The test provider's card tokens; a real provider's tokens come from its own payment form. */
export const PAYMENT_TOKEN_PATTERN = /^[\w-]{4,200}$/

export const ChoosePlanInputSchema = z.strictObject({
  planId: z.string().regex(SLUG_PATTERN, 'a plan id'),
  requestId: z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -'),
  paymentToken: z.string().regex(PAYMENT_TOKEN_PATTERN, 'a payment token').optional(),
})
export type ChoosePlanInput = z.input<typeof ChoosePlanInputSchema>

export interface ChoosePlanResult {
  planId: string
  since: string
  /** The last day the plan runs, or null for no end. */
  expiresOn: string | null
  /** What was charged, in agorot (0 for the free plan). */
  chargedAgorot: number
  /** An earlier call with the same request id answered this. */
  replayed: boolean
}
