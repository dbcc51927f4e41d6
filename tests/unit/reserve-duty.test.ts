import { describe, expect, it } from 'vitest'
import {
  checkDeclaration,
  dutySummary,
  effectiveBuckets,
  effectiveLotExpiry,
  effectiveTierYearEnds,
  pauseOf,
  pausesOf,
  type DutyDeclaration,
  type DutyPause,
} from '@/domain/earn/reserve-duty'
import { DeclareReserveDutyInputSchema } from '@/domain/earn/reserve-duty-schema'
import { credit, expire, initialPoints, pointsSummary, reviewTier, type PointsPolicy, type PointsState } from '@/domain/points/points'

const policy: PointsPolicy = {
  tierMeasure: 'points',
  pointsExpiryMonths: 12,
  tiers: [
    { id: 'silver', name: { he: 'כסף', en: 'Silver' }, color: '#999999', threshold: 0, multiplier: 1, benefits: [] },
    { id: 'gold', name: { he: 'זהב', en: 'Gold' }, color: '#ccaa00', threshold: 1000, multiplier: 1.5, benefits: [] },
  ],
}

function declaration(from: string, until: string, declaredOn = from, revokedOn: string | null = null, id = `d-${from}`): DutyDeclaration {
  return { id, from, until, declaredOn, revokedOn }
}

describe('a lot’s effective expiry', () => {
  // Earned in January 2026: expires on 31 January 2027.
  const expiresOn = '2027-01-31'

  it('is the lot’s own day without duty', () => {
    expect(effectiveLotExpiry(expiresOn, [], 12)).toBe(expiresOn)
  })

  it('moves on by every day of duty while the lot was live', () => {
    const pause: DutyPause = { from: '2026-06-01', until: '2026-06-30', declaredOn: '2026-06-01' }
    expect(effectiveLotExpiry(expiresOn, [pause], 12)).toBe('2027-03-02')
  })

  it('stops the clock over the lot’s last day: the days left before the call-up are left after it', () => {
    // 12 days left on 20 January; duty to 20 March (60 days); 12 days left from 21 March.
    const pause: DutyPause = { from: '2027-01-20', until: '2027-03-20', declaredOn: '2027-01-20' }
    expect(effectiveLotExpiry(expiresOn, [pause], 12)).toBe('2027-04-01')
  })

  it('ignores duty before the lot’s earning month and after its last day', () => {
    const before: DutyPause = { from: '2025-11-01', until: '2025-12-31', declaredOn: '2025-11-01' }
    const after: DutyPause = { from: '2027-02-01', until: '2027-02-28', declaredOn: '2027-01-25' }
    expect(effectiveLotExpiry(expiresOn, [before, after], 12)).toBe(expiresOn)
  })

  it('counts only the part of a pause inside the lot’s window', () => {
    // From mid-December 2025 to 10 January 2026: 10 days in the earning month.
    const pause: DutyPause = { from: '2025-12-15', until: '2026-01-10', declaredOn: '2025-12-15' }
    expect(effectiveLotExpiry(expiresOn, [pause], 12)).toBe('2027-02-10')
  })

  it('lets one extension bring the next pause into reach', () => {
    const first: DutyPause = { from: '2027-01-01', until: '2027-01-31', declaredOn: '2027-01-01' }
    // Would start after the lot's own last day, but not after its extended one.
    const second: DutyPause = { from: '2027-02-20', until: '2027-02-24', declaredOn: '2027-02-20' }
    expect(effectiveLotExpiry(expiresOn, [second, first], 12)).toBe('2027-03-08')
  })

  it('never revives a lot that had expired before the declaration, however far back it reaches', () => {
    const backdated: DutyPause = { from: '2027-01-15', until: '2027-03-15', declaredOn: '2027-02-05' }
    expect(effectiveLotExpiry(expiresOn, [backdated], 12)).toBe(expiresOn)
  })

  it('gives lots their effective days; two lots landing on one day add up', () => {
    // 28 days in January 2026: the January lot's earning month, before the February lot existed.
    const pause: DutyPause = { from: '2026-01-01', until: '2026-01-28', declaredOn: '2026-01-01' }
    const buckets = { '2027-01-31': 100, '2027-02-28': 40 }
    expect(effectiveBuckets(buckets, [pause], 12)).toEqual({ '2027-02-28': 140 })
    expect(effectiveBuckets(buckets, [], 12)).toEqual(buckets)
  })
})

describe('points under reserve duty', () => {
  function member(pauses: DutyPause[] = []): PointsState {
    const start = initialPoints('silver', '2026-01-10')
    const earned = credit(start, 300, { earnedOn: '2026-01-10', today: '2026-01-10' }, policy).state
    return { ...earned, pauses }
  }
  const duty: DutyPause = { from: '2027-01-10', until: '2027-02-08', declaredOn: '2027-01-10' }

  it('expire on the lot’s own day without duty', () => {
    expect(expire(member(), '2027-02-01', policy).expired).toEqual([{ expiresOn: '2027-01-31', points: 300 }])
  })

  it('wait through the duty, then expire on the extended day', () => {
    expect(expire(member([duty]), '2027-02-01', policy).expired).toEqual([])
    expect(expire(member([duty]), '2027-03-02', policy).expired).toEqual([])
    const late = expire(member([duty]), '2027-03-03', policy)
    // The entry keeps the lot's own day: the ledger and the lots are never rewritten.
    expect(late.expired).toEqual([{ expiresOn: '2027-01-31', points: 300 }])
    expect(late.state.balance).toBe(0)
  })

  it('show the extended day as the next expiry and to the expiry job', () => {
    const summary = pointsSummary(member([duty]), policy, '2027-01-15')
    expect(summary.nextExpiry).toEqual({ expiresOn: '2027-03-02', points: 300 })
    expect(summary.nextExpiryOn).toBe('2027-03-02')
    expect(pointsSummary(member(), policy, '2027-01-15').nextExpiryOn).toBe('2027-01-31')
  })

  it('move the tier review by the length of the duty', () => {
    const state = { ...member(), tierId: 'gold', tierYearEnds: '2026-12-31' }
    const pause: DutyPause = { from: '2026-10-01', until: '2026-10-30', declaredOn: '2026-10-01' }
    expect(effectiveTierYearEnds('2026-12-31', [pause])).toBe('2027-01-30')
    expect(pointsSummary({ ...state, pauses: [pause] }, policy, '2026-12-01').tierReviewOn).toBe('2027-01-30')
    // On 15 January a Gold member without the qualifying points keeps Gold while the year is paused …
    const paused = reviewTier({ ...state, pauses: [pause] }, policy, '2027-01-15')
    expect(paused.tier.change).toBeNull()
    expect(paused.state.tierId).toBe('gold')
    // … and the stored end is not moved (duty is added when read, never twice).
    expect(paused.state.tierYearEnds).toBe('2026-12-31')
    // Without duty the year is over.
    expect(reviewTier(state, policy, '2027-01-15').tier.change).toBe('down')
    expect(reviewTier({ ...state, pauses: [pause] }, policy, '2027-01-31').tier.change).toBe('down')
  })
})

describe('revoking a declaration', () => {
  it('pauses nothing from the day of revocation', () => {
    expect(pauseOf(declaration('2027-01-10', '2027-02-08', '2027-01-10', '2027-01-20'))).toEqual({
      from: '2027-01-10',
      until: '2027-01-19',
      declaredOn: '2027-01-10',
    })
    expect(pauseOf(declaration('2027-01-10', '2027-02-08', '2027-01-05', '2027-01-08'))).toBeNull()
    expect(pauseOf(declaration('2027-01-10', '2027-02-08', '2027-01-10', '2027-03-01'))?.until).toBe('2027-02-08')
  })

  it('cuts the extension of a lot to the days served', () => {
    const revoked = pausesOf([declaration('2027-01-10', '2027-02-08', '2027-01-10', '2027-01-20')])
    expect(effectiveLotExpiry('2027-01-31', revoked, 12)).toBe('2027-02-10')
  })
})

describe('what a member may declare', () => {
  const today = '2026-11-20'

  it('accepts a call-up from a month back to a week ahead, up to 180 days', () => {
    expect(checkDeclaration('2026-10-21', '2026-11-30', today, [])).toBeNull()
    expect(checkDeclaration('2026-11-27', '2027-05-25', today, [])).toBeNull()
  })

  it('refuses each rule by name', () => {
    expect(checkDeclaration('2026-11-25', '2026-11-24', today, [])).toBe('duty-dates-order')
    expect(checkDeclaration('2026-11-28', '2026-12-10', today, [])).toBe('duty-too-far-ahead')
    expect(checkDeclaration('2026-10-20', '2026-11-10', today, [])).toBe('duty-too-far-back')
    expect(checkDeclaration('2026-11-20', '2027-05-19', today, [])).toBe('duty-too-long')
  })

  it('refuses an overlap with another declaration, but not with a revoked stretch', () => {
    const existing = [declaration('2026-11-01', '2026-11-30', '2026-11-01')]
    expect(checkDeclaration('2026-11-25', '2026-12-05', today, existing)).toBe('duty-overlaps')
    const revoked = [declaration('2026-11-01', '2026-11-30', '2026-11-01', '2026-11-10')]
    expect(checkDeclaration('2026-11-15', '2026-11-25', today, revoked)).toBeNull()
  })

  it('allows 3 in any 12 months, revoked ones included', () => {
    const three = [
      declaration('2026-01-05', '2026-01-10', '2026-01-05', '2026-01-07', 'a'),
      declaration('2026-04-05', '2026-04-10', '2026-04-05', null, 'b'),
      declaration('2026-08-05', '2026-08-10', '2026-08-05', null, 'c'),
    ]
    expect(checkDeclaration('2026-11-15', '2026-11-25', today, three)).toBe('duty-too-many')
    expect(checkDeclaration('2027-01-06', '2027-01-10', '2027-01-05', three)).toBeNull()
  })

  it('checks the dates are real', () => {
    expect(DeclareReserveDutyInputSchema.safeParse({ from: '2026-02-30', until: '2026-03-01', requestId: 'abcdefgh' }).success).toBe(false)
    expect(DeclareReserveDutyInputSchema.safeParse({ from: '2026-02-28', until: '2026-03-01', requestId: 'abcdefgh' }).success).toBe(true)
  })
})

describe('the member document’s summary', () => {
  it('names the declaration running or ahead, and every pause that still matters', () => {
    const declarations = [
      declaration('2026-11-10', '2026-12-10', '2026-11-10', null, 'now'),
      declaration('2022-01-01', '2022-02-01', '2022-01-01', null, 'old'),
      declaration('2026-06-01', '2026-06-30', '2026-06-01', '2026-06-10', 'revoked'),
    ]
    const summary = dutySummary(declarations, '2026-11-20')
    expect(summary.active).toEqual({ id: 'now', from: '2026-11-10', until: '2026-12-10' })
    expect(summary.pauses).toEqual([
      { from: '2026-06-01', until: '2026-06-09', declaredOn: '2026-06-01' },
      { from: '2026-11-10', until: '2026-12-10', declaredOn: '2026-11-10' },
    ])
    expect(summary.declaredFroms).toEqual(['2026-06-01', '2026-11-10'])
    expect(dutySummary(declarations, '2026-12-11').active).toBeNull()
  })
})
