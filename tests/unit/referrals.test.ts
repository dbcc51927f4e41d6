import { describe, expect, it } from 'vitest'
import {
  attributionRefusal,
  domainAndParents,
  isDisposableEmail,
  ladderStepFor,
  lentTierAfterReward,
  nextLadderGoal,
  normalizeEmail,
  payoutRefusal,
  purchaseNotQualifying,
  velocityCheck,
  type ReferralParty,
} from '@/domain/referrals/referrals'
import { demoConfig } from '../../scripts/demo-club'

const ladder = demoConfig.referrals.ladder
const policy = demoConfig.referrals

describe('the reward ladder', () => {
  it('pays 50 for the first friend, 75 for the 2nd to 4th, 200 and a tier month from the 5th', () => {
    expect(ladderStepFor(1, ladder)).toMatchObject({ points: 50, tierBoostMonths: 0 })
    for (const n of [2, 3, 4]) expect(ladderStepFor(n, ladder)?.points).toBe(75)
    expect(ladderStepFor(5, ladder)).toMatchObject({ points: 200, tierBoostMonths: 1 })
    expect(ladderStepFor(12, ladder)?.points).toBe(200)
    expect(ladderStepFor(0, ladder)).toBeNull()
  })

  it('does not depend on the order the club wrote the steps in', () => {
    expect(ladderStepFor(3, [...ladder].reverse())?.points).toBe(75)
  })

  it('says how many more friends reach the next better reward', () => {
    expect(nextLadderGoal(0, ladder)).toEqual({ friendsMore: 2, points: 75, tierBoostMonths: 0 })
    expect(nextLadderGoal(1, ladder)).toEqual({ friendsMore: 4, points: 200, tierBoostMonths: 1 })
    expect(nextLadderGoal(3, ladder)).toEqual({ friendsMore: 2, points: 200, tierBoostMonths: 1 })
    expect(nextLadderGoal(4, ladder)).toBeNull()
    expect(nextLadderGoal(9, ladder)).toBeNull()
  })
})

describe('e-mail normalisation', () => {
  it('folds case, +tags and Gmail dots into one mailbox', () => {
    expect(normalizeEmail(' Dana.Levi+club@GMail.com ')).toBe('danalevi@gmail.com')
    expect(normalizeEmail('dana.levi@googlemail.com')).toBe('danalevi@gmail.com')
    expect(normalizeEmail('dana.levi+x@walla.co.il')).toBe('dana.levi@walla.co.il')
  })

  it('recognises listed domains, their subdomains and nothing that merely ends the same way', () => {
    const listed = new Set(['mailinator.com'])
    expect(isDisposableEmail('x@mailinator.com', listed)).toBe(true)
    expect(isDisposableEmail('x@eu.mailinator.com', listed)).toBe(true)
    expect(isDisposableEmail('x@A.B.Mailinator.COM.', listed)).toBe(true)
    expect(isDisposableEmail('x@notmailinator.com', listed)).toBe(false)
    expect(isDisposableEmail('x@gmail.com', listed, policy.disposableDomains)).toBe(false)
    expect(isDisposableEmail('x@tempmail.com', listed, policy.disposableDomains)).toBe(true)
    expect(isDisposableEmail(null, listed)).toBe(false)
  })

  it('walks up to the registrable parents, never to the top level alone', () => {
    expect(domainAndParents('a@x.y.walla.co.il')).toEqual(['x.y.walla.co.il', 'y.walla.co.il', 'walla.co.il', 'co.il'])
    expect(domainAndParents('a@gmail.com')).toEqual(['gmail.com'])
    expect(domainAndParents('no-at-sign')).toEqual([])
  })
})

describe('who may be credited with a friend', () => {
  const referrer: ReferralParty = { uid: 'a', email: 'dana@gmail.com', referredBy: null }
  const friend: ReferralParty = { uid: 'b', email: 'yossi@walla.co.il', referredBy: null }

  it('credits a genuine friend', () => {
    expect(attributionRefusal(referrer, friend, policy)).toBeNull()
  })
  it('refuses self-referral by uid and by normalised e-mail', () => {
    expect(attributionRefusal(referrer, { ...friend, uid: 'a' }, policy)).toBe('self')
    expect(attributionRefusal(referrer, { ...friend, email: 'D.A.N.A+2@gmail.com' }, policy)).toBe('same-email')
  })
  it('keeps one referrer per member, ever', () => {
    expect(attributionRefusal(referrer, { ...friend, referredBy: 'c' }, policy)).toBe('already-referred')
  })
  it('refuses a cycle: the friend brought the referrer in', () => {
    expect(attributionRefusal({ ...referrer, referredBy: 'b' }, friend, policy)).toBe('cycle')
  })
  it('refuses everything when the club has referrals off', () => {
    expect(attributionRefusal(referrer, friend, { enabled: false })).toBe('disabled')
  })
})

describe('what qualifies a friend', () => {
  const real = { amountShekels: 50, points: 50, scanned: true, offline: false, status: 'recorded' as const }

  it('is a scanned, online, recorded purchase of at least the minimum that earns points', () => {
    expect(purchaseNotQualifying(real, policy)).toBeNull()
    expect(purchaseNotQualifying({ ...real, amountShekels: 49.99 }, policy)).toBe('below-minimum')
    expect(purchaseNotQualifying({ ...real, scanned: false }, policy)).toBe('typed-number')
    expect(purchaseNotQualifying({ ...real, offline: true }, policy)).toBe('offline')
    expect(purchaseNotQualifying({ ...real, status: 'pending' }, policy)).toBe('pending')
    expect(purchaseNotQualifying({ ...real, points: 0 }, policy)).toBe('no-points')
  })
})

describe('when both sides are paid', () => {
  it('pays for a real friend under the monthly cap', () => {
    expect(payoutRefusal(false, 0, policy)).toBeNull()
    expect(payoutRefusal(false, policy.monthlyCap - 1, policy)).toBeNull()
  })
  it('refuses at the cap and for throwaway addresses', () => {
    expect(payoutRefusal(false, policy.monthlyCap, policy)).toBe('monthly-cap')
    expect(payoutRefusal(true, 0, policy)).toBe('disposable-email')
  })

  it('holds the 4th friend qualifying within the hour, and counts only the window', () => {
    const now = Date.parse('2026-11-26T12:00:00Z')
    const minutesAgo = (m: number) => now - m * 60_000
    expect(velocityCheck([minutesAgo(50), minutesAgo(30)], now, policy).hold).toBe(false)
    const fourth = velocityCheck([minutesAgo(50), minutesAgo(30), minutesAgo(1)], now, policy)
    expect(fourth.hold).toBe(true)
    const later = velocityCheck([minutesAgo(61), minutesAgo(70), minutesAgo(90)], now, policy)
    expect(later).toEqual({ hold: false, recent: [now] })
  })

  it('never stretches a lent tier that is still running', () => {
    const offered = { tierId: 'gold', until: '2027-01-26' }
    expect(lentTierAfterReward(null, offered, '2026-12-26')).toEqual(offered)
    expect(lentTierAfterReward({ tierId: 'gold', until: '2026-12-30' }, offered, '2026-12-26')).toBeNull()
    expect(lentTierAfterReward({ tierId: 'gold', until: '2026-12-25' }, offered, '2026-12-26')).toEqual(offered)
    expect(lentTierAfterReward(null, null, '2026-12-26')).toBeNull()
  })
})
