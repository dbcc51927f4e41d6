import { describe, expect, it } from 'vitest'
import { hubRules, lockItem, profileItem, ruleItem, sortEarnItems, type EarnItem } from '@/domain/earn/hub'
import type { RuleUsage } from '@/domain/points/earning'

const TODAY = '2026-11-27'
const once = { id: 'follow-social', points: 15, once: true, perDay: null, perMonth: null }
const monthly = { id: 'share-referral', points: 10, once: false, perDay: null, perMonth: 3 }
const daily = { id: 'eco-cup', points: 5, once: false, perDay: 1, perMonth: null }
const usage = (over: Partial<RuleUsage>): RuleUsage => ({ day: TODAY, dayCount: 1, month: '2026-11', monthCount: 1, total: 1, ...over })

describe('an earning rule on the hub', () => {
  it('is available until a once-only rule is used, then done for good', () => {
    expect(ruleItem(once, null, TODAY)).toMatchObject({ status: 'available', resets: null })
    expect(ruleItem(once, usage({ day: '2025-01-01', month: '2025-01' }), TODAY)).toMatchObject({ status: 'done', resets: null })
  })

  it('counts this month toward a monthly cap: in progress, then done until next month', () => {
    expect(ruleItem(monthly, null, TODAY)).toMatchObject({ status: 'available', progress: { done: 0, goal: 3 } })
    expect(ruleItem(monthly, usage({ monthCount: 2 }), TODAY)).toMatchObject({ status: 'in-progress', progress: { done: 2, goal: 3 } })
    expect(ruleItem(monthly, usage({ monthCount: 3 }), TODAY)).toMatchObject({ status: 'done', resets: 'month' })
  })

  it('starts afresh in a new month and a new day', () => {
    expect(ruleItem(monthly, usage({ month: '2026-10', monthCount: 3, day: '2026-10-31' }), TODAY)).toMatchObject({
      status: 'available',
      progress: { done: 0, goal: 3 },
    })
    expect(ruleItem(daily, usage({ day: '2026-11-26' }), TODAY)).toMatchObject({ status: 'available' })
    expect(ruleItem(daily, usage({}), TODAY)).toMatchObject({ status: 'done', resets: 'day' })
  })

  it('shows the profile in progress while some of its parts are filled', () => {
    const profile = ruleItem({ id: 'profile-complete', points: 40, once: true, perDay: null, perMonth: null }, null, TODAY)
    expect(profileItem(profile, 3, 3)).toMatchObject({ status: 'available', progress: { done: 0, goal: 3 } })
    expect(profileItem(profile, 3, 1)).toMatchObject({ status: 'in-progress', progress: { done: 2, goal: 3 } })
    const paid = ruleItem({ id: 'profile-complete', points: 40, once: true, perDay: null, perMonth: null }, usage({}), TODAY)
    expect(profileItem(paid, 3, 2)).toMatchObject({ status: 'done' })
  })

  it('locks what is not done, never what is', () => {
    expect(lockItem(ruleItem(monthly, null, TODAY), 'visit')).toMatchObject({ status: 'locked', lockedBy: 'visit' })
    expect(lockItem(ruleItem(once, usage({}), TODAY), 'visit')).toMatchObject({ status: 'done', lockedBy: null })
  })
})

describe('the order of the hub', () => {
  const item = (id: string, status: EarnItem['status'], points = 10, progress: EarnItem['progress'] = null): EarnItem => ({
    id,
    points,
    status,
    progress,
    resets: null,
    lockedBy: null,
  })

  it('puts what is under way first, nearest to done first, then available (richest first), locked, done', () => {
    const sorted = sortEarnItems([
      item('done', 'done', 100),
      item('locked', 'locked', 50),
      item('small', 'available', 5),
      item('half', 'in-progress', 10, { done: 1, goal: 2 }),
      item('big', 'available', 40),
      item('almost', 'in-progress', 10, { done: 2, goal: 3 }),
    ])
    expect(sorted.map((i) => i.id)).toEqual(['almost', 'half', 'big', 'small', 'locked', 'done'])
  })

  it('keeps the configuration order for ties', () => {
    expect(sortEarnItems([item('a', 'available'), item('b', 'available'), item('c', 'available')]).map((i) => i.id)).toEqual(['a', 'b', 'c'])
  })
})

describe('the rules the hub lists', () => {
  it('leaves out review and survey rules, which their own sections pay, and keeps the order of the rest', () => {
    const stale = [once, { id: 'review', points: 20 }, monthly, { id: 'survey', points: 30 }, daily]
    expect(hubRules(stale).map((r) => r.id)).toEqual(['follow-social', 'share-referral', 'eco-cup'])
    expect(hubRules([once, monthly, daily])).toEqual([once, monthly, daily])
  })
})
