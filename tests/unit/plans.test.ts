import { describe, expect, it } from 'vitest'
import {
  currentPlan,
  dueReminder,
  fallbackPlan,
  freePlanOf,
  nextPlanCheckOn,
  planEarnMultiplier,
  planStatus,
  reminderDates,
  termFor,
} from '@/domain/members/plans'
import { ChoosePlanInputSchema, PlanSchema, type MemberPlan, type Plan } from '@/domain/members/plans-schema'
import { MessageTemplateSchema, messageTextOf, templateTextProblem } from '@/domain/messages/templates'
import { storedMessageText } from '@/domain/messages/message-text'
import { demoPlans } from '../../scripts/demo-club'

const free = demoPlans.find((plan) => plan.priceAgorot === 0)!
const plus = demoPlans.find((plan) => plan.priceAgorot > 0)!
const onPlus = (expiresOn: string, since = '2025-12-21'): MemberPlan => ({ id: plus.id, since, expiresOn, paidRef: 'test_1', earnMultiplier: 1.5 })

describe('a plan’s schema', () => {
  it('accepts the demo plans and refuses prices that are not whole agorot', () => {
    for (const plan of demoPlans) expect(PlanSchema.safeParse(plan).success, plan.id).toBe(true)
    for (const priceAgorot of [1e-9, -100, 99.5, Number.NaN, 10_000_001, '9900']) {
      expect(PlanSchema.safeParse({ ...plus, priceAgorot }).success, String(priceAgorot)).toBe(false)
    }
  })

  it('keeps the multiplier between 1 and 3, and a free plan unlimited at the usual rate', () => {
    expect(PlanSchema.safeParse({ ...plus, earnMultiplier: 3.5 }).success).toBe(false)
    expect(PlanSchema.safeParse({ ...plus, earnMultiplier: 0.5 }).success).toBe(false)
    expect(PlanSchema.safeParse({ ...free, term: { kind: 'year' } }).success).toBe(false)
    expect(PlanSchema.safeParse({ ...free, earnMultiplier: 2 }).success).toBe(false)
    expect(PlanSchema.safeParse({ ...plus, term: { kind: 'month' } }).success).toBe(false)
  })

  it('takes a choice with a request id, and a token only of plain characters', () => {
    expect(ChoosePlanInputSchema.safeParse({ planId: 'club-plus', requestId: 'req-12345678', paymentToken: 'test-ok' }).success).toBe(true)
    expect(ChoosePlanInputSchema.safeParse({ planId: 'club-plus', requestId: 'short' }).success).toBe(false)
    expect(ChoosePlanInputSchema.safeParse({ planId: '../x', requestId: 'req-12345678' }).success).toBe(false)
    expect(ChoosePlanInputSchema.safeParse({ planId: 'club', requestId: 'req-12345678', paymentToken: 'a b' }).success).toBe(false)
    expect(ChoosePlanInputSchema.safeParse({ planId: 'club', requestId: 'req-12345678', priceAgorot: 0 }).success).toBe(false)
  })
})

describe('status, reminders and fallback', () => {
  it('is active, expiring soon within 30 days, and expired the day after its last day', () => {
    expect(planStatus({ expiresOn: null }, '2026-11-27')).toBe('active')
    expect(planStatus({ expiresOn: '2027-01-10' }, '2026-11-27')).toBe('active')
    expect(planStatus({ expiresOn: '2026-12-27' }, '2026-11-27')).toBe('expiring-soon')
    expect(planStatus({ expiresOn: '2026-11-27' }, '2026-11-27')).toBe('expiring-soon')
    expect(planStatus({ expiresOn: '2026-11-26' }, '2026-11-27')).toBe('expired')
  })

  it('reminds 30 and 7 days before, the nearest due one only, and never after the end', () => {
    expect(reminderDates('2026-12-31')).toEqual([
      { offset: 30, on: '2026-12-01' },
      { offset: 7, on: '2026-12-24' },
    ])
    expect(dueReminder('2026-12-31', '2026-11-30')).toBeNull()
    expect(dueReminder('2026-12-31', '2026-12-01')).toBe(30)
    expect(dueReminder('2026-12-31', '2026-12-20')).toBe(30)
    expect(dueReminder('2026-12-31', '2026-12-24')).toBe(7)
    expect(dueReminder('2026-12-31', '2026-12-31')).toBe(7)
    expect(dueReminder('2026-12-31', '2027-01-01')).toBeNull()
  })

  it('looks again at the next reminder, then the day after the end, across a year end and 29 February', () => {
    expect(nextPlanCheckOn(onPlus('2027-01-05'), '2026-11-01')).toBe('2026-12-06')
    expect(nextPlanCheckOn(onPlus('2027-01-05'), '2026-12-06')).toBe('2026-12-29')
    expect(nextPlanCheckOn(onPlus('2027-01-05'), '2026-12-29')).toBe('2027-01-06')
    expect(nextPlanCheckOn(onPlus('2028-02-29'), '2028-02-22')).toBe('2028-03-01')
    expect(nextPlanCheckOn({ expiresOn: null }, '2026-11-01')).toBeNull()
    expect(nextPlanCheckOn(null, '2026-11-01')).toBeNull()
  })

  it('falls back to the first active free plan, or to none when the club has none', () => {
    const otherFree: Plan = { ...free, id: 'basic', order: 5 }
    expect(freePlanOf([plus, otherFree, free])?.id).toBe(free.id)
    expect(freePlanOf([plus, { ...free, active: false }])).toBeNull()
    expect(fallbackPlan(demoPlans, '2026-11-27')).toEqual({ id: free.id, since: '2026-11-27', expiresOn: null, paidRef: null, earnMultiplier: 1 })
    expect(fallbackPlan([plus], '2026-11-27')).toBeNull()
  })

  it('shows the member’s own plan while it runs, the free plan once it has ended or is unknown', () => {
    expect(currentPlan(onPlus('2026-12-10'), demoPlans, '2026-12-10').plan?.id).toBe(plus.id)
    expect(currentPlan(onPlus('2026-12-10'), demoPlans, '2026-12-11')).toEqual({ plan: free, membership: null })
    expect(currentPlan({ ...onPlus('2026-12-10'), id: 'gone' }, demoPlans, '2026-12-01').plan?.id).toBe(free.id)
    expect(currentPlan(null, demoPlans, '2026-12-01').plan?.id).toBe(free.id)
  })

  it('multiplies purchase points only while the plan runs', () => {
    expect(planEarnMultiplier(onPlus('2026-12-10'), '2026-12-10')).toBe(1.5)
    expect(planEarnMultiplier(onPlus('2026-12-10'), '2026-12-11')).toBe(1)
    expect(planEarnMultiplier(undefined, '2026-12-11')).toBe(1)
    expect(planEarnMultiplier({ id: 'x', earnMultiplier: 50 }, '2026-12-11')).toBe(1)
  })

  it('buys a year from today, renews from the current end, and starts afresh after it ended', () => {
    expect(termFor(plus, null, '2026-11-27')).toEqual({ since: '2026-11-27', expiresOn: '2027-11-26' })
    expect(termFor(plus, onPlus('2026-12-10'), '2026-11-27')).toEqual({ since: '2025-12-21', expiresOn: '2027-12-10' })
    expect(termFor(plus, onPlus('2026-11-20'), '2026-11-27')).toEqual({ since: '2026-11-27', expiresOn: '2027-11-26' })
    expect(termFor(plus, onPlus('2028-02-29'), '2028-02-01')).toEqual({ since: '2025-12-21', expiresOn: '2029-02-28' })
    expect(termFor(free, onPlus('2026-12-10'), '2026-11-27')).toEqual({ since: '2026-11-27', expiresOn: null })
  })
})

describe('message templates', () => {
  const template = { id: 'tier-up', title: { he: 'הדרגה החדשה: {tier}', en: 'Welcome to {tier}' }, active: true }

  it('takes only the kind’s own placeholders, clean single-line text and known kinds', () => {
    expect(MessageTemplateSchema.safeParse(template).success).toBe(true)
    expect(templateTextProblem('You have {points}', 'tier-up', 80)).toMatch(/\{tier\}/)
    expect(templateTextProblem('Happy {birthday}', 'club-news', 80)).toMatch(/no placeholders/)
    expect(templateTextProblem('Hi\u202E there', 'club-news', 80)).not.toBeNull()
    expect(templateTextProblem('one | two', 'club-news', 80)).not.toBeNull()
    expect(templateTextProblem('a { b', 'club-news', 80)).not.toBeNull()
    expect(templateTextProblem('x'.repeat(81), 'club-news', 80)).toMatch(/80/)
    expect(MessageTemplateSchema.safeParse({ ...template, id: 'no-such-kind' }).success).toBe(false)
  })

  it('copies only an active template of the same kind into a message, and reads stored text defensively', () => {
    expect(messageTextOf(template, 'tier-up')).toEqual({ title: template.title })
    expect(messageTextOf({ ...template, active: false }, 'tier-up')).toBeNull()
    expect(messageTextOf(template, 'birthday')).toBeNull()
    expect(messageTextOf(undefined, 'tier-up')).toBeNull()
    expect(storedMessageText({ title: { he: 'א', en: 'a' }, body: { he: 1 } })).toEqual({ title: { he: 'א', en: 'a' } })
    expect(storedMessageText('text')).toBeNull()
  })
})
