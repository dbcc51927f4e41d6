import type { LedgerSource } from './ledger'

/**
 * Member-get-member referrals: the club's rules for who may be credited with a friend, and what
 * the referrer earns as more friends become real customers. Pure; the functions decide with it.
 */
export interface LadderStep {
  /** Applies from this friend on (1 = the first qualified friend), until the next step. */
  fromFriend: number
  points: number
  /** Months of the next tier's benefits that come with this reward. */
  tierBoostMonths: number
}

export interface ReferralPolicy {
  enabled: boolean
  /** Points the new friend gets on joining through a referral (on top of the welcome gift). */
  friendWelcomePoints: number
  /** What makes the friend a real customer and pays the referrer. */
  qualifyingSources: LedgerSource[]
  ladder: LadderStep[]
  /** Referral rewards per referrer per calendar month. */
  monthlyCap: number
  disposableDomains: string[]
}

export function ladderStepFor(nthFriend: number, ladder: readonly LadderStep[]): LadderStep | null {
  let found: LadderStep | null = null
  for (const step of [...ladder].sort((a, b) => a.fromFriend - b.fromFriend)) if (nthFriend >= step.fromFriend) found = step
  return found
}

/** The next better reward on the ladder: "2 more friends to the 200-point bonus". */
export function nextLadderGoal(
  qualifiedFriends: number,
  ladder: readonly LadderStep[],
): { friendsMore: number; points: number; tierBoostMonths: number } | null {
  const current = ladderStepFor(qualifiedFriends + 1, ladder)
  const next = [...ladder]
    .sort((a, b) => a.fromFriend - b.fromFriend)
    .find((step) => step.fromFriend > qualifiedFriends + 1 && (!current || step.points > current.points || step.tierBoostMonths > current.tierBoostMonths))
  return next ? { friendsMore: next.fromFriend - qualifiedFriends, points: next.points, tierBoostMonths: next.tierBoostMonths } : null
}

const GMAIL = new Set(['gmail.com', 'googlemail.com'])

/** One mailbox, one address: lower case, no +tags, and Gmail's ignored dots removed. */
export function normalizeEmail(email: string): string {
  const [rawLocal = '', rawDomain = ''] = email.trim().toLowerCase().split('@')
  let local = rawLocal.split('+')[0] ?? ''
  const domain = GMAIL.has(rawDomain) ? 'gmail.com' : rawDomain
  if (domain === 'gmail.com') local = local.replace(/\./g, '')
  return `${local}@${domain}`
}

export function isDisposableEmail(email: string | null, domains: readonly string[]): boolean {
  if (!email) return false
  const domain = email.trim().toLowerCase().split('@')[1] ?? ''
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`))
}

export interface ReferralParty {
  uid: string
  email: string | null
  phone: string | null
  referredBy: string | null
}

export type AttributionRefusal = 'disabled' | 'self' | 'same-email' | 'same-phone' | 'already-referred' | 'cycle'

/** Whether a friend may be credited to this referrer at join (null: yes). */
export function attributionRefusal(
  referrer: ReferralParty,
  friend: ReferralParty,
  policy: Pick<ReferralPolicy, 'enabled'>,
): AttributionRefusal | null {
  if (!policy.enabled) return 'disabled'
  if (referrer.uid === friend.uid) return 'self'
  if (referrer.email && friend.email && normalizeEmail(referrer.email) === normalizeEmail(friend.email)) return 'same-email'
  if (referrer.phone && friend.phone && referrer.phone.replace(/\D/g, '') === friend.phone.replace(/\D/g, '')) return 'same-phone'
  if (friend.referredBy) return 'already-referred'
  // A→B→A: the referrer was brought in by this very friend; one of the two is paid, once.
  if (referrer.referredBy === friend.uid) return 'cycle'
  return null
}

export type PayoutRefusal = 'disposable-email' | 'monthly-cap'

/** Whether the referrer is paid when the friend qualifies (null: yes). */
export function payoutRefusal(
  friendEmail: string | null,
  paidThisMonth: number,
  policy: Pick<ReferralPolicy, 'monthlyCap' | 'disposableDomains'>,
): PayoutRefusal | null {
  if (isDisposableEmail(friendEmail, policy.disposableDomains)) return 'disposable-email'
  if (paidThisMonth >= policy.monthlyCap) return 'monthly-cap'
  return null
}
