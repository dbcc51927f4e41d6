import { describe, expect, it } from 'vitest'
import { ClubConfigSchema, type ClubConfig } from '@/domain/shared/club-config'
import { purchasePoints, welcomeGiftPoints } from '@/domain/points/earning'
import { entryTier, progressToNextTier, tierFor } from '@/domain/points/tiers'
import { demoConfig } from '../../scripts/demo-club'

const config: ClubConfig = ClubConfigSchema.parse(demoConfig)
const [silver, gold, platinum] = config.tiers as [ClubConfig['tiers'][number], ClubConfig['tiers'][number], ClubConfig['tiers'][number]]

describe('club configuration', () => {
  it('accepts the demo club', () => {
    expect(ClubConfigSchema.safeParse(demoConfig).success).toBe(true)
  })

  it('refuses an entry tier above 0, falling thresholds and duplicate ids', () => {
    const bad = (patch: Partial<ClubConfig>) => ClubConfigSchema.safeParse({ ...demoConfig, ...patch }).success
    expect(bad({ tiers: [{ ...silver, threshold: 10 }] })).toBe(false)
    expect(bad({ tiers: [silver, { ...gold, threshold: 0 }] })).toBe(false)
    expect(bad({ tiers: [silver, { ...gold, id: 'silver' }] })).toBe(false)
    expect(bad({ logo: 'https://cdn.example.com/logo.svg' })).toBe(false)
  })
})

describe('welcome gift', () => {
  it('comes from the club configuration', () => {
    expect(welcomeGiftPoints(config)).toBe(50)
    expect(welcomeGiftPoints({ welcomeGift: { points: 0 } })).toBe(0)
    expect(welcomeGiftPoints({ welcomeGift: { points: 250 } })).toBe(250)
  })
})

describe('tiers', () => {
  it('puts a new member in the entry tier', () => {
    expect(entryTier(config.tiers).id).toBe('silver')
  })

  it('moves up exactly at each threshold', () => {
    expect(tierFor(999, config.tiers).id).toBe('silver')
    expect(tierFor(1000, config.tiers).id).toBe('gold')
    expect(tierFor(2999, config.tiers).id).toBe('gold')
    expect(tierFor(3000, config.tiers).id).toBe('platinum')
    expect(tierFor(1e9, config.tiers).id).toBe('platinum')
  })

  it('says how much is missing for the next tier', () => {
    const progress = progressToNextTier(760, 'silver', config.tiers)
    expect(progress.next?.id).toBe('gold')
    expect(progress.remaining).toBe(240)
    expect(progress.fraction).toBeCloseTo(0.76)
  })

  it('measures from the tier the member holds, even above what the amount alone gives', () => {
    const progress = progressToNextTier(500, 'gold', config.tiers)
    expect(progress.current.id).toBe('gold')
    expect(progress.next?.id).toBe('platinum')
    expect(progress.remaining).toBe(2500)
    expect(progress.fraction).toBe(0)
  })

  it('has nothing left to reach at the top', () => {
    expect(progressToNextTier(5000, 'platinum', config.tiers)).toMatchObject({ next: null, remaining: 0, fraction: 1 })
  })
})

describe('purchase points', () => {
  it('pays the club rate times the tier and partner multipliers, rounded down', () => {
    expect(purchasePoints(100, config, silver)).toBe(100)
    expect(purchasePoints(100, config, gold)).toBe(125)
    expect(purchasePoints(99.99, config, silver)).toBe(99)
    expect(purchasePoints(100, config, platinum, 2)).toBe(300)
  })

  it('does not lose a point to floating-point error', () => {
    // In floats 1.15 × 100 is 114.99999999999999, which would round down to 114.
    expect(purchasePoints(1.15, { earning: { pointsPerShekel: 100 } }, silver)).toBe(115)
  })

  it('pays nothing for zero, negative or non-numbers', () => {
    expect(purchasePoints(0, config, gold)).toBe(0)
    expect(purchasePoints(-50, config, gold)).toBe(0)
    expect(purchasePoints(Number.NaN, config, gold)).toBe(0)
  })
})
