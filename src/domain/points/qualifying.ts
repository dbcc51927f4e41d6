import { addMonthsToMonth, type LocalMonth } from '../shared/calendar'

/**
 * Qualifying activity per calendar month. The tier window is the current month and the 11
 * before it ("rolling 12 months" at month granularity): activity counts until the end of the
 * 12th month, never a day less.
 */
export interface QualifyingMonth {
  points: number
  spend: number
}
export type QualifyingMonths = Record<LocalMonth, QualifyingMonth>

export const TIER_WINDOW_MONTHS = 12

export function windowStart(current: LocalMonth, months = TIER_WINDOW_MONTHS): LocalMonth {
  return addMonthsToMonth(current, -(months - 1))
}

export function addQualifying(
  months: QualifyingMonths,
  month: LocalMonth,
  delta: QualifyingMonth,
  current: LocalMonth,
): QualifyingMonths {
  const start = windowStart(current)
  const next: QualifyingMonths = {}
  for (const [key, value] of Object.entries(months)) if (key >= start) next[key] = { ...value }
  if (month < start || month > current) return next
  const existing = next[month] ?? { points: 0, spend: 0 }
  next[month] = {
    points: Math.max(0, existing.points + delta.points),
    // Spend in agorot precision; refunds never push a month below zero.
    spend: Math.max(0, Math.round((existing.spend + delta.spend) * 100) / 100),
  }
  return next
}

export function qualifyingTotals(months: QualifyingMonths, current: LocalMonth): QualifyingMonth {
  const start = windowStart(current)
  let points = 0
  let spend = 0
  for (const [key, value] of Object.entries(months)) {
    if (key < start || key > current) continue
    points += value.points
    spend += value.spend
  }
  return { points, spend: Math.round(spend * 100) / 100 }
}
