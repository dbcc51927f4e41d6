import type { LocalDate } from '../shared/calendar'

/**
 * Open points grouped by the day they expire. Points expire at the end of a month, so every lot
 * earned in the same month shares an expiry date and a member never holds more than about 13
 * buckets, however long their history. Spending takes from the bucket that expires first.
 */
export type ExpiryBuckets = Record<LocalDate, number>

export interface LotSlice {
  expiresOn: LocalDate
  points: number
}

function sortedDates(buckets: ExpiryBuckets): LocalDate[] {
  return Object.keys(buckets)
    .filter((date) => (buckets[date] ?? 0) > 0)
    .sort()
}

export function totalOpen(buckets: ExpiryBuckets): number {
  return Object.values(buckets).reduce((sum, points) => sum + points, 0)
}

export function addLot(buckets: ExpiryBuckets, expiresOn: LocalDate, points: number): ExpiryBuckets {
  if (points <= 0) return { ...buckets }
  return { ...buckets, [expiresOn]: (buckets[expiresOn] ?? 0) + points }
}

/**
 * Takes `points` oldest-first. `prefer` names a bucket to take from first (a refund claws back
 * from the refunded purchase's own lot before touching others). What cannot be covered is the
 * shortfall; the caller decides whether that is allowed.
 */
export function consume(
  buckets: ExpiryBuckets,
  points: number,
  prefer?: LocalDate,
): { buckets: ExpiryBuckets; taken: LotSlice[]; shortfall: number } {
  const next: ExpiryBuckets = { ...buckets }
  const taken: LotSlice[] = []
  let left = points
  const dates = sortedDates(next)
  const order = prefer && dates.includes(prefer) ? [prefer, ...dates.filter((d) => d !== prefer)] : dates
  for (const date of order) {
    if (left <= 0) break
    const available = next[date] ?? 0
    const take = Math.min(available, left)
    if (take <= 0) continue
    taken.push({ expiresOn: date, points: take })
    left -= take
    if (available - take > 0) next[date] = available - take
    else delete next[date]
  }
  return { buckets: next, taken, shortfall: left }
}

/** Buckets whose last valid day is before `today` expire whole. */
export function dueForExpiry(buckets: ExpiryBuckets, today: LocalDate): LotSlice[] {
  return sortedDates(buckets)
    .filter((date) => date < today)
    .map((date) => ({ expiresOn: date, points: buckets[date] ?? 0 }))
}

export function nextExpiry(buckets: ExpiryBuckets): LotSlice | null {
  const [first] = sortedDates(buckets)
  return first ? { expiresOn: first, points: buckets[first] ?? 0 } : null
}

/** Points that expire from `today` to `horizon` (both inclusive) and the first date among them. */
export function expiringWithin(buckets: ExpiryBuckets, today: LocalDate, horizon: LocalDate): LotSlice | null {
  const due = sortedDates(buckets).filter((date) => date >= today && date <= horizon)
  const [first] = due
  if (!first) return null
  return { expiresOn: first, points: due.reduce((sum, date) => sum + (buckets[date] ?? 0), 0) }
}
