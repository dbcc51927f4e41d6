import { addDays, addMonths, addMonthsToMonth, monthOf, type LocalDate } from '../shared/calendar'

/**
 * Reserve duty (miluim): a member declares the dates of a call-up, and for those days the clock
 * stops — their streaks neither count nor break, their points do not run out and their tier year
 * does not end. Nothing in the ledger or the lots is rewritten (the invariant check rebuilds the
 * lots from the ledger): a lot keeps its `expiresOn` and a member keeps `tierYearEnds`; the
 * functions below give the *effective* dates, which the expiry job, the tier review and the card
 * use instead.
 *
 * The model is a stopped clock. A lot that was still live on a day of duty gets that day back, so
 * a lot with 12 days left when the call-up came has 12 days left when it ends. Per lot (a bucket of
 * one earning month), a pause counts:
 *   - from the later of its first day and the first day of the lot's earning month (days of duty
 *     before the points existed stop no clock; the month is the bucket's granularity, so a lot
 *     earned mid-pause gets the whole month's part of it — the member's side of the rounding);
 *   - only if it starts on or before the lot's running effective expiry (a lot that expired
 *     before the call-up is gone), taking pauses in date order so one extension can bring the
 *     next pause into reach;
 *   - only if the lot was still live on the day it was declared: a back-dated declaration never
 *     revives points that had already expired.
 * The tier year is treated the same way, its window being the 12 months before `tierYearEnds`.
 */

/** One stretch of duty as it pauses things: local dates, both inclusive. */
export interface DutyPause {
  from: LocalDate
  until: LocalDate
  /** The club day it was declared on. */
  declaredOn: LocalDate
}

/** A declaration as the server stores it (members/{uid}/reserveDuty/{id}). */
export interface DutyDeclaration extends DutyPause {
  id: string
  /** Set when an operator revoked it: from that day on it pauses nothing. */
  revokedOn: LocalDate | null
}

/** What a member may declare, and how often (refusal reasons in `DUTY_REFUSALS`). */
export const RESERVE_DUTY_RULES = {
  /** The first day may be at most this far ahead … */
  maxDaysAhead: 7,
  /** … or this far back (a call-up at a day's notice is declared after the fact). */
  maxDaysBack: 30,
  maxLengthDays: 180,
  /** Declarations whose first day falls in any 12 months (counting revoked ones). */
  maxPerYear: 3,
} as const

export const DUTY_REFUSALS = [
  'duty-dates-order',
  'duty-too-far-ahead',
  'duty-too-far-back',
  'duty-too-long',
  'duty-overlaps',
  'duty-too-many',
] as const
export type DutyRefusal = (typeof DUTY_REFUSALS)[number]

export interface DeclareReserveDutyResult {
  id: string
  from: LocalDate
  until: LocalDate
  replayed: boolean
}

export interface RevokeReserveDutyResult {
  id: string
  revokedOn: LocalDate
  /** The declaration was already revoked: nothing changed. */
  alreadyRevoked: boolean
}

/** The summary the member document carries (server-written, read by the member and the card). */
export interface ReserveDutySummary {
  /** The declaration covering today or the next one ahead, if any. */
  active: { id: string; from: LocalDate; until: LocalDate } | null
  /** Every stretch that still pauses something (revoked ones cut at their revocation). */
  pauses: DutyPause[]
  /** First days of declarations, revoked ones too, for the yearly limit. */
  declaredFroms: LocalDate[]
}

export const NO_RESERVE_DUTY: ReserveDutySummary = { active: null, pauses: [], declaredFroms: [] }

function dayNumber(date: LocalDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysFrom(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a)
}

/** The stretch a declaration pauses: all of it, or up to the day before it was revoked. */
export function pauseOf(declaration: DutyDeclaration): DutyPause | null {
  const until = declaration.revokedOn && declaration.revokedOn <= declaration.until ? addDays(declaration.revokedOn, -1) : declaration.until
  if (until < declaration.from) return null
  return { from: declaration.from, until, declaredOn: declaration.declaredOn }
}

export function pausesOf(declarations: readonly DutyDeclaration[]): DutyPause[] {
  return declarations
    .map(pauseOf)
    .filter((pause): pause is DutyPause => pause !== null)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
}

export function isPaused(date: LocalDate, pauses: readonly DutyPause[]): boolean {
  return pauses.some((pause) => pause.from <= date && date <= pause.until)
}

/** Any day of [from, until] inside a pause. */
export function overlapsPause(from: LocalDate, until: LocalDate, pauses: readonly DutyPause[]): boolean {
  return pauses.some((pause) => pause.from <= until && from <= pause.until)
}

/**
 * `date` (a last valid day) moved on by the days of duty that stopped its clock, counting only
 * duty from `windowStart` on. See the module comment for the rules.
 */
export function extendedByDuty(date: LocalDate, windowStart: LocalDate, pauses: readonly DutyPause[]): LocalDate {
  let end = date
  const ordered = [...pauses].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  for (const pause of ordered) {
    if (pause.from > end) break
    if (end < pause.declaredOn) continue
    const start = pause.from > windowStart ? pause.from : windowStart
    if (start > pause.until) continue
    end = addDays(end, daysFrom(start, pause.until) + 1)
  }
  return end
}

/** The last day a lot (a bucket of one earning month) may be spent, after reserve duty. */
export function effectiveLotExpiry(expiresOn: LocalDate, pauses: readonly DutyPause[], expiryMonths: number): LocalDate {
  if (pauses.length === 0) return expiresOn
  const earnedMonth = addMonthsToMonth(monthOf(expiresOn), -expiryMonths)
  return extendedByDuty(expiresOn, `${earnedMonth}-01`, pauses)
}

/** The last day of the tier year, after reserve duty. */
export function effectiveTierYearEnds(tierYearEnds: LocalDate, pauses: readonly DutyPause[]): LocalDate {
  if (pauses.length === 0) return tierYearEnds
  return extendedByDuty(tierYearEnds, addMonths(tierYearEnds, -12), pauses)
}

/** Lots keyed by their effective last day (two lots may land on one day: their points add up). */
export function effectiveBuckets(
  buckets: Record<LocalDate, number>,
  pauses: readonly DutyPause[],
  expiryMonths: number,
): Record<LocalDate, number> {
  if (pauses.length === 0) return { ...buckets }
  const out: Record<LocalDate, number> = {}
  for (const [date, points] of Object.entries(buckets)) {
    const effective = effectiveLotExpiry(date, pauses, expiryMonths)
    out[effective] = (out[effective] ?? 0) + points
  }
  return out
}

/**
 * Checks a declaration against the rules and the member's other declarations; null when it may
 * be made. Dates are the club's local dates.
 */
export function checkDeclaration(
  from: LocalDate,
  until: LocalDate,
  today: LocalDate,
  existing: readonly DutyDeclaration[],
): DutyRefusal | null {
  if (until < from) return 'duty-dates-order'
  if (from > addDays(today, RESERVE_DUTY_RULES.maxDaysAhead)) return 'duty-too-far-ahead'
  if (from < addDays(today, -RESERVE_DUTY_RULES.maxDaysBack)) return 'duty-too-far-back'
  if (daysFrom(from, until) + 1 > RESERVE_DUTY_RULES.maxLengthDays) return 'duty-too-long'
  if (overlapsPause(from, until, pausesOf(existing))) return 'duty-overlaps'
  // Any 12 months that hold this declaration's first day: the ones around it either way.
  const near = existing.filter((d) => Math.abs(daysFrom(d.from, from)) < 365).map((d) => d.from)
  const window = [...near, from].sort()
  for (const start of window) {
    const inside = window.filter((d) => d >= start && daysFrom(start, d) < 365).length
    if (inside > RESERVE_DUTY_RULES.maxPerYear) return 'duty-too-many'
  }
  return null
}

/** Pauses older than this stop nothing any more (lots live 13 months, tier years 12, plus duty). */
const SUMMARY_DAYS = 3 * 365

export function dutySummary(declarations: readonly DutyDeclaration[], today: LocalDate): ReserveDutySummary {
  const pauses = pausesOf(declarations).filter((pause) => daysFrom(pause.until, today) < SUMMARY_DAYS)
  const live = declarations
    .filter((d) => d.revokedOn === null && d.until >= today)
    .sort((a, b) => (a.from < b.from ? -1 : 1))
  const [first] = live
  return {
    active: first ? { id: first.id, from: first.from, until: first.until } : null,
    pauses,
    declaredFroms: declarations.filter((d) => daysFrom(d.from, today) < 365).map((d) => d.from).sort(),
  }
}

/** Reads the summary off a member document, tolerating its absence. */
export function dutySummaryOf(value: unknown): ReserveDutySummary {
  const data = (value ?? {}) as Partial<ReserveDutySummary>
  return {
    active: data.active ?? null,
    pauses: Array.isArray(data.pauses) ? data.pauses.map((p) => ({ from: p.from, until: p.until, declaredOn: p.declaredOn })) : [],
    declaredFroms: Array.isArray(data.declaredFroms) ? [...data.declaredFroms] : [],
  }
}
