import type { LocalDate } from '../shared/calendar'
import type { ActivityRule } from '../shared/club-config'
import type { RuleUsage } from '../points/earning'

/**
 * The Earn hub's list: every earning rule of the club with its status and progress, worked out
 * from the configuration and the usage the server keeps on the member document (`earnUsage`).
 */
export type EarnStatus = 'available' | 'in-progress' | 'done' | 'locked'

export interface EarnItem {
  id: string
  points: number
  status: EarnStatus
  /** Steps done of the goal (this month's shares, the profile's fields …); null: a single step. */
  progress: { done: number; goal: number } | null
  /** When a `done` item can be earned again: a daily or monthly cap resets, `once` never. */
  resets: 'day' | 'month' | null
  /** Why a locked item is locked (e.g. `visit`, `tier`, `date`). */
  lockedBy: string | null
}

/**
 * Ways to earn with a section of their own that pays its own reward (a review pays
 * `reviews.points` through `submitReview`, a survey its own points through `submitSurvey`). A
 * configuration written before those sections existed may still list them as activity rules,
 * which nothing pays: the hub leaves those rules out, so each way to earn shows once, with the
 * reward it really pays.
 */
const PAID_BY_THEIR_SECTION: ReadonlySet<string> = new Set(['review', 'survey'])

/** The club's activity rules the hub lists (see `PAID_BY_THEIR_SECTION`). */
export function hubRules<T extends Pick<ActivityRule, 'id'>>(rules: readonly T[]): T[] {
  return rules.filter((rule) => !PAID_BY_THEIR_SECTION.has(rule.id))
}

/** A rule's item from its usage: done once its cap for now is used, in progress on the way there. */
export function ruleItem(
  rule: Pick<ActivityRule, 'id' | 'points' | 'once' | 'perDay' | 'perMonth'>,
  usage: RuleUsage | null | undefined,
  today: LocalDate,
): EarnItem {
  const base = { id: rule.id, points: rule.points, lockedBy: null }
  if (rule.once) {
    return { ...base, status: (usage?.total ?? 0) > 0 ? 'done' : 'available', progress: null, resets: null }
  }
  const dayCount = usage && usage.day === today ? usage.dayCount : 0
  const monthCount = usage && usage.month === today.slice(0, 7) ? usage.monthCount : 0
  if (rule.perMonth !== null && monthCount >= rule.perMonth) {
    return { ...base, status: 'done', progress: { done: monthCount, goal: rule.perMonth }, resets: 'month' }
  }
  if (rule.perDay !== null && dayCount >= rule.perDay) {
    return { ...base, status: 'done', progress: rule.perMonth !== null ? { done: monthCount, goal: rule.perMonth } : null, resets: 'day' }
  }
  if (rule.perMonth !== null && rule.perMonth > 1) {
    return { ...base, status: monthCount > 0 ? 'in-progress' : 'available', progress: { done: monthCount, goal: rule.perMonth }, resets: null }
  }
  return { ...base, status: 'available', progress: null, resets: null }
}

/** The profile rule: in progress while some of the profile's parts are filled. */
export function profileItem(item: EarnItem, parts: number, gaps: number): EarnItem {
  if (item.status !== 'available' || parts <= 0) return item
  const done = Math.max(0, parts - gaps)
  return { ...item, status: done > 0 ? 'in-progress' : 'available', progress: { done, goal: parts } }
}

export function lockItem(item: EarnItem, lockedBy: string): EarnItem {
  return item.status === 'done' ? item : { ...item, status: 'locked', lockedBy }
}

const STATUS_ORDER: Record<EarnStatus, number> = { 'in-progress': 0, available: 1, locked: 2, done: 3 }

function share(item: EarnItem): number {
  return item.progress && item.progress.goal > 0 ? item.progress.done / item.progress.goal : 0
}

/**
 * Nearest to done first: what is under way (the closest to its goal first), then what can be
 * done now (the richest first), then what is locked, then what is done. Stable for ties.
 */
export function sortEarnItems(items: readonly EarnItem[]): EarnItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const byStatus = STATUS_ORDER[a.item.status] - STATUS_ORDER[b.item.status]
      if (byStatus !== 0) return byStatus
      if (a.item.status === 'in-progress') {
        const byShare = share(b.item) - share(a.item)
        if (byShare !== 0) return byShare
      }
      if (a.item.status === 'available' || a.item.status === 'locked') {
        const byPoints = b.item.points - a.item.points
        if (byPoints !== 0) return byPoints
      }
      return a.index - b.index
    })
    .map(({ item }) => item)
}
