import { addDays, type LocalDate } from '../shared/calendar'
import { idOf } from '../shared/paths'
import { checkText, type TextRefusal } from '../shared/text'
import { deniedWords, hasLink, hasPhone } from '../shared/moderation'

/**
 * Reviews of partner stores, from verified visits only. The rules here are shared: the app uses
 * them to show the counter and who may write, the functions to decide.
 */
export const REVIEW_STATUSES = ['published', 'held', 'removed'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** Why the automatic checks held a review for a person to read. */
export const REVIEW_FLAGS = ['words', 'link', 'phone'] as const
export type ReviewFlag = (typeof REVIEW_FLAGS)[number]

export interface ReviewPolicy {
  /** Points for a published review (paid on approval when held). */
  points: number
  /** A visit (scanned purchase or scan-in) within this many days makes a review possible. */
  visitWindowDays: number
  /** One paid review per member per partner in each period of this many days. */
  periodDays: number
  minChars: number
  maxChars: number
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { points: 20, visitWindowDays: 30, periodDays: 90, minChars: 20, maxChars: 1000 }

/** Raw input beyond this many UTF-16 units is refused before any work on it. */
export const REVIEW_INPUT_MAX_UNITS = 10_000

export type ReviewJudgement =
  | { ok: true; text: string; status: Extract<ReviewStatus, 'published' | 'held'>; flags: ReviewFlag[] }
  | { ok: false; reason: `review-${TextRefusal}` }

/**
 * The automatic checks: the shared sanitiser (bidi, control and stray invisible characters
 * stripped), the length in graphemes, then the word list, links and phone numbers, any of which
 * holds the review for moderation instead of refusing it.
 */
export function judgeReview(rawText: string, policy: Pick<ReviewPolicy, 'minChars' | 'maxChars'>): ReviewJudgement {
  const checked = checkText(rawText, { multiline: true, min: policy.minChars, max: policy.maxChars })
  if (!checked.ok) return { ok: false, reason: `review-${checked.reason}` }
  const flags: ReviewFlag[] = []
  if (deniedWords(checked.text).length > 0) flags.push('words')
  if (hasLink(checked.text)) flags.push('link')
  if (hasPhone(checked.text)) flags.push('phone')
  return { ok: true, text: checked.text, status: flags.length > 0 ? 'held' : 'published', flags }
}

const DAY_MS = 86_400_000

/**
 * The period a review falls in: fixed windows of `periodDays` counted from 1970-01-01 in the
 * club's calendar, so the review's id is known before anything is read and two reviews in one
 * window share it. A review near a window's end allows the next one a little sooner than
 * `periodDays` later; that is the price of an id that needs no query.
 */
export function reviewPeriod(today: LocalDate, periodDays: number): number {
  return Math.floor(Date.parse(`${today}T00:00:00Z`) / DAY_MS / periodDays)
}

/** The review's key: one per partner, member and period (hashed into the public document id). */
export function reviewKey(partnerId: string, uid: string, period: number): string {
  return idOf(partnerId, uid, period)
}

/**
 * The public document id: the key's SHA-256 in hex. Other members read published reviews, and the
 * key carries the author's uid, so the id must not.
 */
export async function reviewDocId(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A partner's rating is kept in this many shard documents, summed by readers. */
export const REVIEW_SHARDS = 5

/** Which shard a review counts in: fixed by its id, so removing it takes it from the same shard. */
export function reviewShard(reviewId: string): number {
  return Number.parseInt(reviewId.slice(0, 8), 16) % REVIEW_SHARDS
}

export interface RatingShard {
  count: number
  starsSum: number
}

export function ratingSummary(shards: readonly Partial<RatingShard>[]): { count: number; average: number | null } {
  let count = 0
  let starsSum = 0
  for (const shard of shards) {
    count += Number(shard.count ?? 0)
    starsSum += Number(shard.starsSum ?? 0)
  }
  return { count, average: count > 0 ? Math.round((starsSum / count) * 10) / 10 : null }
}

/** A ledger entry as far as visits are concerned (what a member can read of their own ledger). */
export interface VisitEntry {
  reason: string
  partnerId: string | null
  createdAt: Date
  flags?: readonly string[]
}

/**
 * Whether a ledger entry proves a visit: a scan-in, or a purchase whose card was scanned (a
 * typed member number proves nothing about who stood at the till).
 */
export function isVerifiedVisit(entry: VisitEntry): boolean {
  if (!entry.partnerId) return false
  if (entry.reason === 'check_in') return true
  return entry.reason === 'purchase' && !(entry.flags ?? []).includes('typed')
}

/** The first day a visit still counts for a review written today. */
export function visitWindowStart(today: LocalDate, windowDays: number): LocalDate {
  return addDays(today, -windowDays)
}

/** Partners visited since `since`, most recent visit first (from the member's own ledger). */
export function visitedPartners(entries: readonly VisitEntry[], since: Date): string[] {
  const latest = new Map<string, number>()
  for (const entry of entries) {
    if (!isVerifiedVisit(entry) || entry.createdAt < since) continue
    const at = entry.createdAt.getTime()
    if (at > (latest.get(entry.partnerId!) ?? -Infinity)) latest.set(entry.partnerId!, at)
  }
  return [...latest.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id)
}

/** A review as other members see it (`reviews/{id}`): no uid, the author as first name and initial. */
export interface ReviewDoc {
  partnerId: string
  stars: number
  text: string
  status: ReviewStatus
  authorName: string
  verifiedVisit: boolean
  /** A photo the author attached (served at /p/<id> while the review is published), or null. */
  photoId: string | null
  createdAt: Date
  publishedAt: Date | null
}

/** The author's own copy (`members/{uid}/reviews/{id}`), held ones included. */
export interface MyReviewDoc extends ReviewDoc {
  points: number
  period: number
}
