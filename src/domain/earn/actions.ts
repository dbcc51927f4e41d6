import { z } from 'zod'

/**
 * Honour-based actions a member reports from the app (`claimAction`): each is an earning rule of
 * the same id in the club configuration, whose caps (once, per month) decide whether it pays.
 */
export const CLAIMABLE_ACTIONS = ['share-referral', 'follow-social'] as const
export type ClaimableAction = (typeof CLAIMABLE_ACTIONS)[number]

export const ClaimActionInputSchema = z.strictObject({
  actionId: z.enum(CLAIMABLE_ACTIONS),
  /**
   * One per claim, kept by the app until it has an answer: a retry replays the first answer, while
   * another claim is judged by the rule's caps (a second follow is refused with `cap-once`).
   */
  requestId: z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -'),
})
export type ClaimActionInput = z.input<typeof ClaimActionInputSchema>

