import { forgetInviteIn, rememberInviteIn, storedInvite, type ReferralInvite } from '@/domain/referrals/invite'

export type { ReferralInvite }

/** Remembers the code a referral link brought, through sign-up, until the member joins. */
export function rememberInvite(query: Record<string, unknown>): void {
  rememberInviteIn(localStorage, query)
}

export function currentInvite(): ReferralInvite | null {
  return storedInvite(localStorage)
}

export function forgetInvite(): void {
  forgetInviteIn(localStorage)
}
