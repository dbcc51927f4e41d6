/**
 * Badges: milestones granted by the server from what it knows (the ledger, usage, the profile
 * check), never from the client. Defined here once as data; `earnedBadges` is the only rule.
 * A badge is `members/{uid}/badges/{badgeId}`, its artwork `public/badges/<id>.svg`.
 */

/** The facts badges are judged on; a fact the caller did not measure is left out, never guessed. */
export interface BadgeFacts {
  /** Recorded purchases (ledger entries from the till). */
  purchases: number
  /** Paid visits (scan-ins at partner stores). */
  visits: number
  /** Different partner stores with a purchase or a visit. */
  partnersVisited: number
  /** The profile reward was paid (the server checked the profile). */
  profileComplete: boolean
  /** Reviews published and paid. */
  reviews: number
  /** Treasure hunts finished. */
  huntsFinished: number
  /** Eco actions confirmed by staff at the till. */
  ecoActions: number
  /** Weeks in the member's current weekly visit streak. */
  streakWeeks: number
}

export type BadgeFact = keyof BadgeFacts

export interface BadgeDefinition {
  id: string
  fact: BadgeFact
  /** The fact's value that earns it (true for a yes-or-no fact). */
  goal: number | true
}

export const BADGES = [
  { id: 'first-purchase', fact: 'purchases', goal: 1 },
  { id: 'first-visit', fact: 'visits', goal: 1 },
  { id: 'profile-complete', fact: 'profileComplete', goal: true },
  { id: 'five-partners', fact: 'partnersVisited', goal: 5 },
  { id: 'ten-visits', fact: 'visits', goal: 10 },
  { id: 'first-review', fact: 'reviews', goal: 1 },
  { id: 'hunt-finished', fact: 'huntsFinished', goal: 1 },
  { id: 'eco-5', fact: 'ecoActions', goal: 5 },
  { id: 'week-streak', fact: 'streakWeeks', goal: 4 },
] as const satisfies readonly BadgeDefinition[]

export type BadgeId = (typeof BADGES)[number]['id']
export const BADGE_IDS: readonly BadgeId[] = BADGES.map((badge) => badge.id)

export function isBadgeId(value: unknown): value is BadgeId {
  return typeof value === 'string' && (BADGE_IDS as readonly string[]).includes(value)
}

/** What a member's badge document holds (the server writes it once, at the moment it was earned). */
export interface EarnedBadge {
  id: BadgeId
  earnedAt: Date
}

/** The badges these facts earn; a badge whose fact is missing from `facts` is not judged. */
export function earnedBadges(facts: Partial<BadgeFacts>): BadgeId[] {
  return BADGES.filter((badge) => {
    const value = facts[badge.fact]
    if (value === undefined) return false
    return badge.goal === true ? value === true : typeof value === 'number' && value >= badge.goal
  }).map((badge) => badge.id)
}

/** The facts worth measuring: those of badges not yet earned (an earned badge is never taken back). */
export function factsStillNeeded(earned: readonly string[]): BadgeFact[] {
  const have = new Set(earned)
  return [...new Set(BADGES.filter((badge) => !have.has(badge.id)).map((badge) => badge.fact))]
}

/** Earned badges first (newest first), then the locked ones in their defined order. */
export function badgeShelf(earned: readonly EarnedBadge[]): { id: BadgeId; earnedAt: Date | null }[] {
  const byId = new Map(earned.map((badge) => [badge.id, badge.earnedAt]))
  const got = BADGES.filter((badge) => byId.has(badge.id))
    .map((badge) => ({ id: badge.id as BadgeId, earnedAt: byId.get(badge.id)! }))
    .sort((a, b) => b.earnedAt.getTime() - a.earnedAt.getTime())
  const locked = BADGES.filter((badge) => !byId.has(badge.id)).map((badge) => ({ id: badge.id as BadgeId, earnedAt: null }))
  return [...got, ...locked]
}
