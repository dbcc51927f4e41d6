import { z } from 'zod'
import { parseMemberNumber } from '../cards/member-number'
import { SLUG_PATTERN } from '../shared/paths'

/** Input schemas of the staff-account callables (server-side validation; the app imports only types). */

/** The e-mail of an existing account, compared as Firebase Auth stores it (lower case, no spaces). */
const email = z
  .string()
  .trim()
  .max(254)
  .transform((value) => value.toLowerCase())
  .pipe(z.email())

/**
 * `grantStaff`: make an existing account staff of one partner store, or move it to another. The
 * staff person's own member card, when the operator knows it, is linked so they never earn on
 * what they record (`memberNo`).
 */
export const GrantStaffInputSchema = z.strictObject({
  email,
  partnerId: z.string().regex(SLUG_PATTERN),
  memberNo: z
    .string()
    .max(20)
    .transform((value, ctx) => {
      const parsed = parseMemberNumber(value)
      if (!parsed) ctx.addIssue({ code: 'custom', message: 'not a valid member number' })
      return parsed ?? ''
    })
    .optional(),
})
export type GrantStaffInput = z.input<typeof GrantStaffInputSchema>

/** `revokeStaff`: the account stops being staff from its next call on. */
export const RevokeStaffInputSchema = z.strictObject({
  uid: z.string().min(1).max(128),
})
export type RevokeStaffInput = z.input<typeof RevokeStaffInputSchema>
