import { describe, expect, it } from 'vitest'
import type { Tier } from '@/domain/shared/club-config'
import {
  decideTier,
  entryTier,
  findTier,
  progressToNextTier,
  tierFor,
  toKeepTier,
  type TierState,
} from '@/domain/points/tiers'
import { demoConfig } from '../../scripts/demo-club'

const tiers = demoConfig.tiers
const NEXT = '2026-06-15'

describe('tierFor', () => {
  it('follows the demo thresholds (silver 0, gold 1000, platinum 3000)', () => {
    expect(tiers.map((t) => [t.id, t.threshold, t.multiplier])).toEqual([
      ['silver', 0, 1],
      ['gold', 1000, 1.25],
      ['platinum', 3000, 1.5],
    ])
    expect(tierFor(0, tiers).id).toBe('silver')
    expect(tierFor(999.99, tiers).id).toBe('silver')
    expect(tierFor(1000, tiers).id).toBe('gold')
    expect(tierFor(3000, tiers).id).toBe('platinum')
  })

  it('puts a negative amount in the entry tier', () => {
    expect(tierFor(-5, tiers).id).toBe('silver')
  })

  it('refuses a club without tiers', () => {
    expect(() => tierFor(10, [])).toThrow(/at least one tier/)
    expect(() => entryTier([])).toThrow()
  })

  it('works with a single tier', () => {
    const only = [tiers[0] as Tier]
    expect(tierFor(1e6, only).id).toBe('silver')
  })
})

describe('findTier', () => {
  it('finds by id or gives undefined', () => {
    expect(findTier('gold', tiers)?.threshold).toBe(1000)
    expect(findTier('bronze', tiers)).toBeUndefined()
  })
})

describe('progressToNextTier', () => {
  it('starts at zero in the entry tier', () => {
    expect(progressToNextTier(0, 'silver', tiers)).toMatchObject({ remaining: 1000, fraction: 0 })
  })

  it('measures through the band between the current and next thresholds', () => {
    const progress = progressToNextTier(2000, 'gold', tiers)
    expect(progress.current.id).toBe('gold')
    expect(progress.next?.id).toBe('platinum')
    expect(progress.remaining).toBe(1000)
    expect(progress.fraction).toBeCloseTo(0.5)
  })

  it('caps the fraction at 1 and the remainder at 0 when the amount already passes the next threshold', () => {
    // Held silver but qualifies for more: nothing is missing for gold.
    expect(progressToNextTier(1500, 'silver', tiers)).toMatchObject({ remaining: 0, fraction: 1 })
  })

  it('falls back to the tier the amount earns for an unknown tier id', () => {
    const progress = progressToNextTier(1200, 'bronze', tiers)
    expect(progress.current.id).toBe('gold')
    expect(progress.next?.id).toBe('platinum')
    expect(progress.remaining).toBe(1800)
    expect(progress.fraction).toBeCloseTo(0.1)
  })
})

describe('decideTier', () => {
  const member = (tierId: string, tierYearEnds = '2025-12-31'): TierState => ({ tierId, tierYearEnds })

  it('upgrades at once and starts a new tier year', () => {
    expect(decideTier(member('silver'), 1000, tiers, '2025-03-10', NEXT)).toEqual({
      tierId: 'gold',
      tierYearEnds: NEXT,
      change: 'up',
    })
  })

  it('can skip a tier on the way up', () => {
    expect(decideTier(member('silver'), 3500, tiers, '2025-03-10', NEXT)).toEqual({
      tierId: 'platinum',
      tierYearEnds: NEXT,
      change: 'up',
    })
  })

  it('upgrades even after the tier year has ended', () => {
    expect(decideTier(member('gold'), 3000, tiers, '2026-02-01', NEXT)).toMatchObject({ tierId: 'platinum', change: 'up' })
  })

  it('changes nothing mid-year when the amount earns the same tier', () => {
    expect(decideTier(member('gold'), 1500, tiers, '2025-03-10', NEXT)).toEqual({
      tierId: 'gold',
      tierYearEnds: '2025-12-31',
      change: null,
    })
  })

  it('does not downgrade before the tier year ends', () => {
    expect(decideTier(member('platinum'), 0, tiers, '2025-03-10', NEXT)).toEqual({
      tierId: 'platinum',
      tierYearEnds: '2025-12-31',
      change: null,
    })
  })

  it('does not downgrade on the last day of the tier year', () => {
    expect(decideTier(member('gold'), 10, tiers, '2025-12-31', NEXT)).toEqual({
      tierId: 'gold',
      tierYearEnds: '2025-12-31',
      change: null,
    })
  })

  it('downgrades the day after the tier year ends, to what the amount earns', () => {
    expect(decideTier(member('platinum'), 1200, tiers, '2026-01-01', NEXT)).toEqual({
      tierId: 'gold',
      tierYearEnds: NEXT,
      change: 'down',
    })
    expect(decideTier(member('platinum'), 0, tiers, '2026-01-01', NEXT)).toMatchObject({ tierId: 'silver', change: 'down' })
  })

  it('renews the same tier for a new year when the amount still earns it', () => {
    expect(decideTier(member('gold'), 1000, tiers, '2026-01-01', NEXT)).toEqual({
      tierId: 'gold',
      tierYearEnds: NEXT,
      change: 'renewed',
    })
    expect(decideTier(member('silver'), 0, tiers, '2026-01-01', NEXT)).toEqual({
      tierId: 'silver',
      tierYearEnds: NEXT,
      change: 'renewed',
    })
  })

  it('treats an unknown tier as the entry tier', () => {
    expect(decideTier(member('bronze'), 10, tiers, '2025-03-10', NEXT)).toEqual({
      tierId: 'silver',
      tierYearEnds: '2025-12-31',
      change: null,
    })
    expect(decideTier(member('bronze'), 1000, tiers, '2025-03-10', NEXT)).toMatchObject({ tierId: 'gold', change: 'up' })
  })

  it('never returns a tier below what the amount earns', () => {
    const dates = ['2025-06-01', '2025-12-31', '2026-01-01', '2027-01-01']
    for (const held of tiers) {
      for (const amount of [0, 999, 1000, 2999, 3000, 10_000]) {
        for (const today of dates) {
          const decision = decideTier(member(held.id), amount, tiers, today, NEXT)
          const decided = findTier(decision.tierId, tiers) as Tier
          expect(decided.threshold).toBeGreaterThanOrEqual(tierFor(amount, tiers).threshold)
          if (today <= '2025-12-31') expect(decided.threshold).toBeGreaterThanOrEqual(held.threshold)
          else expect(decided.id).toBe(tierFor(amount, tiers).id)
          // A new tier year starts exactly when the tier changes or is renewed.
          expect(decision.tierYearEnds).toBe(decision.change === null ? '2025-12-31' : NEXT)
        }
      }
    }
  })
})

describe('toKeepTier', () => {
  it('is what is missing to the current tier’s threshold', () => {
    expect(toKeepTier(400, 'gold', tiers)).toBe(600)
    expect(toKeepTier(2500, 'platinum', tiers)).toBe(500)
  })

  it('is zero when already enough, in the entry tier, or for an unknown tier', () => {
    expect(toKeepTier(1000, 'gold', tiers)).toBe(0)
    expect(toKeepTier(5000, 'gold', tiers)).toBe(0)
    expect(toKeepTier(0, 'silver', tiers)).toBe(0)
    expect(toKeepTier(0, 'bronze', tiers)).toBe(0)
  })
})
