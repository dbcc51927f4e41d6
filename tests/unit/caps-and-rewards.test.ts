import { describe, expect, it } from 'vitest'
import { addDays } from '@/domain/shared/calendar'
import type { ActivityRule, Reward, Tier } from '@/domain/shared/club-config'
import { checkCaps, purchasePoints, type RuleUsage } from '@/domain/points/earning'
import { LEDGER_CATEGORIES, LEDGER_TYPES, categoryOf, ledgerSum, type LedgerType } from '@/domain/points/ledger'
import { lowestEligibleTier, redeemability } from '@/domain/points/rewards'
import { demoConfig, demoPartners, demoRewards } from '../../scripts/demo-club'

const tiers = demoConfig.tiers
const [silver, gold, platinum] = tiers as [Tier, Tier, Tier]
const partnerMultiplier = (id: string) => demoPartners.find((p) => p.id === id)?.earnMultiplier ?? Number.NaN
const rule = (id: string): ActivityRule => {
  const found = demoConfig.earning.activities.find((a) => a.id === id)
  if (!found) throw new Error(`no demo activity ${id}`)
  return found
}
// No demo rule has both caps; this one is the demo's eco action with a month cap added.
const dailyAndMonthly = (): ActivityRule => ({ ...rule('eco-cup'), perMonth: 5 })

describe('purchasePoints', () => {
  it('applies the tier multiplier', () => {
    expect(purchasePoints(100, demoConfig, silver)).toBe(100)
    expect(purchasePoints(100, demoConfig, gold)).toBe(125)
    expect(purchasePoints(100, demoConfig, platinum)).toBe(150)
  })

  it('applies the partner multiplier on top of the tier multiplier', () => {
    expect(partnerMultiplier('cafe-shachar')).toBe(2)
    expect(partnerMultiplier('carmel-books')).toBe(1.5)
    expect(purchasePoints(100, demoConfig, silver, partnerMultiplier('cafe-shachar'))).toBe(200)
    expect(purchasePoints(100, demoConfig, gold, partnerMultiplier('cafe-shachar'))).toBe(250)
    expect(purchasePoints(100, demoConfig, platinum, partnerMultiplier('carmel-books'))).toBe(225)
    // 10 × 1.25 × 1.5 = 18.75 → 18.
    expect(purchasePoints(10, demoConfig, gold, partnerMultiplier('gan-toys'))).toBe(18)
  })

  it('rounds down to whole points', () => {
    expect(purchasePoints(19.99, demoConfig, gold)).toBe(24) // 24.9875
    expect(purchasePoints(0.99, demoConfig, silver)).toBe(0)
    expect(purchasePoints(0.8, demoConfig, gold)).toBe(1)
    expect(purchasePoints(0.79, demoConfig, gold)).toBe(0) // 0.9875
  })

  it('counts in agorot so float error never costs a point', () => {
    // 0.29 × 100 and 4.35 × 100 are both just below a whole number in floats.
    expect(purchasePoints(0.29, { earning: { pointsPerShekel: 100 } }, silver)).toBe(29)
    expect(purchasePoints(4.35, { earning: { pointsPerShekel: 100 } }, silver)).toBe(435)
    expect(purchasePoints(8.2, { earning: { pointsPerShekel: 10 } }, silver)).toBe(82)
  })

  it('first rounds the amount to the nearest agora', () => {
    // ₪9.999 is ₪10.00 at the till; ₪9.994 is ₪9.99.
    expect(purchasePoints(9.999, demoConfig, silver)).toBe(10)
    expect(purchasePoints(9.994, demoConfig, silver)).toBe(9)
    expect(purchasePoints(0.996, demoConfig, silver)).toBe(1)
    expect(purchasePoints(0.004, demoConfig, platinum, 2)).toBe(0)
  })

  it('matches exact integer arithmetic for every amount from ₪0.01 to ₪1,000', () => {
    // gold = 5/4, platinum × 1.5 partner = 9/4, gold × 2 partner = 10/4.
    for (let agorot = 1; agorot <= 100_000; agorot++) {
      const shekels = agorot / 100
      if (purchasePoints(shekels, demoConfig, gold) !== Math.floor((agorot * 5) / 400)) {
        expect.fail(`gold, ₪${shekels}: ${purchasePoints(shekels, demoConfig, gold)}`)
      }
      if (purchasePoints(shekels, demoConfig, platinum, 1.5) !== Math.floor((agorot * 9) / 400)) {
        expect.fail(`platinum × 1.5, ₪${shekels}: ${purchasePoints(shekels, demoConfig, platinum, 1.5)}`)
      }
      if (purchasePoints(shekels, demoConfig, gold, 2) !== Math.floor((agorot * 10) / 400)) {
        expect.fail(`gold × 2, ₪${shekels}: ${purchasePoints(shekels, demoConfig, gold, 2)}`)
      }
    }
  })

  it('never pays for nothing', () => {
    expect(purchasePoints(0, demoConfig, platinum, 2)).toBe(0)
    expect(purchasePoints(-100, demoConfig, platinum, 2)).toBe(0)
    expect(purchasePoints(Number.NaN, demoConfig, platinum, 2)).toBe(0)
    expect(purchasePoints(100, { earning: { pointsPerShekel: 0 } }, platinum, 2)).toBe(0)
  })
})

describe('checkCaps', () => {
  const first = (today: string): RuleUsage => ({ day: today, dayCount: 1, month: today.slice(0, 7), monthCount: 1, total: 1 })

  /** Tries the rule once; returns the new usage when it paid. */
  function use(r: ActivityRule, usage: RuleUsage | null, today: string) {
    const result = checkCaps(r, usage, today)
    return { ...result, usage: result.ok ? result.next : usage }
  }

  it('pays the first use and starts counting', () => {
    expect(checkCaps(rule('share-referral'), null, '2025-05-10')).toEqual({ ok: true, next: first('2025-05-10') })
    expect(checkCaps(dailyAndMonthly(), null, '2025-05-10')).toEqual({ ok: true, next: first('2025-05-10') })
  })

  it('pays a once-only rule exactly once, ever', () => {
    const r = rule('profile-complete')
    const once = checkCaps(r, null, '2025-05-10')
    expect(once.ok).toBe(true)
    const usage = once.ok ? once.next : null
    expect(checkCaps(r, usage, '2025-05-10')).toEqual({ ok: false, reason: 'once' })
    expect(checkCaps(r, usage, '2025-05-11')).toEqual({ ok: false, reason: 'once' })
    expect(checkCaps(r, usage, '2030-01-01')).toEqual({ ok: false, reason: 'once' })
  })

  it('enforces a per-day cap and resets it on a new day', () => {
    const r = rule('eco-cup') // 1 a day, no monthly cap
    const usage = first('2025-05-10')
    expect(checkCaps(r, usage, '2025-05-10')).toEqual({ ok: false, reason: 'per-day' })
    expect(checkCaps(r, usage, '2025-05-11')).toEqual({
      ok: true,
      next: { day: '2025-05-11', dayCount: 1, month: '2025-05', monthCount: 2, total: 2 },
    })
  })

  it('lets an uncapped-per-month rule pay every day of the month', () => {
    let usage: RuleUsage | null = null
    let paid = 0
    for (let day = '2025-05-01'; day <= '2025-05-31'; day = addDays(day, 1)) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const result = use(rule('eco-cup'), usage, day)
        if (result.ok) paid++
        usage = result.usage
      }
    }
    expect(paid).toBe(31)
    expect(usage).toEqual({ day: '2025-05-31', dayCount: 1, month: '2025-05', monthCount: 31, total: 31 })
  })

  it('enforces a per-month cap and resets it on a new month', () => {
    const r = dailyAndMonthly() // 1 a day, 5 a month
    let usage: RuleUsage | null = null
    const refusals: string[] = []
    for (let day = '2025-05-01'; day <= '2025-05-31'; day = addDays(day, 1)) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const result = use(r, usage, day)
        if (!result.ok) refusals.push(`${day}:${result.reason}`)
        usage = result.usage
      }
    }
    expect(usage).toMatchObject({ day: '2025-05-05', dayCount: 1, monthCount: 5, total: 5 })
    // Each of the first five days refuses the second try per day; from the 6th, the month is full.
    expect(refusals.slice(0, 6)).toEqual([
      '2025-05-01:per-day',
      '2025-05-02:per-day',
      '2025-05-03:per-day',
      '2025-05-04:per-day',
      '2025-05-05:per-day',
      '2025-05-06:per-month',
    ])
    expect(refusals).toHaveLength(5 + 2 * 26)
    const june = checkCaps(r, usage, '2025-06-01')
    expect(june).toEqual({ ok: true, next: { day: '2025-06-01', dayCount: 1, month: '2025-06', monthCount: 1, total: 6 } })
  })

  it('enforces a per-month cap without a per-day cap', () => {
    const r = rule('share-referral') // 3 a month
    let usage: RuleUsage | null = null
    const results = [0, 1, 2, 3].map(() => {
      const result = use(r, usage, '2025-05-10')
      usage = result.usage
      return result.ok ? 'ok' : result.reason
    })
    expect(results).toEqual(['ok', 'ok', 'ok', 'per-month'])
    expect(checkCaps(r, usage, '2025-05-31')).toEqual({ ok: false, reason: 'per-month' })
  })

  it('treats the same month of another year as a new month', () => {
    const r = rule('share-referral')
    const full: RuleUsage = { day: '2024-05-10', dayCount: 3, month: '2024-05', monthCount: 3, total: 3 }
    expect(checkCaps(r, full, '2024-05-31')).toEqual({ ok: false, reason: 'per-month' })
    expect(checkCaps(r, full, '2025-05-10')).toEqual({
      ok: true,
      next: { day: '2025-05-10', dayCount: 1, month: '2025-05', monthCount: 1, total: 4 },
    })
  })

  it('resets at a year boundary', () => {
    const r = dailyAndMonthly()
    const usage: RuleUsage = { day: '2025-12-31', dayCount: 1, month: '2025-12', monthCount: 5, total: 40 }
    expect(checkCaps(r, usage, '2025-12-31')).toEqual({ ok: false, reason: 'per-day' })
    expect(checkCaps(r, usage, '2026-01-01')).toEqual({
      ok: true,
      next: { day: '2026-01-01', dayCount: 1, month: '2026-01', monthCount: 1, total: 41 },
    })
  })

  it('checks once before per-day before per-month', () => {
    const usage = first('2025-05-10')
    expect(checkCaps({ once: true, perDay: 1, perMonth: 1 }, usage, '2025-05-10')).toEqual({ ok: false, reason: 'once' })
    expect(checkCaps({ once: false, perDay: 1, perMonth: 1 }, usage, '2025-05-10')).toEqual({ ok: false, reason: 'per-day' })
    expect(checkCaps({ once: false, perDay: 1, perMonth: 1 }, usage, '2025-05-11')).toEqual({ ok: false, reason: 'per-month' })
    expect(checkCaps({ once: false, perDay: null, perMonth: null }, usage, '2025-05-10')).toMatchObject({ ok: true })
  })

  it('does not change the usage it was given', () => {
    const usage = first('2025-05-10')
    checkCaps(rule('eco-cup'), usage, '2025-05-11')
    expect(usage).toEqual(first('2025-05-10'))
  })
})

describe('redeemability', () => {
  const reward = (patch: Partial<Pick<Reward, 'active' | 'tierIds' | 'stock' | 'cost'>> = {}) => ({
    active: true,
    tierIds: [] as string[],
    stock: null as number | null,
    cost: 500,
    ...patch,
  })

  it('is ok when active, open to the tier, in stock and affordable', () => {
    expect(redeemability(reward(), { tierId: 'silver', balance: 500 })).toBe('ok')
    expect(redeemability(reward({ stock: 1 }), { tierId: 'silver', balance: 10_000 })).toBe('ok')
  })

  it('needs the full cost', () => {
    expect(redeemability(reward(), { tierId: 'silver', balance: 499 })).toBe('points')
    expect(redeemability(reward(), { tierId: 'silver', balance: 0 })).toBe('points')
  })

  it('treats a null stock as unlimited and zero or less as out of stock', () => {
    expect(redeemability(reward({ stock: null }), { tierId: 'silver', balance: 500 })).toBe('ok')
    expect(redeemability(reward({ stock: 0 }), { tierId: 'silver', balance: 500 })).toBe('out-of-stock')
    expect(redeemability(reward({ stock: -1 }), { tierId: 'silver', balance: 500 })).toBe('out-of-stock')
  })

  it('opens a reward with no tiers to every tier and restricts the rest', () => {
    const exclusive = reward({ tierIds: ['gold', 'platinum'] })
    expect(redeemability(exclusive, { tierId: 'silver', balance: 500 })).toBe('tier')
    expect(redeemability(exclusive, { tierId: 'gold', balance: 500 })).toBe('ok')
    expect(redeemability(exclusive, { tierId: 'platinum', balance: 500 })).toBe('ok')
    for (const tier of tiers) expect(redeemability(reward(), { tierId: tier.id, balance: 500 })).toBe('ok')
  })

  it('gives the reasons in order: inactive, tier, out-of-stock, points', () => {
    const poor = { tierId: 'silver', balance: 0 }
    const worst = reward({ active: false, tierIds: ['gold'], stock: 0 })
    expect(redeemability(worst, poor)).toBe('inactive')
    expect(redeemability({ ...worst, active: true }, poor)).toBe('tier')
    expect(redeemability({ ...worst, active: true }, { ...poor, tierId: 'gold' })).toBe('out-of-stock')
    expect(redeemability({ ...worst, active: true, stock: 3 }, { ...poor, tierId: 'gold' })).toBe('points')
    expect(redeemability({ ...worst, active: true, stock: 3 }, { tierId: 'gold', balance: 500 })).toBe('ok')
  })

  it('works on the demo catalogue', () => {
    const game = demoRewards.find((r) => r.id === 'board-game') as Reward
    expect(redeemability(game, { tierId: 'silver', balance: 5000 })).toBe('tier')
    expect(redeemability(game, { tierId: 'gold', balance: 799 })).toBe('points')
    expect(redeemability(game, { tierId: 'gold', balance: 800 })).toBe('ok')
    expect(redeemability({ ...game, stock: 0 }, { tierId: 'gold', balance: 800 })).toBe('out-of-stock')
  })
})

describe('lowestEligibleTier', () => {
  it('is the lowest tier by threshold among the allowed ones, in any order', () => {
    expect(lowestEligibleTier({ tierIds: ['gold', 'platinum'] }, tiers)?.id).toBe('gold')
    expect(lowestEligibleTier({ tierIds: ['platinum', 'gold'] }, tiers)?.id).toBe('gold')
    expect(lowestEligibleTier({ tierIds: ['platinum'] }, tiers)?.id).toBe('platinum')
    expect(lowestEligibleTier({ tierIds: ['platinum', 'silver', 'gold'] }, tiers)?.id).toBe('silver')
  })

  it('is null for a reward open to everyone', () => {
    expect(lowestEligibleTier({ tierIds: [] }, tiers)).toBeNull()
  })

  it('ignores tiers the club does not have', () => {
    expect(lowestEligibleTier({ tierIds: ['diamond'] }, tiers)).toBeNull()
    expect(lowestEligibleTier({ tierIds: ['diamond', 'platinum'] }, tiers)?.id).toBe('platinum')
  })

  it('does not reorder the reward’s own list', () => {
    const reward = { tierIds: ['platinum', 'gold'] }
    lowestEligibleTier(reward, tiers)
    expect(reward.tierIds).toEqual(['platinum', 'gold'])
  })
})

describe('ledger categories', () => {
  it('files earn, redeem and expire entries under their own category', () => {
    expect(categoryOf('earn', 100)).toBe('earned')
    expect(categoryOf('redeem', -100)).toBe('spent')
    expect(categoryOf('expire', -100)).toBe('expired')
  })

  it('files a positive adjustment as earned and a negative one as corrected', () => {
    expect(categoryOf('adjust', 50)).toBe('earned')
    expect(categoryOf('adjust', -50)).toBe('corrected')
    expect(categoryOf('adjust', 0)).toBe('corrected')
  })

  it('files reversals as corrected whatever their sign', () => {
    expect(categoryOf('reversal', -120)).toBe('corrected')
    expect(categoryOf('reversal', 120)).toBe('corrected')
  })

  it('gives every type a known category', () => {
    for (const type of LEDGER_TYPES as readonly LedgerType[]) {
      for (const points of [-1, 0, 1]) expect(LEDGER_CATEGORIES).toContain(categoryOf(type, points))
    }
  })

  it('sums signed entries', () => {
    expect(ledgerSum([])).toBe(0)
    expect(ledgerSum([{ points: 50 }, { points: 1640 }, { points: -800 }, { points: -40 }])).toBe(850)
  })
})
