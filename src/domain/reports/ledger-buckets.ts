import { localDate, monthOf, type LocalMonth } from '../shared/calendar'
import type { LedgerReason, LedgerSource, LedgerType } from '../points/ledger'

/**
 * How ledger entries become report figures. Reports are sums over the ledger and nothing else, so
 * they can be recomputed from it at any time (the emulator tests do exactly that) and a refresh
 * only ever adds the entries it has not folded yet.
 */

/** What a report needs of one ledger entry. */
export interface ReportEntry {
  uid: string
  type: LedgerType
  source: LedgerSource
  reason: LedgerReason
  /** Signed, as on the entry. */
  points: number
  partnerId: string | null
  /** A refund's points the member had already spent (they became a debt): on reversal entries only. */
  shortfall: number
  createdAt: Date
}

/**
 * A partner's side of a month, all in points and all ≥ 0 except `clubFunded`:
 * - `purchases`: earned on purchases recorded at its till;
 * - `refunds`: taken back by refunds of those purchases, *including* what the member had already
 *   spent (the entry's `shortfall`). The refund cancels the whole purchase for the partner; the
 *   member's debt is the club's to recover, and the club does (the `debt_recovery` entries that carry
 *   no partner);
 * - `visits`: paid for scanning in at the store (the partner chose its check-in reward);
 * - `eco`: eco actions its staff confirmed;
 * - `redeemed`: spent on rewards the partner provides;
 * - `clubFunded`: the club's own programmes held at the partner (reviews of it, hunt clues and
 *   events there, streak bonuses), net; shown, never billed to the partner.
 */
export interface PartnerMonth {
  purchases: number
  refunds: number
  visits: number
  eco: number
  redeemed: number
  clubFunded: number
  entries: number
}

export type PartnerBucket = Exclude<keyof PartnerMonth, 'entries'>

/** The club's side of a month, all ≥ 0. */
export interface ClubMonth {
  /** Points credited: earn entries and positive adjustments. */
  issued: number
  redeemed: number
  expired: number
  /** Taken back by refunds and clawbacks (reversal entries), as recorded. */
  reversed: number
  /** Negative adjustments: debts paid off, operators' corrections downwards. */
  adjustedDown: number
  entries: number
}

export interface MonthTotals {
  month: LocalMonth
  club: ClubMonth
  partners: Record<string, PartnerMonth>
}

export const emptyClubMonth = (): ClubMonth => ({ issued: 0, redeemed: 0, expired: 0, reversed: 0, adjustedDown: 0, entries: 0 })
export const emptyPartnerMonth = (): PartnerMonth => ({ purchases: 0, refunds: 0, visits: 0, eco: 0, redeemed: 0, clubFunded: 0, entries: 0 })

/** Which partner column an entry adds to (and how much), or null when it names no partner. */
export function partnerBucketOf(entry: Pick<ReportEntry, 'type' | 'source' | 'reason' | 'points' | 'partnerId' | 'shortfall'>): { bucket: PartnerBucket; points: number } | null {
  if (!entry.partnerId) return null
  if (entry.source === 'purchase' && entry.type === 'earn') return { bucket: 'purchases', points: entry.points }
  if (entry.source === 'purchase' && entry.type === 'reversal') return { bucket: 'refunds', points: -entry.points + entry.shortfall }
  if (entry.source === 'check-in' && entry.reason === 'check_in') return { bucket: 'visits', points: entry.points }
  if (entry.source === 'eco' && entry.type === 'earn') return { bucket: 'eco', points: entry.points }
  if (entry.type === 'redeem' && entry.source === 'reward') return { bucket: 'redeemed', points: -entry.points }
  return { bucket: 'clubFunded', points: entry.points }
}

export function clubBucketOf(entry: Pick<ReportEntry, 'type' | 'points'>): { bucket: Exclude<keyof ClubMonth, 'entries'>; points: number } {
  switch (entry.type) {
    case 'earn':
      return { bucket: 'issued', points: entry.points }
    case 'redeem':
      return { bucket: 'redeemed', points: -entry.points }
    case 'expire':
      return { bucket: 'expired', points: -entry.points }
    case 'reversal':
      return { bucket: 'reversed', points: -entry.points }
    case 'adjust':
      return entry.points >= 0 ? { bucket: 'issued', points: entry.points } : { bucket: 'adjustedDown', points: -entry.points }
  }
}

/** The club month an entry belongs to: its local date in the club's time zone, whatever the server's. */
export function monthOfEntry(createdAt: Date, timeZone: string): LocalMonth {
  return monthOf(localDate(createdAt, timeZone))
}

/**
 * Entries that show a member doing something (joining, buying, visiting, redeeming, answering …).
 * Not: expiry, birthday gifts, an operator's adjustment, a referrer paid for a friend's purchase,
 * streak milestones or prizes the system hands out, refunds.
 */
const ACTIVITY_SOURCES: ReadonlySet<LedgerSource> = new Set<LedgerSource>([
  'welcome',
  'purchase',
  'activity',
  'check-in',
  'reward',
  'survey',
  'review',
  'donation',
  'hunt',
  'eco',
  'event',
])

export function isMemberActivity(entry: Pick<ReportEntry, 'type' | 'source'>): boolean {
  return (entry.type === 'earn' || entry.type === 'redeem') && ACTIVITY_SOURCES.has(entry.source)
}

export interface LedgerFold {
  months: Map<LocalMonth, MonthTotals>
  /** Each member's latest activity among the folded entries. */
  lastActivity: Map<string, Date>
  entries: number
}

export function emptyFold(): LedgerFold {
  return { months: new Map(), lastActivity: new Map(), entries: 0 }
}

/** Adds entries to a fold (mutating it): the same function for an incremental page and a full recomputation. */
export function foldEntries(fold: LedgerFold, entries: Iterable<ReportEntry>, timeZone: string): LedgerFold {
  for (const entry of entries) {
    const month = monthOfEntry(entry.createdAt, timeZone)
    let totals = fold.months.get(month)
    if (!totals) {
      totals = { month, club: emptyClubMonth(), partners: {} }
      fold.months.set(month, totals)
    }
    const club = clubBucketOf(entry)
    totals.club[club.bucket] += club.points
    totals.club.entries += 1
    const partner = partnerBucketOf(entry)
    if (partner && entry.partnerId) {
      const line = (totals.partners[entry.partnerId] ??= emptyPartnerMonth())
      line[partner.bucket] += partner.points
      line.entries += 1
    }
    if (isMemberActivity(entry)) {
      const last = fold.lastActivity.get(entry.uid)
      if (!last || last < entry.createdAt) fold.lastActivity.set(entry.uid, entry.createdAt)
    }
    fold.entries += 1
  }
  return fold
}

/** Reads a ledger document's fields (as stored by the functions) into a report entry. */
export function reportEntryOf(uid: string, data: Record<string, unknown>, createdAt: Date): ReportEntry {
  return {
    uid,
    type: data.type as LedgerType,
    source: data.source as LedgerSource,
    reason: data.reason as LedgerReason,
    points: Number(data.points ?? 0),
    partnerId: typeof data.partnerId === 'string' ? data.partnerId : null,
    shortfall: data.type === 'reversal' ? Number(data.shortfall ?? 0) : 0,
    createdAt,
  }
}
