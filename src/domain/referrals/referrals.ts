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
  /** Points the friend gets when their first real purchase qualifies (on top of the welcome gift). */
  friendWelcomePoints: number
  /** The friend's first purchase of at least this much qualifies both sides. */
  minQualifyingSpendShekels: number
  ladder: LadderStep[]
  /** Referral rewards per referrer per calendar month. */
  monthlyCap: number
  /** More than `maxFriends` friends of one referrer qualifying within `minutes` are held for review. */
  velocityHold: { maxFriends: number; minutes: number }
  /** A refund of the qualifying purchase within this many days takes both rewards back. */
  refundWindowDays: number
  /** The club's own throwaway domains, beside the maintained list the functions bundle. */
  disposableDomains: string[]
}

/** Where a referral stands; `held` is "under review" on the referrer's dashboard. */
export const REFERRAL_STATUSES = ['joined', 'qualified', 'held', 'refused', 'clawed-back'] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

export const REFERRAL_REFUSALS = ['disposable-email', 'monthly-cap', 'review-refused', 'refunded'] as const
export type ReferralRefusal = (typeof REFERRAL_REFUSALS)[number]

/** A friend on the referrer's dashboard: first name and progress only. */
export interface ReferredFriend {
  friendUid: string
  firstName: string
  status: ReferralStatus
  rewardPoints: number
  joinedAt: Date
}

export function isReferralStatus(value: unknown): value is ReferralStatus {
  return typeof value === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(value)
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

/** The domain of an address and every parent domain short of the top level: a.b.example.com → a.b.example.com, b.example.com, example.com. */
export function domainAndParents(email: string): string[] {
  const domain = (email.trim().toLowerCase().split('@')[1] ?? '').replace(/\.+$/, '')
  const labels = domain.split('.').filter(Boolean)
  const out: string[] = []
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'))
  return out
}

/** Whether the address is at a throwaway domain or a subdomain of one, by the given lists. */
export function isDisposableEmail(email: string | null, ...lists: ReadonlyArray<ReadonlySet<string> | readonly string[]>): boolean {
  if (!email) return false
  const sets = lists.map((list) => (list instanceof Set ? list : new Set(list as readonly string[])))
  return domainAndParents(email).some((domain) => sets.some((set) => set.has(domain)))
}

export interface ReferralParty {
  uid: string
  email: string | null
  referredBy: string | null
}

export type AttributionRefusal = 'disabled' | 'self' | 'same-email' | 'already-referred' | 'cycle'

/** Whether a friend may be credited to this referrer at join (null: yes). */
export function attributionRefusal(
  referrer: ReferralParty,
  friend: ReferralParty,
  policy: Pick<ReferralPolicy, 'enabled'>,
): AttributionRefusal | null {
  if (!policy.enabled) return 'disabled'
  if (referrer.uid === friend.uid) return 'self'
  if (referrer.email && friend.email && normalizeEmail(referrer.email) === normalizeEmail(friend.email)) return 'same-email'
  if (friend.referredBy) return 'already-referred'
  // A→B→A: the referrer was brought in by this very friend; one of the two is paid, once.
  if (referrer.referredBy === friend.uid) return 'cycle'
  return null
}

/** What a purchase is, as far as qualifying a referral goes. */
export interface QualifyingPurchaseFacts {
  amountShekels: number
  points: number
  /** Identified by the card's QR, not a typed member number. */
  scanned: boolean
  /** Sent later from the till's offline queue. */
  offline: boolean
  status: 'recorded' | 'pending'
}

export type NotQualifying = 'typed-number' | 'offline' | 'pending' | 'no-points' | 'below-minimum'

/**
 * Whether this purchase makes the friend a real customer (null: yes): scanned from the friend's
 * own card at a till that was online, recorded (not waiting for approval), earning points, and at
 * least the club's minimum. Anything else leaves the referral waiting for a later purchase.
 */
export function purchaseNotQualifying(purchase: QualifyingPurchaseFacts, policy: Pick<ReferralPolicy, 'minQualifyingSpendShekels'>): NotQualifying | null {
  if (!purchase.scanned) return 'typed-number'
  if (purchase.offline) return 'offline'
  if (purchase.status !== 'recorded') return 'pending'
  if (!(purchase.points > 0)) return 'no-points'
  if (!(purchase.amountShekels >= policy.minQualifyingSpendShekels)) return 'below-minimum'
  return null
}

export type PayoutRefusal = 'disposable-email' | 'monthly-cap'

/** Whether both sides are paid when the friend qualifies (null: yes). */
export function payoutRefusal(
  disposable: boolean,
  paidThisMonth: number,
  policy: Pick<ReferralPolicy, 'monthlyCap'>,
): PayoutRefusal | null {
  if (disposable) return 'disposable-email'
  if (paidThisMonth >= policy.monthlyCap) return 'monthly-cap'
  return null
}

/**
 * The referrer's recent qualifications (epoch ms) still inside the velocity window, and whether
 * one more now must be held: more than `maxFriends` within `minutes` looks like a farm.
 */
export function velocityCheck(
  recent: readonly number[],
  nowMs: number,
  policy: Pick<ReferralPolicy, 'velocityHold'>,
): { hold: boolean; recent: number[] } {
  const since = nowMs - policy.velocityHold.minutes * 60_000
  const inWindow = recent.filter((at) => at > since && at <= nowMs)
  return { hold: inWindow.length >= policy.velocityHold.maxFriends, recent: [...inWindow, nowMs] }
}

/** A lent tier never stretches: while one is running, a new reward leaves its end date alone. */
export function lentTierAfterReward(
  current: { tierId: string; until: string } | null | undefined,
  offered: { tierId: string; until: string } | null,
  today: string,
): { tierId: string; until: string } | null {
  if (!offered) return null
  if (current && current.until >= today) return null
  return offered
}
