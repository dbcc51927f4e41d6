import { describe, expect, it } from 'vitest'
import {
  activeCampaign,
  agorotOf,
  CharitySchema,
  DONATION_SHARDS,
  DonatePointsInputSchema,
  donationChoices,
  donationRefusal,
  matchFor,
  memberTotals,
  receiptNumber,
  shardBudget,
  shardOf,
  sumShards,
  takeFromBudget,
  type MatchingCampaign,
} from '../../src/domain/earn/charities'
import { demoCharities } from '../../scripts/demo-club'

const campaign = (over: Partial<MatchingCampaign> = {}): MatchingCampaign => ({
  id: 'c1',
  partnerId: 'super-hashchuna',
  percent: 50,
  startsAt: '2026-11-20T00:00:00Z',
  until: '2026-11-27T10:00:00Z',
  capPoints: 1000,
  ...over,
})

describe('donation amounts', () => {
  const input = (points: unknown) => DonatePointsInputSchema.safeParse({ charityId: 'green-corner', points, requestId: 'req-12345678' })

  it('takes whole positive points only, as numbers', () => {
    expect(input(100).success).toBe(true)
    for (const bad of [0, -5, 2.5, 1e-9, '100', Number.NaN, Infinity, null, 1_000_001]) expect(input(bad).success).toBe(false)
  })

  it('refuses an inactive charity first, then below the minimum, then more than the balance', () => {
    const charity = { active: true, minPoints: 50 }
    expect(donationRefusal(charity, 50, 50)).toBeNull()
    expect(donationRefusal(charity, 49, 1000)).toBe('below-minimum')
    expect(donationRefusal(charity, 51, 50)).toBe('insufficient-points')
    expect(donationRefusal({ ...charity, active: false }, 49, 0)).toBe('charity-inactive')
    expect(donationRefusal(charity, 50.5, 1000)).toBe('below-minimum')
  })

  it('offers the minimum, round steps and the whole balance, nothing when the balance is short', () => {
    expect(donationChoices(50, 40)).toEqual([])
    expect(donationChoices(50, 50)).toEqual([50])
    expect(donationChoices(50, 320)).toEqual([50, 100, 250, 320])
    expect(donationChoices(30, 1000)).toEqual([30, 60, 150, 300, 1000])
  })

  it('values points in whole agorot', () => {
    expect(agorotOf(200, 0.1)).toBe(2000)
    expect(agorotOf(3, 0.1)).toBe(30)
    expect(agorotOf(7, 0.033)).toBe(23)
  })
})

describe('matching campaigns', () => {
  it('matches a percentage, rounded down to whole points', () => {
    expect(matchFor(100, 50)).toBe(50)
    expect(matchFor(75, 50)).toBe(37)
    expect(matchFor(1, 50)).toBe(0)
    expect(matchFor(30, 200)).toBe(60)
  })

  it('runs from its start (inclusive) to its end (exclusive), the most generous one winning an overlap', () => {
    const a = campaign()
    const b = campaign({ id: 'c2', percent: 100, startsAt: '2026-11-25T00:00:00Z' })
    expect(activeCampaign([a], new Date('2026-11-19T23:59:59Z'))).toBeNull()
    expect(activeCampaign([a], new Date('2026-11-20T00:00:00Z'))).toBe(a)
    expect(activeCampaign([a], new Date('2026-11-27T10:00:00Z'))).toBeNull()
    expect(activeCampaign([a, b], new Date('2026-11-26T00:00:00Z'))).toBe(b)
    expect(activeCampaign([a, b], new Date('2026-11-24T00:00:00Z'))).toBe(a)
  })

  it('splits a budget over the shards so that the parts add up exactly', () => {
    for (const cap of [1, 9, 10, 11, 999, 5000]) {
      const parts = Array.from({ length: DONATION_SHARDS }, (_, i) => shardBudget(cap, i))
      expect(parts.reduce((a, b) => a + b, 0)).toBe(cap)
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1)
    }
  })

  it('takes from the donation’s own shard, then the next ones, never beyond the budget', () => {
    const used = new Map<number, number>([[3, 100]])
    // cap 1000: 100 a shard; shard 3 is spent, so a donation landing there takes from 4 and 5.
    expect(takeFromBudget(150, 1000, (i) => used.get(i) ?? 0, 3)).toEqual([
      { index: 4, points: 100 },
      { index: 5, points: 50 },
    ])
    expect(takeFromBudget(40, 1000, () => 0, 9)).toEqual([{ index: 9, points: 40 }])
    const spent = takeFromBudget(5000, 1000, (i) => used.get(i) ?? 0, 0)
    expect(spent.reduce((sum, t) => sum + t.points, 0)).toBe(900)
    expect(takeFromBudget(10, 1000, () => 100, 0)).toEqual([])
  })

  it('refuses a campaign that ends before it starts', () => {
    const [charity] = demoCharities(new Date('2026-11-27T00:00:00Z'))
    const broken = { ...charity, campaigns: [campaign({ until: '2026-11-19T00:00:00Z' })] }
    expect(CharitySchema.safeParse(charity).success).toBe(true)
    expect(CharitySchema.safeParse(broken).success).toBe(false)
  })

  it('seeds a demo campaign that runs now and ends on a Friday', () => {
    const now = new Date('2026-11-27T08:00:00Z') // a Friday morning: the next Friday, a week on
    const [charity] = demoCharities(now)
    const running = activeCampaign(charity!.campaigns, now)
    expect(running?.percent).toBe(50)
    expect(new Date(running!.until).getUTCDay()).toBe(5)
    expect(new Date(running!.until).getTime()).toBeGreaterThan(now.getTime())
  })
})

describe('running totals', () => {
  it('sums shards, a missing or half-written shard counting as zero', () => {
    const shards = [
      shardOf({ donations: 2, points: 300, valueAgorot: 3000, matchedPoints: 50, matchedAgorot: 500, campaigns: { c1: 50 } }),
      shardOf(undefined),
      shardOf({ donations: 1, points: 70, valueAgorot: 700, campaigns: { c1: 'x' } }),
    ]
    expect(shards[2]!.campaigns).toEqual({ c1: 0 })
    expect(sumShards(shards)).toEqual({ donations: 3, points: 370, valueShekels: 37, matchedPoints: 50, matchedShekels: 5 })
  })

  it('adds a member’s receipts in agorot, so ten donations of ₪0.10 make ₪1 exactly', () => {
    const receipts = Array.from({ length: 10 }, () => ({ points: 1, valueShekels: 0.1, matchedPoints: 0, matchedShekels: 0 }))
    expect(memberTotals(receipts)).toEqual({ donations: 10, points: 10, valueShekels: 1, matchedPoints: 0, matchedShekels: 0 })
  })

  it('numbers receipts by club day without look-alike characters', () => {
    let n = 0
    const no = receiptNumber('2026-11-27', () => (n++ % 31) / 31)
    expect(no).toMatch(/^D-20261127-[2-9A-HJKMNP-Z]{8}$/)
  })
})
