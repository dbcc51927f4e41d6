import { describe, expect, it } from 'vitest'
import { effectiveTierYearEnds } from '../../src/domain/earn/reserve-duty'
import { pointsNoticeHorizon, tierAtRisk } from '../../src/domain/messages/reminders'
import { addDays } from '../../src/domain/shared/calendar'
import { ClubConfigSchema } from '../../src/domain/shared/club-config'
import type { PointsState } from '../../src/domain/points/points'
import { demoConfig } from '../../scripts/demo-club'

const config = ClubConfigSchema.parse(demoConfig)

function gold(overrides: Partial<PointsState> = {}): PointsState {
  return {
    balance: 0,
    lifetimePoints: 0,
    pointsDebt: 0,
    expiryBuckets: {},
    qualifyingMonths: { '2026-11': { points: 200, spend: 0 } },
    tierId: 'gold',
    tierYearEnds: '2026-12-20',
    ...overrides,
  }
}

describe('tierAtRisk', () => {
  it('warns within 30 days of the review, with what is missing, and not before', () => {
    expect(tierAtRisk(gold(), config, '2026-11-20')).toEqual({ tierId: 'gold', reviewOn: '2026-12-20', missing: 800 })
    expect(tierAtRisk(gold(), config, '2026-11-19')).toBeNull()
    expect(tierAtRisk(gold(), config, '2026-12-20')).not.toBeNull()
    expect(tierAtRisk(gold(), config, '2026-12-21')).toBeNull()
  })

  it('says nothing to a member who has enough, or on the entry tier', () => {
    expect(tierAtRisk(gold({ qualifyingMonths: { '2026-06': { points: 1000, spend: 0 } } }), config, '2026-12-01')).toBeNull()
    expect(tierAtRisk(gold({ tierId: 'silver' }), config, '2026-12-01')).toBeNull()
  })

  it('counts activity as the review will: a month that falls out of the window by then no longer helps', () => {
    // December 2025 counts in November 2026's window but not at a review in January 2027.
    const state = gold({ tierYearEnds: '2026-12-31', qualifyingMonths: { '2025-12': { points: 900, spend: 0 }, '2026-11': { points: 200, spend: 0 } } })
    expect(tierAtRisk(state, config, '2026-12-10')).toEqual({ tierId: 'gold', reviewOn: '2026-12-31', missing: 800 })
  })

  it('moves the review by reserve duty', () => {
    const pauses = [{ from: '2026-10-01', until: '2026-10-31', declaredOn: '2026-10-01' }]
    const reviewOn = effectiveTierYearEnds('2026-12-20', pauses)
    expect(reviewOn > '2026-12-20').toBe(true)
    expect(tierAtRisk(gold({ pauses }), config, '2026-11-20')).toBeNull()
    expect(tierAtRisk(gold({ pauses }), config, addDays(reviewOn, -30))).toMatchObject({ reviewOn })
  })

  it('notices points 30 days ahead', () => {
    expect(pointsNoticeHorizon('2026-12-15')).toBe('2027-01-14')
  })
})
