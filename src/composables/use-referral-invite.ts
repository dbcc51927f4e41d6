import { parseReferralCode } from '@/domain/referrals/referral-code'

const KEY = 'moadon.referral'

export interface ReferralInvite {
  code: string
  /** The inviter's first name, as the landing page passed it on. */
  from: string
}

/** Remembers the code a referral link brought, through sign-up, until the member joins. */
export function rememberInvite(query: Record<string, unknown>): void {
  const code = typeof query.ref === 'string' ? parseReferralCode(query.ref) : null
  if (!code) return
  const from = typeof query.from === 'string' ? query.from.slice(0, 40) : ''
  localStorage.setItem(KEY, JSON.stringify({ code, from }))
}

export function currentInvite(): ReferralInvite | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as ReferralInvite | null
    return stored && parseReferralCode(stored.code) ? stored : null
  } catch {
    return null
  }
}

export function forgetInvite(): void {
  localStorage.removeItem(KEY)
}
