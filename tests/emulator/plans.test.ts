// Plans and terms: choosePlan through the test payment provider (idempotent under retries and
// parallel calls, a declined card changes nothing), the plan's multiplier at the till, and the
// nightly job's reminder and fallback to the free plan, which leaves points and ledger alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PurchaseResult } from '../../src/domain/contracts/callable-results'
import type { ChoosePlanInput, ChoosePlanResult } from '../../src/domain/members/plans-schema'
import { addDays, localDate } from '../../src/domain/shared/calendar'
import { COLLECTIONS, paths } from '../../src/domain/shared/paths'
import { purchasePoints } from '../../src/domain/points/earning'
import { termFor } from '../../src/domain/members/plans'
import { runMaintenance } from '../../functions/src/maintenance/run'
import { planReminderKey } from '../../functions/src/members/plans/plan-maintenance'
import { dispatchMessage, messageIdOf } from '../../functions/src/messages/dispatch'
import { demoConfig, demoPartners, demoPlans } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, scanned, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'
import { configFailure, publishDraft, saveDraft } from './support/admin-config'

const plus = demoPlans.find((plan) => plan.priceAgorot > 0)!
const free = demoPlans.find((plan) => plan.priceAgorot === 0)!
const today = () => localDate(new Date(), demoConfig.timeZone)
const choose = (member: Client, input: ChoosePlanInput) => member.call<ChoosePlanInput, ChoosePlanResult>('choosePlan', input)

async function charges(uid: string) {
  return (await admin().db.collection(COLLECTIONS.testPayments).where('uid', '==', uid).get()).docs.map((doc) => doc.data())
}
async function payments(uid: string) {
  return (await admin().db.collection(COLLECTIONS.payments).where('uid', '==', uid).get()).docs.map((doc) => doc.data())
}
const ledgerSum = async (uid: string) => (await ledgerDocs(uid)).reduce((sum, entry) => sum + Number(entry.points), 0)

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

describe('choosePlan', () => {
  it('charges a paid plan once under retries and ten parallel calls with one request id, and renews from the end', async () => {
    const member = await joinedMember('Plus Member')
    const first = requestId()
    const bought = await choose(member, { planId: plus.id, requestId: first, paymentToken: 'test-ok' })
    expect(bought).toMatchObject({ planId: plus.id, since: today(), chargedAgorot: plus.priceAgorot, replayed: false })
    expect(bought.expiresOn).toBe(termFor(plus, null, today()).expiresOn)
    // A retry after a lost answer: the same answer, no second charge.
    expect(await choose(member, { planId: plus.id, requestId: first, paymentToken: 'test-ok' })).toEqual({ ...bought, replayed: true })
    expect(await charges(member.uid)).toHaveLength(1)

    const renewal = requestId()
    const answers = await Promise.all(Array.from({ length: 10 }, () => choose(member, { planId: plus.id, requestId: renewal, paymentToken: 'test-ok' })))
    const renewedTo = termFor(plus, { id: plus.id, since: today(), expiresOn: bought.expiresOn, paidRef: 'x', earnMultiplier: 1.5 }, today()).expiresOn!
    expect(renewedTo > bought.expiresOn!).toBe(true)
    for (const answer of answers) expect(answer).toMatchObject({ planId: plus.id, since: today(), expiresOn: renewedTo })
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1)
    expect(await charges(member.uid)).toHaveLength(2)
    expect(await payments(member.uid)).toHaveLength(2)
    const doc = await memberDoc(member.uid)
    expect(doc.plan).toMatchObject({ id: plus.id, since: today(), expiresOn: renewedTo, earnMultiplier: plus.earnMultiplier })
    expect(doc.planCheckOn).toBe(addDays(renewedTo, -30))
  }, 60_000)

  it('refuses a declined card, and a paid plan without a card, changing nothing', async () => {
    const member = await joinedMember('Declined Member')
    const before = await memberDoc(member.uid)
    expect(await failure(choose(member, { planId: plus.id, requestId: requestId(), paymentToken: 'test-declined' }))).toEqual({
      code: 'failed-precondition',
      reason: 'payment-declined',
    })
    expect(await failure(choose(member, { planId: plus.id, requestId: requestId() }))).toEqual({ code: 'invalid-argument', reason: 'payment-required' })
    expect(await failure(choose(member, { planId: plus.id, requestId: requestId(), paymentToken: 'tok_live_123' }))).toEqual({
      code: 'failed-precondition',
      reason: 'payment-invalid',
    })
    expect(await memberDoc(member.uid)).toEqual(before)
    expect(await charges(member.uid)).toEqual([])
    expect(await payments(member.uid)).toEqual([])
  })

  it('moves to the free plan without a payment, and keeps a running paid plan from being thrown away', async () => {
    const member = await joinedMember('Free Member')
    expect(await choose(member, { planId: free.id, requestId: requestId() })).toMatchObject({ planId: free.id, expiresOn: null, chargedAgorot: 0 })
    expect((await memberDoc(member.uid)).plan).toEqual({ id: free.id, since: today(), expiresOn: null, paidRef: null, earnMultiplier: 1 })
    await choose(member, { planId: plus.id, requestId: requestId(), paymentToken: 'test-ok' })
    const before = await memberDoc(member.uid)
    expect(await failure(choose(member, { planId: free.id, requestId: requestId() }))).toEqual({ code: 'failed-precondition', reason: 'plan-running' })
    expect(await memberDoc(member.uid)).toEqual(before)
  })

  it('earns the plan’s multiplier on purchases while it runs', async () => {
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    const [onPlus, onFree] = await Promise.all([joinedMember('Multiplied Member'), joinedMember('Plain Member')])
    await choose(onPlus, { planId: plus.id, requestId: requestId(), paymentToken: 'test-ok' })
    const record = async (member: typeof onPlus) => (await staff.call<object, PurchaseResult>('recordPurchase', await scanned(member, 100))).points
    const partner = demoPartners.find((p) => p.id === 'cafe-shachar')!
    const silver = demoConfig.tiers[0]!
    expect(await record(onFree)).toBe(purchasePoints(100, demoConfig, silver, partner.earnMultiplier))
    expect(await record(onPlus)).toBe(purchasePoints(100, demoConfig, silver, partner.earnMultiplier * plus.earnMultiplier))
  })
})

describe('the nightly plan step', () => {
  it('reminds once per term and offset, then falls back to the free plan keeping points, tier and ledger', async () => {
    const member = await joinedMember('Lapsing Member')
    const db = admin().db
    const endsOn = addDays(today(), 5)
    await db.doc(paths.member(member.uid)).update({
      plan: { id: plus.id, since: addDays(endsOn, -364), expiresOn: endsOn, paidRef: 'test_x', earnMultiplier: plus.earnMultiplier },
      planCheckOn: addDays(endsOn, -30),
    })
    await runMaintenance(db, demoConfig, new Date())
    await runMaintenance(db, demoConfig, new Date())
    const inbox = (await db.collection(paths.inbox(member.uid)).where('kind', '==', 'plan-expiring').get()).docs
    expect(inbox.map((doc) => doc.id)).toEqual([messageIdOf('plan-expiring', planReminderKey(plus.id, endsOn, 7))])
    expect(inbox[0]!.get('link')).toBe('/plans')
    expect((await memberDoc(member.uid)).planCheckOn).toBe(addDays(endsOn, 1))

    // The plan ended yesterday: the next run falls back, and a rerun changes nothing more.
    await db.doc(paths.member(member.uid)).update({ 'plan.expiresOn': addDays(today(), -1), planCheckOn: today() })
    const before = await memberDoc(member.uid)
    const entriesBefore = await ledgerDocs(member.uid)
    const first = await runMaintenance(db, demoConfig, new Date())
    expect(first.planFallbacks).toBeGreaterThanOrEqual(1)
    const after = await memberDoc(member.uid)
    expect(after.plan).toEqual({ id: free.id, since: today(), expiresOn: null, paidRef: null, earnMultiplier: 1 })
    expect(after.planCheckOn).toBeNull()
    const points = (doc: typeof after) => ({ balance: doc.balance, tierId: doc.tierId, expiryBuckets: doc.expiryBuckets, lifetimePoints: doc.lifetimePoints })
    expect(points(after)).toEqual(points(before))
    expect(await ledgerDocs(member.uid)).toEqual(entriesBefore)
    expect(await ledgerSum(member.uid)).toBe(after.balance)

    await runMaintenance(db, demoConfig, new Date())
    expect(await memberDoc(member.uid)).toEqual(after)
  })
})

describe('the club’s own words for a message', () => {
  it('are published from the console, checked for placeholders, and copied cleaned into the next message', async () => {
    const operator = await roleClient({ role: 'admin' })
    const template = { id: 'plan-expiring', body: { he: 'חידוש עד {date} שומר על ההטבות', en: 'Renew by {date} to keep your benefits' }, active: true }
    const wrong = { ...template, body: { ...template.body, en: 'You have {points} points' } }
    expect(await configFailure(saveDraft(operator, { kind: 'messageTemplate', id: 'plan-expiring', data: wrong }))).toMatchObject({
      code: 'invalid-argument',
      issues: [{ path: 'body.en', message: expect.stringContaining('{date}') }],
    })
    await saveDraft(operator, { kind: 'messageTemplate', id: 'plan-expiring', data: template })
    await publishDraft(operator, { kind: 'messageTemplate', id: 'plan-expiring' })

    const member = await joinedMember('Worded Member')
    const params = { planId: plus.id, expiresOn: addDays(today(), 6), days: 7 }
    await dispatchMessage(admin().db, { uid: member.uid, kind: 'plan-expiring', params, dedupeKey: 'worded-1' })
    const message = await admin().db.doc(paths.inboxMessage(member.uid, messageIdOf('plan-expiring', 'worded-1'))).get()
    expect(message.get('text')).toEqual({ body: template.body })
    expect(message.get('params')).toEqual(params)

    // A template written past the console with a hidden direction mark is not copied at all.
    await admin().db.doc(paths.messageTemplate('plan-expiring')).set({ ...template, body: { ...template.body, en: 'Renew\u202E by {date}' } })
    await dispatchMessage(admin().db, { uid: member.uid, kind: 'plan-expiring', params, dedupeKey: 'worded-2' })
    expect((await admin().db.doc(paths.inboxMessage(member.uid, messageIdOf('plan-expiring', 'worded-2'))).get()).get('text')).toBeUndefined()
  })
})

