import { z } from 'zod'
import { HOUSEHOLD_INVITE_CODE } from './household'

/** Server-side validation of the household callables (zod stays out of the app bundle). */
export const CreateHouseholdInviteInputSchema = z.strictObject({
  requestId: z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -'),
})
export type CreateHouseholdInviteInput = z.input<typeof CreateHouseholdInviteInputSchema>

export const AcceptHouseholdInviteInputSchema = z.strictObject({
  code: z.string().regex(HOUSEHOLD_INVITE_CODE, 'an invite code from a household link'),
})
export type AcceptHouseholdInviteInput = z.input<typeof AcceptHouseholdInviteInputSchema>

/** The owner removes `uid`, or a member leaves by sending their own uid. */
export const RemoveHouseholdMemberInputSchema = z.strictObject({
  uid: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'a member id'),
})
export type RemoveHouseholdMemberInput = z.input<typeof RemoveHouseholdMemberInputSchema>

export interface CreateHouseholdInviteResult {
  code: string
  /** ISO time. */
  expiresAt: string
  replayed: boolean
}

export interface AcceptHouseholdInviteResult {
  ownerName: string
  replayed: boolean
}

export interface RemoveHouseholdMemberResult {
  removed: true
}
