import { z } from 'zod'
import { addDays, addMonthsToMonth, monthOf, type LocalDate, type LocalMonth } from '../shared/calendar'

/**
 * RFM scoring: recency (days since the last purchase), frequency (purchases in the last 12 months)
 * and monetary value (₪ spent in the last 12 months), each scored 1–5 by the club's thresholds, and
 * the named segment those scores put a member in. Pure: the scoring run
 * (functions/src/offers/score-run.ts) feeds it the aggregates the purchase transaction keeps.
 */

export const SEGMENTS = ['new', 'champions', 'loyal', 'at-risk', 'hibernating', 'regular'] as const
export type Segment = (typeof SEGMENTS)[number]
export type Score = 1 | 2 | 3 | 4 | 5

const rising = (list: number[]) => list.every((value, i) => i === 0 || value > list[i - 1]!)

export const SegmentPolicySchema = z.object({
  /** Days since the last purchase at most which recency scores 5, 4, 3, 2 (later: 1). */
  recencyDays: z.array(z.number().int().min(0).max(3650)).length(4).refine(rising, 'each number larger than the one before'),
  /** Purchases in 12 months at least which frequency scores 2, 3, 4, 5 (fewer: 1). */
  frequency: z.array(z.number().int().min(1).max(10_000)).length(4).refine(rising, 'each number larger than the one before'),
  /** ₪ spent in 12 months at least which monetary value scores 2, 3, 4, 5 (less: 1). */
  monetaryShekels: z.array(z.number().int().min(1).max(10_000_000)).length(4).refine(rising, 'each number larger than the one before'),
  /** A member who joined this many days ago or less, with at most one purchase, is `new`. */
  newMemberDays: z.number().int().min(0).max(365),
})
export type SegmentPolicy = z.infer<typeof SegmentPolicySchema>

export const DEFAULT_SEGMENT_POLICY: SegmentPolicy = {
  recencyDays: [30, 60, 120, 240],
  frequency: [2, 4, 8, 16],
  monetaryShekels: [200, 500, 1500, 4000],
  newMemberDays: 30,
}

/** What the purchase transaction keeps on the member document (`purchaseStats`). */
export interface PurchaseStats {
  /** Club-local date of the latest recorded purchase. */
  lastOn: LocalDate | null
  /** Recorded purchases and ₪ by club-local month, only the last 13 months kept. */
  months: Record<LocalMonth, { count: number; spend: number }>
}

export const EMPTY_PURCHASE_STATS: PurchaseStats = { lastOn: null, months: {} }

/** Reads `purchaseStats` from a stored document, tolerating its absence (members before it existed). */
export function purchaseStatsOf(value: unknown): PurchaseStats {
  if (typeof value !== 'object' || value === null) return EMPTY_PURCHASE_STATS
  const raw = value as { lastOn?: unknown; months?: unknown }
  const months: PurchaseStats['months'] = {}
  if (typeof raw.months === 'object' && raw.months !== null) {
    for (const [month, entry] of Object.entries(raw.months as Record<string, unknown>)) {
      const { count, spend } = (entry ?? {}) as { count?: unknown; spend?: unknown }
      if (/^\d{4}-\d{2}$/.test(month) && typeof count === 'number' && typeof spend === 'number') months[month] = { count, spend }
    }
  }
  return { lastOn: typeof raw.lastOn === 'string' ? raw.lastOn : null, months }
}

const KEPT_MONTHS = 13

/** The stats after one more recorded purchase on `on`; months older than the window drop out. */
export function addPurchase(stats: PurchaseStats, on: LocalDate, amountShekels: number): PurchaseStats {
  const month = monthOf(on)
  const oldest = addMonthsToMonth(month, -(KEPT_MONTHS - 1))
  const months: PurchaseStats['months'] = {}
  for (const [key, value] of Object.entries(stats.months)) if (key >= oldest) months[key] = value
  const current = months[month] ?? { count: 0, spend: 0 }
  months[month] = { count: current.count + 1, spend: Math.round((current.spend + amountShekels) * 100) / 100 }
  return { lastOn: stats.lastOn && stats.lastOn > on ? stats.lastOn : on, months }
}

export interface RfmFacts {
  recencyDays: number | null
  frequency: number
  monetaryShekels: number
}

const dayNumber = (date: LocalDate) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/**
 * The facts as of `today`. The 365 days are read as the current month and the 11 before it (the
 * stats are kept by month), so a purchase counts for between 11 and 12 months.
 */
export function rfmFacts(stats: PurchaseStats, today: LocalDate): RfmFacts {
  const oldest = addMonthsToMonth(monthOf(today), -11)
  let frequency = 0
  let spend = 0
  for (const [month, value] of Object.entries(stats.months)) {
    if (month < oldest || month > monthOf(today)) continue
    frequency += value.count
    spend += value.spend
  }
  return {
    recencyDays: stats.lastOn ? Math.max(0, dayNumber(today) - dayNumber(stats.lastOn)) : null,
    frequency,
    monetaryShekels: Math.round(spend * 100) / 100,
  }
}

export interface RfmScores {
  r: Score
  f: Score
  m: Score
}

/** 1 + how many of the rising thresholds `value` reaches. */
const scoreAtLeast = (value: number, thresholds: readonly number[]) => (1 + thresholds.filter((t) => value >= t).length) as Score

export function scoreRfm(facts: RfmFacts, policy: SegmentPolicy): RfmScores {
  const recency = facts.recencyDays
  const r = recency === null ? 1 : ((5 - policy.recencyDays.filter((days) => recency > days).length) as Score)
  return { r, f: scoreAtLeast(facts.frequency, policy.frequency), m: scoreAtLeast(facts.monetaryShekels, policy.monetaryShekels) }
}

/**
 * The segment rule table, first match wins:
 *
 * | segment       | rule                                                        |
 * |---------------|-------------------------------------------------------------|
 * | `new`         | joined within `newMemberDays`, at most one purchase         |
 * | `champions`   | R ≥ 4, F ≥ 4 and M ≥ 4: recent, frequent, high spend        |
 * | `loyal`       | R ≥ 3 and F ≥ 3: buys often and lately                      |
 * | `at-risk`     | R ≤ 2 and F ≥ 3: bought often, not lately                   |
 * | `hibernating` | R ≤ 2: no purchase for long (or never)                      |
 * | `regular`     | everyone else                                               |
 */
export function segmentOf(scores: RfmScores, facts: RfmFacts, joinedOn: LocalDate | null, today: LocalDate, policy: SegmentPolicy): Segment {
  if (joinedOn && joinedOn >= addDays(today, -policy.newMemberDays) && facts.frequency <= 1) return 'new'
  if (scores.r >= 4 && scores.f >= 4 && scores.m >= 4) return 'champions'
  if (scores.r >= 3 && scores.f >= 3) return 'loyal'
  if (scores.r <= 2 && scores.f >= 3) return 'at-risk'
  if (scores.r <= 2) return 'hibernating'
  return 'regular'
}

/** What the scoring run writes on the member document. */
export interface MemberRfm extends RfmScores {
  segment: Segment
  /** The day it was scored, club-local. */
  scoredOn: LocalDate
}

export function scoreMember(stats: PurchaseStats, joinedOn: LocalDate | null, today: LocalDate, policy: SegmentPolicy): MemberRfm {
  const facts = rfmFacts(stats, today)
  const scores = scoreRfm(facts, policy)
  return { ...scores, segment: segmentOf(scores, facts, joinedOn, today, policy), scoredOn: today }
}
