import { describe, expect, it } from 'vitest'
import { addDays, addMonths, monthOf, type LocalDate } from '@/domain/shared/calendar'
import type { Tier } from '@/domain/shared/club-config'
import { purchasePoints } from '@/domain/points/earning'
import { totalOpen, type LotSlice } from '@/domain/points/lots'
import {
  InsufficientPoints,
  QUALIFYING_SOURCES,
  credit,
  debit,
  expire,
  initialPoints,
  lotExpiry,
  pointsSummary,
  qualifyingAmount,
  reviewTier,
  withdrawQualifying,
  type PointsPolicy,
  type PointsState,
} from '@/domain/points/points'
import { findTier, tierFor } from '@/domain/points/tiers'
import { demoConfig } from '../../scripts/demo-club'

const policy: PointsPolicy = demoConfig
const spendPolicy: PointsPolicy = { ...demoConfig, tierMeasure: 'spend' }

/** The invariant every transition must keep. */
function expectConsistent(state: PointsState) {
  expect(state.balance).toBe(totalOpen(state.expiryBuckets))
  expect(state.balance).toBeGreaterThanOrEqual(0)
  expect(state.pointsDebt).toBeGreaterThanOrEqual(0)
  expect(Number.isInteger(state.balance)).toBe(true)
  expect(Number.isInteger(state.pointsDebt)).toBe(true)
  for (const points of Object.values(state.expiryBuckets)) expect(points).toBeGreaterThan(0)
}

const sumOf = (slices: readonly LotSlice[]) => slices.reduce((sum, slice) => sum + slice.points, 0)

/** A member who earned `lots` (earned date → points) without qualifying activity. */
function memberWith(lots: Record<LocalDate, number>, start = '2025-01-01'): PointsState {
  let state = initialPoints('silver', start)
  for (const [earnedOn, points] of Object.entries(lots)) {
    state = credit(state, points, { earnedOn, today: earnedOn }, policy).state
  }
  return state
}

describe('initialPoints', () => {
  it('starts empty in the given tier with a tier year of 12 months', () => {
    expect(initialPoints('silver', '2025-03-15')).toEqual({
      balance: 0,
      lifetimePoints: 0,
      pointsDebt: 0,
      expiryBuckets: {},
      qualifyingMonths: {},
      tierId: 'silver',
      tierYearEnds: '2026-03-15',
    })
  })

  it('clamps a tier year that starts on a leap day', () => {
    expect(initialPoints('silver', '2024-02-29').tierYearEnds).toBe('2025-02-28')
  })
})

describe('lotExpiry', () => {
  it('is the end of the month 12 months after the month earned', () => {
    expect(lotExpiry('2025-01-01', policy)).toBe('2026-01-31')
    expect(lotExpiry('2025-01-15', policy)).toBe('2026-01-31')
    expect(lotExpiry('2025-01-31', policy)).toBe('2026-01-31')
    expect(lotExpiry('2025-02-01', policy)).toBe('2026-02-28')
    expect(lotExpiry('2023-02-10', policy)).toBe('2024-02-29')
    expect(lotExpiry('2024-02-29', policy)).toBe('2025-02-28')
    expect(lotExpiry('2025-12-31', policy)).toBe('2026-12-31')
  })

  it('follows the club’s expiry period', () => {
    expect(lotExpiry('2025-01-15', { pointsExpiryMonths: 1 })).toBe('2025-02-28')
    expect(lotExpiry('2025-01-15', { pointsExpiryMonths: 24 })).toBe('2027-01-31')
  })
})

describe('credit', () => {
  it('opens a lot that expires at the end of the month 12 months later', () => {
    const state = initialPoints('silver', '2025-01-01')
    const result = credit(state, 120, { earnedOn: '2025-01-15', today: '2025-01-15' }, policy)
    expect(result.lot).toEqual({ expiresOn: '2026-01-31', points: 120 })
    expect(result.state.expiryBuckets).toEqual({ '2026-01-31': 120 })
    expect(result.state.balance).toBe(120)
    expect(result.state.lifetimePoints).toBe(120)
    expect(result.recovered).toBeNull()
    expectConsistent(result.state)
  })

  it('puts lots of the same month in one bucket and other months in their own', () => {
    const state = memberWith({ '2025-01-02': 10, '2025-01-30': 20, '2025-02-01': 5, '2025-03-31': 7 })
    expect(state.expiryBuckets).toEqual({ '2026-01-31': 30, '2026-02-28': 5, '2026-03-31': 7 })
    expect(state.balance).toBe(42)
    expect(state.lifetimePoints).toBe(42)
    expectConsistent(state)
  })

  it('counts toward the tier only when qualifying activity is given', () => {
    const state = initialPoints('silver', '2025-01-01')
    const gift = credit(state, 500, { earnedOn: '2025-04-10', today: '2025-04-10' }, policy).state
    expect(gift.qualifyingMonths).toEqual({})
    const purchase = credit(
      gift,
      200,
      { earnedOn: '2025-04-12', today: '2025-04-12', qualifying: { points: 200, spend: 180.5 } },
      policy,
    ).state
    expect(purchase.qualifyingMonths).toEqual({ '2025-04': { points: 200, spend: 180.5 } })
    expect(purchase.balance).toBe(700)
    expect(qualifyingAmount(purchase, policy, '2025-04-12')).toBe(200)
    expect(qualifyingAmount(purchase, spendPolicy, '2025-04-12')).toBe(180.5)
  })

  it('books qualifying activity in the month earned, not the month credited', () => {
    const state = initialPoints('silver', '2025-01-01')
    const late = credit(state, 50, { earnedOn: '2025-03-31', today: '2025-04-02', qualifying: { points: 50, spend: 50 } }, policy)
    expect(late.state.qualifyingMonths).toEqual({ '2025-03': { points: 50, spend: 50 } })
    expect(late.lot.expiresOn).toBe('2026-03-31')
  })

  it('only gifts, corrections and other non-activity sources do not qualify', () => {
    expect([...QUALIFYING_SOURCES].sort()).toEqual(['activity', 'check-in', 'purchase'])
  })

  it('allows zero points (a purchase too small to earn still counts as spend) without opening a lot', () => {
    const state = initialPoints('silver', '2025-01-01')
    const result = credit(state, 0, { earnedOn: '2025-05-05', today: '2025-05-05', qualifying: { points: 0, spend: 0.9 } }, policy)
    expect(result.state.balance).toBe(0)
    expect(result.state.expiryBuckets).toEqual({})
    expect(result.state.qualifyingMonths).toEqual({ '2025-05': { points: 0, spend: 0.9 } })
    expectConsistent(result.state)
  })

  it('refuses fractions, negatives and non-numbers', () => {
    const state = initialPoints('silver', '2025-01-01')
    const options = { earnedOn: '2025-01-01', today: '2025-01-01' }
    expect(() => credit(state, 1.5, options, policy)).toThrow(/whole number/)
    expect(() => credit(state, -1, options, policy)).toThrow(/whole number/)
    expect(() => credit(state, Number.NaN, options, policy)).toThrow(/whole number/)
    expect(() => credit(state, Number.POSITIVE_INFINITY, options, policy)).toThrow(/whole number/)
  })

  it('does not change the state it was given', () => {
    const state = memberWith({ '2025-01-10': 100 })
    const copy = structuredClone(state)
    credit(state, 50, { earnedOn: '2025-01-11', today: '2025-01-11', qualifying: { points: 50, spend: 50 } }, policy)
    expect(state).toEqual(copy)
  })

  it('upgrades the tier at once when qualifying activity reaches the next threshold', () => {
    let state = initialPoints('silver', '2025-01-01')
    const options = (today: LocalDate, points: number) => ({ earnedOn: today, today, qualifying: { points, spend: points } })
    let result = credit(state, 999, options('2025-02-10', 999), policy)
    expect(result.tier).toEqual({ tierId: 'silver', tierYearEnds: '2026-01-01', change: null })
    state = result.state
    result = credit(state, 1, options('2025-03-05', 1), policy)
    expect(result.tier).toEqual({ tierId: 'gold', tierYearEnds: '2026-03-05', change: 'up' })
    expect(result.state.tierId).toBe('gold')
    expect(result.state.tierYearEnds).toBe('2026-03-05')
    result = credit(result.state, 2000, options('2025-04-01', 2000), policy)
    expect(result.tier).toMatchObject({ tierId: 'platinum', change: 'up', tierYearEnds: '2026-04-01' })
  })

  it('does not upgrade for points that do not qualify', () => {
    const result = credit(initialPoints('silver', '2025-01-01'), 5000, { earnedOn: '2025-02-01', today: '2025-02-01' }, policy)
    expect(result.state.tierId).toBe('silver')
    expect(result.tier.change).toBeNull()
  })

  it('measures the tier by spend when the club says so', () => {
    const state = initialPoints('silver', '2025-01-01')
    const lowSpend = credit(state, 1500, { earnedOn: '2025-02-01', today: '2025-02-01', qualifying: { points: 1500, spend: 999 } }, spendPolicy)
    expect(lowSpend.state.tierId).toBe('silver')
    const more = credit(lowSpend.state, 1, { earnedOn: '2025-02-02', today: '2025-02-02', qualifying: { points: 1, spend: 1 } }, spendPolicy)
    expect(more.state.tierId).toBe('gold')
  })

  it('counts only the last 12 months toward the tier', () => {
    let state = initialPoints('silver', '2024-01-01')
    state = credit(state, 600, { earnedOn: '2024-03-15', today: '2024-03-15', qualifying: { points: 600, spend: 0 } }, policy).state
    // March 2024 is 12 months before March 2025: it no longer counts.
    const result = credit(state, 600, { earnedOn: '2025-03-01', today: '2025-03-01', qualifying: { points: 600, spend: 0 } }, policy)
    expect(qualifyingAmount(result.state, policy, '2025-03-01')).toBe(600)
    expect(result.state.tierId).toBe('silver')
    // A month earlier, April 2024 would still have counted.
    let other = initialPoints('silver', '2024-01-01')
    other = credit(other, 600, { earnedOn: '2024-04-15', today: '2024-04-15', qualifying: { points: 600, spend: 0 } }, policy).state
    const reached = credit(other, 600, { earnedOn: '2025-03-01', today: '2025-03-01', qualifying: { points: 600, spend: 0 } }, policy)
    expect(reached.state.tierId).toBe('gold')
  })
})

describe('debit', () => {
  const member = () => memberWith({ '2025-01-10': 100, '2025-02-10': 50, '2025-03-10': 30 })

  it('takes from the lots that expire first', () => {
    const result = debit(member(), 120)
    expect(result.taken).toEqual([
      { expiresOn: '2026-01-31', points: 100 },
      { expiresOn: '2026-02-28', points: 20 },
    ])
    expect(result.shortfall).toBe(0)
    expect(result.state.balance).toBe(60)
    expect(result.state.expiryBuckets).toEqual({ '2026-02-28': 30, '2026-03-31': 30 })
    expect(result.state.lifetimePoints).toBe(180)
    expectConsistent(result.state)
  })

  it('takes exactly the whole balance', () => {
    const result = debit(member(), 180)
    expect(result.state.balance).toBe(0)
    expect(result.state.expiryBuckets).toEqual({})
    expect(result.shortfall).toBe(0)
    expect(result.state.pointsDebt).toBe(0)
  })

  it('refuses more than the balance with InsufficientPoints', () => {
    const state = member()
    let error: unknown
    try {
      debit(state, 181)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InsufficientPoints)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'InsufficientPoints', needed: 181, balance: 180, message: 'needs 181 points, has 180' })
    expect(() => debit(initialPoints('silver', '2025-01-01'), 1)).toThrow(InsufficientPoints)
    expect(() => debit(state, 181, { allowShortfall: false })).toThrow(InsufficientPoints)
  })

  it('with a shortfall allowed, takes what there is and records the rest as debt', () => {
    const result = debit(member(), 250, { allowShortfall: true })
    expect(result.shortfall).toBe(70)
    expect(result.state.balance).toBe(0)
    expect(result.state.pointsDebt).toBe(70)
    expect(result.state.expiryBuckets).toEqual({})
    expect(sumOf(result.taken)).toBe(180)
    expectConsistent(result.state)
  })

  it('has no shortfall when the balance covers a shortfall-allowed debit', () => {
    const result = debit(member(), 100, { allowShortfall: true })
    expect(result.shortfall).toBe(0)
    expect(result.state.pointsDebt).toBe(0)
    expect(result.state.balance).toBe(80)
  })

  it('adds to an existing debt', () => {
    const first = debit(member(), 200, { allowShortfall: true })
    const second = debit(first.state, 15, { allowShortfall: true })
    expect(second.shortfall).toBe(15)
    expect(second.taken).toEqual([])
    expect(second.state.pointsDebt).toBe(35)
    expect(second.state.balance).toBe(0)
  })

  it('takes from the preferred lot first (a refund claws back its own purchase’s lot)', () => {
    const result = debit(member(), 40, { allowShortfall: true, prefer: '2026-03-31' })
    expect(result.taken).toEqual([
      { expiresOn: '2026-03-31', points: 30 },
      { expiresOn: '2026-01-31', points: 10 },
    ])
    expect(result.state.expiryBuckets).toEqual({ '2026-01-31': 90, '2026-02-28': 50 })
    expectConsistent(result.state)
  })

  it('falls back to oldest-first when the preferred lot is gone', () => {
    const result = debit(member(), 10, { prefer: '2025-12-31' })
    expect(result.taken).toEqual([{ expiresOn: '2026-01-31', points: 10 }])
  })

  it('takes nothing for zero', () => {
    const result = debit(member(), 0)
    expect(result.taken).toEqual([])
    expect(result.state.balance).toBe(180)
    expect(result.shortfall).toBe(0)
  })

  it('refuses fractions and negatives', () => {
    expect(() => debit(member(), 0.5)).toThrow(/whole number/)
    expect(() => debit(member(), -10)).toThrow(/whole number/)
    expect(() => debit(member(), -10, { allowShortfall: true })).toThrow(/whole number/)
  })

  it('does not change the state it was given', () => {
    const state = member()
    const copy = structuredClone(state)
    debit(state, 170, { prefer: '2026-02-28' })
    debit(state, 500, { allowShortfall: true })
    expect(state).toEqual(copy)
  })

  it('does not touch lifetime points, qualifying activity or the tier', () => {
    let state = initialPoints('silver', '2025-01-01')
    state = credit(state, 1200, { earnedOn: '2025-02-01', today: '2025-02-01', qualifying: { points: 1200, spend: 1200 } }, policy).state
    const result = debit(state, 1100)
    expect(result.state.lifetimePoints).toBe(1200)
    expect(result.state.qualifyingMonths).toEqual(state.qualifyingMonths)
    expect(result.state.tierId).toBe('gold')
  })
})

describe('debt recovery', () => {
  /** A member who spent 80 of 100 points on a purchase that is then refunded in full. */
  function inDebt() {
    let state = initialPoints('silver', '2025-01-01')
    state = credit(state, 100, { earnedOn: '2025-01-10', today: '2025-01-10' }, policy).state
    state = debit(state, 80).state
    return debit(state, 100, { allowShortfall: true, prefer: '2026-01-31' })
  }

  it('turns what a refund cannot claw back into debt', () => {
    const refund = inDebt()
    expect(refund.shortfall).toBe(80)
    expect(refund.state.balance).toBe(0)
    expect(refund.state.pointsDebt).toBe(80)
    expectConsistent(refund.state)
  })

  it('pays the debt off first from the next credit', () => {
    const result = credit(inDebt().state, 150, { earnedOn: '2025-03-05', today: '2025-03-05' }, policy)
    expect(result.lot).toEqual({ expiresOn: '2026-03-31', points: 150 })
    expect(result.recovered).toEqual({ points: 80, taken: [{ expiresOn: '2026-03-31', points: 80 }] })
    expect(result.state.pointsDebt).toBe(0)
    expect(result.state.balance).toBe(70)
    expect(result.state.expiryBuckets).toEqual({ '2026-03-31': 70 })
    expect(result.state.lifetimePoints).toBe(250)
    expectConsistent(result.state)
  })

  it('pays off what it can when the credit is smaller than the debt', () => {
    const first = credit(inDebt().state, 30, { earnedOn: '2025-03-05', today: '2025-03-05' }, policy)
    expect(first.recovered).toEqual({ points: 30, taken: [{ expiresOn: '2026-03-31', points: 30 }] })
    expect(first.state.balance).toBe(0)
    expect(first.state.pointsDebt).toBe(50)
    expect(first.state.expiryBuckets).toEqual({})
    expectConsistent(first.state)
    const second = credit(first.state, 50, { earnedOn: '2025-04-05', today: '2025-04-05' }, policy)
    expect(second.recovered?.points).toBe(50)
    expect(second.state.balance).toBe(0)
    expect(second.state.pointsDebt).toBe(0)
    const third = credit(second.state, 10, { earnedOn: '2025-04-06', today: '2025-04-06' }, policy)
    expect(third.recovered).toBeNull()
    expect(third.state.balance).toBe(10)
  })

  it('reports no recovery (so no empty debt-recovery ledger entry) when a zero-point purchase pays nothing off', () => {
    // A purchase too small to earn (credit of 0, allowed) by a member who owes points: nothing is
    // paid off, so there must be no recovery to book. functions/src/ledger/award.ts writes a
    // separate debt_recovery entry whenever `recovered` is not null.
    const result = credit(
      inDebt().state,
      0,
      { earnedOn: '2025-03-05', today: '2025-03-05', qualifying: { points: 0, spend: 0.5 } },
      policy,
    )
    expect(result.state.pointsDebt).toBe(80)
    expect(result.state.balance).toBe(0)
    expect(result.recovered).toBeNull()
  })

  it('still counts a purchase that pays off debt toward the tier', () => {
    const result = credit(
      inDebt().state,
      1000,
      { earnedOn: '2025-03-05', today: '2025-03-05', qualifying: { points: 1000, spend: 1000 } },
      policy,
    )
    expect(result.recovered?.points).toBe(80)
    expect(result.state.tierId).toBe('gold')
    expect(result.state.balance).toBe(920)
  })
})

describe('withdrawQualifying', () => {
  const goldMember = () => {
    const state = initialPoints('silver', '2025-01-01')
    return credit(state, 1200, { earnedOn: '2025-03-10', today: '2025-03-10', qualifying: { points: 1200, spend: 1000 } }, policy).state
  }

  it('takes activity back from the month it was earned in', () => {
    const state = withdrawQualifying(goldMember(), '2025-03', { points: 300, spend: 250 }, '2025-04-01')
    expect(state.qualifyingMonths).toEqual({ '2025-03': { points: 900, spend: 750 } })
    expect(state.balance).toBe(1200)
    expect(state.expiryBuckets).toEqual(goldMember().expiryBuckets)
  })

  it('never goes below zero', () => {
    const state = withdrawQualifying(goldMember(), '2025-03', { points: 5000, spend: 5000 }, '2025-04-01')
    expect(state.qualifyingMonths['2025-03']).toEqual({ points: 0, spend: 0 })
  })

  it('ignores a month that has left the window', () => {
    const state = withdrawQualifying(goldMember(), '2024-01', { points: 300, spend: 250 }, '2025-04-01')
    expect(state.qualifyingMonths).toEqual({ '2025-03': { points: 1200, spend: 1000 } })
  })

  it('does not downgrade before the tier year ends', () => {
    const gold = goldMember()
    expect(gold.tierYearEnds).toBe('2026-03-10')
    const withdrawn = withdrawQualifying(gold, '2025-03', { points: 1200, spend: 1000 }, '2025-04-01')
    const reviewed = reviewTier(withdrawn, policy, '2025-04-01')
    expect(reviewed.state.tierId).toBe('gold')
    expect(reviewed.tier.change).toBeNull()
    expect(reviewTier(withdrawn, policy, '2026-03-10').state.tierId).toBe('gold')
  })
})

describe('reviewTier', () => {
  it('downgrades after the tier year to what the last 12 months earn, starting a new year', () => {
    let state = initialPoints('silver', '2025-01-01')
    state = credit(state, 3000, { earnedOn: '2025-01-20', today: '2025-01-20', qualifying: { points: 3000, spend: 3000 } }, policy).state
    expect(state).toMatchObject({ tierId: 'platinum', tierYearEnds: '2026-01-20' })
    state = credit(state, 1100, { earnedOn: '2025-06-01', today: '2025-06-01', qualifying: { points: 1100, spend: 1100 } }, policy).state
    // On 2026-01-21 the window is Feb 2025 – Jan 2026: the January 2025 activity is gone.
    const reviewed = reviewTier(state, policy, '2026-01-21')
    expect(reviewed.tier).toEqual({ tierId: 'gold', tierYearEnds: '2027-01-21', change: 'down' })
    expect(reviewed.state).toMatchObject({ tierId: 'gold', tierYearEnds: '2027-01-21' })
  })

  it('keeps the tier on the last day of the tier year', () => {
    let state = initialPoints('silver', '2025-01-01')
    state = credit(state, 3000, { earnedOn: '2025-01-20', today: '2025-01-20', qualifying: { points: 3000, spend: 0 } }, policy).state
    expect(reviewTier(state, policy, '2026-01-20').tier).toEqual({ tierId: 'platinum', tierYearEnds: '2026-01-20', change: null })
  })

  it('renews when the member still qualifies', () => {
    let state = initialPoints('silver', '2025-01-01')
    state = credit(state, 1000, { earnedOn: '2025-01-20', today: '2025-01-20', qualifying: { points: 1000, spend: 0 } }, policy).state
    state = credit(state, 1000, { earnedOn: '2025-12-01', today: '2025-12-01', qualifying: { points: 1000, spend: 0 } }, policy).state
    expect(reviewTier(state, policy, '2026-01-21').tier).toEqual({ tierId: 'gold', tierYearEnds: '2027-01-21', change: 'renewed' })
  })
})

describe('expire', () => {
  const member = () => memberWith({ '2025-01-10': 100, '2025-02-10': 50 })

  it('keeps points valid through their last day', () => {
    const result = expire(member(), '2026-01-31')
    expect(result.expired).toEqual([])
    expect(result.state.balance).toBe(150)
  })

  it('returns the same state object when nothing is due', () => {
    const state = member()
    expect(expire(state, '2026-01-31').state).toBe(state)
  })

  it('removes a bucket the day after its last day', () => {
    const result = expire(member(), '2026-02-01')
    expect(result.expired).toEqual([{ expiresOn: '2026-01-31', points: 100 }])
    expect(result.state.balance).toBe(50)
    expect(result.state.expiryBuckets).toEqual({ '2026-02-28': 50 })
    expect(result.state.lifetimePoints).toBe(150)
    expectConsistent(result.state)
  })

  it('removes whatever is left of a partly spent bucket', () => {
    const spent = debit(member(), 70).state
    const result = expire(spent, '2026-02-01')
    expect(result.expired).toEqual([{ expiresOn: '2026-01-31', points: 30 }])
    expect(result.state.balance).toBe(50)
    expectConsistent(result.state)
  })

  it('removes every due bucket at once when the job was late', () => {
    const result = expire(member(), '2026-06-01')
    expect(result.expired).toEqual([
      { expiresOn: '2026-01-31', points: 100 },
      { expiresOn: '2026-02-28', points: 50 },
    ])
    expect(result.state.balance).toBe(0)
    expect(result.state.expiryBuckets).toEqual({})
    expectConsistent(result.state)
  })

  it('is idempotent for the same day', () => {
    const once = expire(member(), '2026-02-01')
    const twice = expire(once.state, '2026-02-01')
    expect(twice.expired).toEqual([])
    expect(twice.state).toEqual(once.state)
  })

  it('does not change the state it was given', () => {
    const state = member()
    const copy = structuredClone(state)
    expire(state, '2027-01-01')
    expect(state).toEqual(copy)
  })
})

describe('pointsSummary', () => {
  it('reports qualifying totals, the next expiry and the tier review date', () => {
    let state = initialPoints('silver', '2025-01-01')
    state = credit(state, 40, { earnedOn: '2025-01-10', today: '2025-01-10', qualifying: { points: 40, spend: 32.5 } }, policy).state
    state = credit(state, 60, { earnedOn: '2025-02-10', today: '2025-02-10', qualifying: { points: 60, spend: 48.25 } }, policy).state
    expect(pointsSummary(state, policy, '2025-02-10')).toEqual({
      qualifying: { points: 100, spend: 80.75 },
      nextExpiry: { expiresOn: '2026-01-31', points: 40 },
      nextExpiryOn: '2026-01-31',
      tierReviewOn: '2026-01-01',
    })
    // A year on, January 2025 has left the window.
    expect(pointsSummary(state, policy, '2026-01-15').qualifying).toEqual({ points: 60, spend: 48.25 })
  })

  it('sorts a member with nothing to expire last', () => {
    const summary = pointsSummary(initialPoints('silver', '2025-01-01'), policy, '2025-01-01')
    expect(summary.nextExpiry).toBeNull()
    expect(summary.nextExpiryOn).toBe('9999-12-31')
    expect(summary.qualifying).toEqual({ points: 0, spend: 0 })
  })
})

describe('a member’s year', () => {
  it('keeps balance = open lots = sum of movements through a realistic story', () => {
    const movements: number[] = []
    const gold = findTier('gold', policy.tiers) as Tier
    let state = initialPoints('silver', '2025-01-05')
    // Welcome gift (not qualifying).
    let c = credit(state, 50, { earnedOn: '2025-01-05', today: '2025-01-05' }, policy)
    movements.push(c.lot.points)
    state = c.state
    // A purchase of ₪820 at the café (partner ×2) as Silver.
    const cafe = purchasePoints(820, demoConfig, { multiplier: 1 }, 2)
    expect(cafe).toBe(1640)
    c = credit(state, cafe, { earnedOn: '2025-02-14', today: '2025-02-14', qualifying: { points: cafe, spend: 820 } }, policy)
    movements.push(c.lot.points)
    state = c.state
    expect(state.tierId).toBe('gold')
    // As Gold, ₪100 at the supermarket earns 125.
    const market = purchasePoints(100, demoConfig, gold)
    expect(market).toBe(125)
    c = credit(state, market, { earnedOn: '2025-03-01', today: '2025-03-01', qualifying: { points: market, spend: 100 } }, policy)
    movements.push(c.lot.points)
    state = c.state
    expectConsistent(state)
    // Redeem a board game (800).
    let d = debit(state, 800)
    movements.push(-sumOf(d.taken))
    state = d.state
    expect(state.balance).toBe(1015)
    // Redeem a ₪50 voucher (450): January's lot is already used up, so it comes from February's.
    d = debit(state, 450)
    expect(d.taken).toEqual([{ expiresOn: '2026-02-28', points: 450 }])
    movements.push(-sumOf(d.taken))
    state = d.state
    // The café purchase is refunded: 1640 back, but only 440 (Feb) + 125 (Mar) are left → 1075 debt.
    d = debit(state, cafe, { allowShortfall: true, prefer: lotExpiry('2025-02-14', policy) })
    movements.push(-sumOf(d.taken))
    state = withdrawQualifying(d.state, '2025-02', { points: cafe, spend: 820 }, '2025-03-20')
    state = reviewTier(state, policy, '2025-03-20').state
    expect(d.taken).toEqual([
      { expiresOn: '2026-02-28', points: 440 },
      { expiresOn: '2026-03-31', points: 125 },
    ])
    expect(d.shortfall).toBe(1075)
    expect(state).toMatchObject({ balance: 0, pointsDebt: 1075, tierId: 'gold' })
    expectConsistent(state)
    // A big purchase pays the debt first.
    c = credit(state, 1500, { earnedOn: '2025-05-01', today: '2025-05-01', qualifying: { points: 1500, spend: 1200 } }, policy)
    movements.push(c.lot.points, -(c.recovered?.points ?? 0))
    state = c.state
    expect(c.recovered?.points).toBe(1075)
    expect(state).toMatchObject({ balance: 425, pointsDebt: 0, expiryBuckets: { '2026-05-31': 425 } })
    // The lot expires at the end of May 2026.
    let e = expire(state, '2026-05-31')
    expect(e.expired).toEqual([])
    e = expire(state, '2026-06-01')
    expect(e.expired).toEqual([{ expiresOn: '2026-05-31', points: 425 }])
    movements.push(-sumOf(e.expired))
    state = e.state
    expect(state.balance).toBe(0)
    expect(movements.reduce((a, b) => a + b, 0)).toBe(state.balance)
    expectConsistent(state)
    // The tier year ends 2026-02-14; reviewed then, May 2025's 1500 still counts → Gold renewed.
    expect(reviewTier(state, policy, '2026-02-15').tier).toEqual({ tierId: 'gold', tierYearEnds: '2027-02-15', change: 'renewed' })
    // A review later than May 2026 sees nothing left in the window.
    expect(reviewTier(state, policy, '2026-06-01').tier.change).toBe('down')
  })
})

/** mulberry32: a tiny deterministic PRNG so a failing sequence can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Purchase {
  points: number
  spend: number
  month: string
  lot: LocalDate
  refunded: boolean
}

interface Counts {
  credits: number
  purchases: number
  redemptions: number
  refused: number
  refunds: number
  shortfalls: number
  recoveries: number
  expiries: number
  ups: number
  downs: number
}

function simulate(seed: number, clubPolicy: PointsPolicy, steps: number): Counts {
  const random = mulberry32(seed)
  const int = (max: number) => Math.floor(random() * (max + 1))
  const counts: Counts = { credits: 0, purchases: 0, redemptions: 0, refused: 0, refunds: 0, shortfalls: 0, recoveries: 0, expiries: 0, ups: 0, downs: 0 }
  const movements: number[] = []
  const purchases: Purchase[] = []
  let today = '2024-01-01'
  let state = initialPoints('silver', today)
  let lifetime = 0
  let debtCreated = 0
  let debtRecovered = 0

  for (let step = 0; step < steps; step++) {
    // Mostly a few days apart, now and then a long quiet spell (lots expire, tier years end).
    today = addDays(today, random() < 0.03 ? 60 + int(400) : int(4))
    const before = state
    const roll = random()
    const label = `seed ${seed}, step ${step}, ${today}`

    if (roll < 0.35) {
      // A purchase, earning at the current tier's rate (sometimes back-dated a few days).
      const earnedOn = int(3) === 0 ? addDays(today, -int(20)) : today
      const spend = Math.round(random() * 30_000) / 100
      const tier = findTier(state.tierId, clubPolicy.tiers) ?? tierFor(0, clubPolicy.tiers)
      const points = purchasePoints(spend, demoConfig, tier, [1, 1, 1.5, 2][int(3)])
      const result = credit(state, points, { earnedOn, today, qualifying: { points, spend } }, clubPolicy)
      expect(result.lot, label).toEqual({ expiresOn: lotExpiry(earnedOn, clubPolicy), points })
      movements.push(points, -(result.recovered?.points ?? 0))
      if (result.recovered) {
        debtRecovered += result.recovered.points
        expect(sumOf(result.recovered.taken), label).toBe(result.recovered.points)
        if (result.recovered.points > 0) counts.recoveries++
      }
      lifetime += points
      purchases.push({ points, spend, month: monthOf(earnedOn), lot: result.lot.expiresOn, refunded: false })
      if (result.tier.change === 'up') counts.ups++
      state = result.state
      counts.purchases++
    } else if (roll < 0.45) {
      // A gift or correction: points but no qualifying activity.
      const points = int(150)
      const result = credit(state, points, { earnedOn: today, today }, clubPolicy)
      movements.push(points, -(result.recovered?.points ?? 0))
      if (result.recovered) {
        debtRecovered += result.recovered.points
        if (result.recovered.points > 0) counts.recoveries++
      }
      lifetime += points
      expect(qualifyingAmount(result.state, clubPolicy, today), label).toBe(qualifyingAmount(state, clubPolicy, today))
      state = result.state
      counts.credits++
    } else if (roll < 0.65) {
      // A redemption: refused without enough points, and then nothing changes.
      // Mostly modest rewards (old lots survive long enough to expire), sometimes a big one.
      const cost = 1 + int(random() < 0.25 ? Math.max(100, Math.round(state.balance * 1.3)) : 250)
      if (cost > state.balance) {
        expect(() => debit(state, cost), label).toThrow(InsufficientPoints)
        counts.refused++
      } else {
        const result = debit(state, cost)
        expect(sumOf(result.taken), label).toBe(cost)
        expect(result.shortfall, label).toBe(0)
        // Oldest first: the taken dates are ascending and the earliest left is not before them.
        const dates = result.taken.map((slice) => slice.expiresOn)
        expect(dates, label).toEqual([...dates].sort())
        movements.push(-cost)
        state = result.state
        counts.redemptions++
      }
    } else if (roll < 0.8) {
      // A refund of an earlier purchase: claws back from its own lot, the rest becomes debt.
      const open = purchases.filter((p) => !p.refunded).slice(-6)
      const purchase = open[int(open.length - 1)]
      if (purchase) {
        purchase.refunded = true
        const result = debit(state, purchase.points, { allowShortfall: true, prefer: purchase.lot })
        const covered = sumOf(result.taken)
        expect(covered + result.shortfall, label).toBe(purchase.points)
        expect(result.shortfall, label).toBe(Math.max(0, purchase.points - state.balance))
        if (state.expiryBuckets[purchase.lot] && purchase.points > 0) expect(result.taken[0]?.expiresOn, label).toBe(purchase.lot)
        movements.push(-covered)
        debtCreated += result.shortfall
        if (result.shortfall > 0) counts.shortfalls++
        const withdrawn = withdrawQualifying(result.state, purchase.month, { points: purchase.points, spend: purchase.spend }, today)
        const reviewed = reviewTier(withdrawn, clubPolicy, today)
        if (reviewed.tier.change === 'down') counts.downs++
        state = reviewed.state
        counts.refunds++
      }
    } else {
      // The nightly job: expire due lots and review the tier when its year has ended.
      const result = expire(state, today)
      movements.push(-sumOf(result.expired))
      for (const slice of result.expired) expect(slice.expiresOn < today, label).toBe(true)
      if (result.expired.length > 0) counts.expiries++
      state = result.state
      // Nothing due is left, and every open bucket expires within 13 month-ends.
      expect(Object.keys(state.expiryBuckets).every((date) => date >= today), label).toBe(true)
      expect(Object.keys(state.expiryBuckets).length, label).toBeLessThanOrEqual(13)
      if (state.tierYearEnds < today) {
        const reviewed = reviewTier(state, clubPolicy, today)
        expect(reviewed.tier.change, label).not.toBeNull()
        if (reviewed.tier.change === 'down') counts.downs++
        state = reviewed.state
      }
    }

    // The invariants, after every single step.
    expect(state.balance, label).toBe(totalOpen(state.expiryBuckets))
    expect(state.balance, label).toBeGreaterThanOrEqual(0)
    expect(Number.isInteger(state.balance), label).toBe(true)
    expect(Object.values(state.expiryBuckets).every((points) => points > 0), label).toBe(true)
    expect(movements.reduce((sum, points) => sum + points, 0), label).toBe(state.balance)
    expect(state.lifetimePoints, label).toBe(lifetime)
    expect(state.pointsDebt, label).toBe(debtCreated - debtRecovered)
    expect(state.pointsDebt, label).toBeGreaterThanOrEqual(0)
    // Debt is only ever owed with nothing left to take it from.
    if (state.pointsDebt > 0) expect(state.balance, label).toBe(0)
    // The tier never sits below what qualifying earns (upgrades are immediate) ...
    const held = findTier(state.tierId, clubPolicy.tiers)
    expect(held, label).toBeDefined()
    const earned = tierFor(qualifyingAmount(state, clubPolicy, today), clubPolicy.tiers)
    expect(held?.threshold ?? -1, label).toBeGreaterThanOrEqual(earned.threshold)
    // ... and it only goes down after the tier year has ended.
    const was = findTier(before.tierId, clubPolicy.tiers)
    if (held && was && held.threshold < was.threshold) expect(before.tierYearEnds < today, label).toBe(true)
    expect(state.tierYearEnds >= today || state.tierYearEnds === before.tierYearEnds, label).toBe(true)
    expect(state.tierYearEnds <= addMonths(today, 12), label).toBe(true)
  }
  return counts
}

describe('the engine under a random sequence of operations', () => {
  it.each([1, 42, 2025, 0xdecaf])('keeps every invariant after each of 400 steps (seed %i, points-measured tiers)', (seed) => {
    const counts = simulate(seed, policy, 400)
    // The sequence really exercised each path.
    expect(counts.purchases).toBeGreaterThan(50)
    expect(counts.redemptions).toBeGreaterThan(10)
    expect(counts.refused).toBeGreaterThan(0)
    expect(counts.refunds).toBeGreaterThan(10)
    expect(counts.shortfalls).toBeGreaterThan(0)
    expect(counts.recoveries).toBeGreaterThan(0)
    expect(counts.expiries).toBeGreaterThan(0)
    expect(counts.ups).toBeGreaterThan(0)
    expect(counts.downs).toBeGreaterThan(0)
  })

  it('keeps every invariant with spend-measured tiers', () => {
    const counts = simulate(7, spendPolicy, 400)
    expect(counts.purchases).toBeGreaterThan(50)
    expect(counts.shortfalls).toBeGreaterThan(0)
    expect(counts.expiries).toBeGreaterThan(0)
    expect(counts.ups).toBeGreaterThan(0)
    expect(counts.downs).toBeGreaterThan(0)
  })

  it('is deterministic for a seed', () => {
    expect(simulate(99, policy, 300)).toEqual(simulate(99, policy, 300))
    const random = mulberry32(5)
    const first = [random(), random(), random()]
    const again = mulberry32(5)
    expect([again(), again(), again()]).toEqual(first)
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true)
  })
})
