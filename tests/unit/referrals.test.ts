import { describe, expect, it } from 'vitest'
import {
  attributionRefusal,
  isDisposableEmail,
  ladderStepFor,
  nextLadderGoal,
  normalizeEmail,
  payoutRefusal,
  type ReferralParty,
} from '@/domain/referrals'
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

  it('recognises disposable domains and their subdomains', () => {
    expect(isDisposableEmail('x@mailinator.com', policy.disposableDomains)).toBe(true)
    expect(isDisposableEmail('x@eu.mailinator.com', policy.disposableDomains)).toBe(true)
    expect(isDisposableEmail('x@notmailinator.com', policy.disposableDomains)).toBe(false)
    expect(isDisposableEmail('x@gmail.com', policy.disposableDomains)).toBe(false)
    expect(isDisposableEmail(null, policy.disposableDomains)).toBe(false)
  })
})

describe('who may be credited with a friend', () => {
  const referrer: ReferralParty = { uid: 'a', email: 'dana@gmail.com', phone: '+972-50-1234567', referredBy: null }
  const friend: ReferralParty = { uid: 'b', email: 'yossi@walla.co.il', phone: null, referredBy: null }

  it('credits a genuine friend', () => {
    expect(attributionRefusal(referrer, friend, policy)).toBeNull()
  })
  it('refuses self-referral by uid, by normalised e-mail and by phone', () => {
    expect(attributionRefusal(referrer, { ...friend, uid: 'a' }, policy)).toBe('self')
    expect(attributionRefusal(referrer, { ...friend, email: 'D.A.N.A+2@gmail.com' }, policy)).toBe('same-email')
    expect(attributionRefusal(referrer, { ...friend, phone: '+972501234567' }, policy)).toBe('same-phone')
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

describe('when the referrer is paid', () => {
  it('pays for a real friend under the monthly cap', () => {
    expect(payoutRefusal('yossi@walla.co.il', 0, policy)).toBeNull()
    expect(payoutRefusal('yossi@walla.co.il', policy.monthlyCap - 1, policy)).toBeNull()
  })
  it('refuses at the cap and for throwaway addresses', () => {
    expect(payoutRefusal('yossi@walla.co.il', policy.monthlyCap, policy)).toBe('monthly-cap')
    expect(payoutRefusal('bot@yopmail.com', 0, policy)).toBe('disposable-email')
  })
})
