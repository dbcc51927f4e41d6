import { describe, expect, it } from 'vitest'
import {
  addQualifying,
  qualifyingTotals,
  windowStart,
  type QualifyingMonths,
} from '@/domain/points/qualifying'

const q = (points: number, spend = 0) => ({ points, spend })

describe('the tier window', () => {
  it('is the current month and the 11 before it', () => {
    expect(windowStart('2025-06')).toBe('2024-07')
    expect(windowStart('2025-12')).toBe('2025-01')
    expect(windowStart('2025-01')).toBe('2024-02')
  })

  it('takes another length when asked', () => {
    expect(windowStart('2025-06', 1)).toBe('2025-06')
    expect(windowStart('2025-06', 3)).toBe('2025-04')
  })
})

describe('qualifyingTotals', () => {
  const months: QualifyingMonths = {
    '2024-06': q(1, 1), // 12 months before 2025-06: outside
    '2024-07': q(10, 1.1), // 11 months before: inside
    '2025-01': q(100, 2.2),
    '2025-06': q(1000, 3.3), // the current month: inside
    '2025-07': q(5000, 50), // the future: outside
  }

  it('counts activity from 11 months ago but not from 12 months ago', () => {
    expect(qualifyingTotals(months, '2025-06')).toEqual({ points: 1110, spend: 6.6 })
  })

  it('rounds spend to agorot', () => {
    // 1.1 + 2.2 + 3.3 is 6.6000000000000005 in floats.
    expect(qualifyingTotals(months, '2025-06').spend).toBe(6.6)
  })

  it('drops a month the moment it leaves the window', () => {
    expect(qualifyingTotals(months, '2025-07')).toEqual({ points: 6100, spend: 55.5 })
    expect(qualifyingTotals(months, '2026-05').points).toBe(6000)
    expect(qualifyingTotals(months, '2026-06').points).toBe(5000)
    expect(qualifyingTotals(months, '2026-07').points).toBe(0)
  })

  it('is zero for nothing', () => {
    expect(qualifyingTotals({}, '2025-06')).toEqual({ points: 0, spend: 0 })
  })
})

describe('addQualifying', () => {
  it('adds to the current month', () => {
    const once = addQualifying({}, '2025-06', q(100, 80), '2025-06')
    const twice = addQualifying(once, '2025-06', q(50, 40.5), '2025-06')
    expect(twice).toEqual({ '2025-06': q(150, 120.5) })
  })

  it('adds to a month 11 months back (still in the window)', () => {
    expect(addQualifying({}, '2024-07', q(10, 5), '2025-06')).toEqual({ '2024-07': q(10, 5) })
  })

  it('ignores a month 12 or more months back', () => {
    expect(addQualifying({}, '2024-06', q(10, 5), '2025-06')).toEqual({})
    expect(addQualifying({}, '2020-01', q(10, 5), '2025-06')).toEqual({})
  })

  it('ignores a future month', () => {
    expect(addQualifying({}, '2025-07', q(10, 5), '2025-06')).toEqual({})
  })

  it('prunes months that have left the window and keeps the rest', () => {
    const months: QualifyingMonths = { '2024-05': q(1), '2024-06': q(2), '2024-07': q(3), '2025-05': q(4) }
    expect(addQualifying(months, '2025-06', q(5), '2025-06')).toEqual({
      '2024-07': q(3),
      '2025-05': q(4),
      '2025-06': q(5),
    })
  })

  it('prunes even when the new month itself is ignored', () => {
    const months: QualifyingMonths = { '2024-01': q(1), '2025-01': q(2) }
    expect(addQualifying(months, '2023-01', q(9), '2025-06')).toEqual({ '2025-01': q(2) })
  })

  it('never goes below zero when taking activity back', () => {
    const months: QualifyingMonths = { '2025-03': q(100, 50) }
    expect(addQualifying(months, '2025-03', q(-30, -20.25), '2025-06')).toEqual({ '2025-03': q(70, 29.75) })
    expect(addQualifying(months, '2025-03', q(-500, -80), '2025-06')).toEqual({ '2025-03': q(0, 0) })
    // A withdrawal from a month without activity leaves zero, not a negative.
    expect(addQualifying({}, '2025-04', q(-10, -10), '2025-06')).toEqual({ '2025-04': q(0, 0) })
  })

  it('keeps spend in agorot precision', () => {
    let months: QualifyingMonths = {}
    for (let i = 0; i < 10; i++) months = addQualifying(months, '2025-06', q(0, 0.1), '2025-06')
    expect(months['2025-06']?.spend).toBe(1)
    months = addQualifying({}, '2025-06', q(0, 0.1), '2025-06')
    months = addQualifying(months, '2025-06', q(0, 0.2), '2025-06')
    expect(months['2025-06']?.spend).toBe(0.3)
  })

  it('does not change the input object', () => {
    const months: QualifyingMonths = { '2024-01': q(1), '2025-06': q(2, 3) }
    const copy = structuredClone(months)
    const next = addQualifying(months, '2025-06', q(10, 10), '2025-06')
    expect(months).toEqual(copy)
    expect(next['2025-06']).toEqual(q(12, 13))
  })

  it('keeps at most 12 months however long the history', () => {
    let months: QualifyingMonths = {}
    const monthsOf = (i: number) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
    for (let i = 0; i < 60; i++) months = addQualifying(months, monthsOf(i), q(1, 1), monthsOf(i))
    expect(Object.keys(months)).toHaveLength(12)
    expect(qualifyingTotals(months, monthsOf(59))).toEqual({ points: 12, spend: 12 })
  })
})
