// Plans as a member would try to cheat them: writing their own plan, reading payments, buying a
// retired plan, odd prices and tokens, and another member's request id. Each refusal with its
// code, and nothing changed.
import { doc, getDoc, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChoosePlanResult } from '../../../src/domain/members/plans-schema'
import { COLLECTIONS, idOf, paths } from '../../../src/domain/shared/paths'
import { demoPlans } from '../../../scripts/demo-club'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, memberDoc, requestId, type Client } from '../support/club'
import { firestoreOf } from '../support/community'
import { admin, clearEmulators, closeAdmin, failureCode, newClient } from '../support/emulators'

const plus = demoPlans.find((plan) => plan.priceAgorot > 0)!
let member: Client & { memberNo: string; uid: string }

const choose = (who: Client, input: unknown) => who.call<unknown, ChoosePlanResult>('choosePlan', input)
const paymentDocs = async () => (await admin().db.collection(COLLECTIONS.payments).get()).docs.map((d) => ({ id: d.id, ...d.data() }))
const chargeDocs = async () => (await admin().db.collection(COLLECTIONS.testPayments).get()).docs.map((d) => ({ id: d.id, ...d.data() }))

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  await admin().db.doc(paths.plan('retired')).set({ ...plus, id: 'retired', active: false })
  member = await joinedMember('Scheming Member')
})

afterAll(async () => {
  await closeAdmin()
})

describe('plans against the attacker', () => {
  it('a member cannot write their own plan, nor read payments or a retired plan; active plans are readable', async () => {
    const db = firestoreOf(member)
    const ref = doc(db, paths.member(member.uid))
    const before = await memberDoc(member.uid)
    const plan = { id: plus.id, since: '2026-01-01', expiresOn: '2099-12-31', paidRef: 'forged', earnMultiplier: 3 }
    expect(await failureCode(updateDoc(ref, { plan }))).toBe('permission-denied')
    expect(await failureCode(updateDoc(ref, { planCheckOn: null }))).toBe('permission-denied')
    expect(await failureCode(updateDoc(ref, { 'plan.expiresOn': '2099-12-31' }))).toBe('permission-denied')
    expect(await failureCode(setDoc(doc(db, paths.payment(member.uid, 'req-forged-1')), { uid: member.uid, status: 'succeeded' }))).toBe('permission-denied')
    expect(await failureCode(getDoc(doc(db, paths.payment(member.uid, 'req-forged-1'))))).toBe('permission-denied')
    expect(await failureCode(getDoc(doc(db, paths.testPayment('x'))))).toBe('permission-denied')
    expect(await failureCode(getDoc(doc(db, paths.plan('retired'))))).toBe('permission-denied')
    expect(await failureCode(setDoc(doc(db, paths.plan('mine')), { ...plus, id: 'mine', priceAgorot: 0 }))).toBe('permission-denied')
    expect((await getDoc(doc(db, paths.plan(plus.id)))).get('priceAgorot')).toBe(plus.priceAgorot)
    expect(await memberDoc(member.uid)).toEqual(before)
  })

  it('refuses retired and unknown plans, odd input and strangers, charging nothing', async () => {
    const before = await memberDoc(member.uid)
    expect(await failure(choose(member, { planId: 'retired', requestId: requestId(), paymentToken: 'test-ok' }))).toEqual({ code: 'not-found', reason: 'unknown-plan' })
    expect(await failure(choose(member, { planId: 'no-such-plan', requestId: requestId(), paymentToken: 'test-ok' }))).toEqual({ code: 'not-found', reason: 'unknown-plan' })
    for (const input of [
      { planId: plus.id, requestId: requestId(), paymentToken: 'test-ok', priceAgorot: 1e-9 },
      { planId: plus.id, requestId: requestId(), paymentToken: 'test-ok', amountAgorot: 1 },
      { planId: plus.id, requestId: 'short', paymentToken: 'test-ok' },
      { planId: '../plans/club', requestId: requestId(), paymentToken: 'test-ok' },
      { planId: plus.id, requestId: requestId(), paymentToken: { token: 'test-ok' } },
      { planId: plus.id, requestId: requestId(), paymentToken: 'test ok<script>' },
      { planId: 1e-9, requestId: requestId() },
    ]) {
      expect((await failure(choose(member, input))).code, JSON.stringify(input)).toBe('invalid-argument')
    }
    const anonymous = await newClient({ signUp: false })
    expect((await failure(choose(anonymous, { planId: plus.id, requestId: requestId(), paymentToken: 'test-ok' }))).code).toBe('unauthenticated')
    expect(await memberDoc(member.uid)).toEqual(before)
    expect(await paymentDocs()).toEqual([])
    expect(await chargeDocs()).toEqual([])
  })

  it('another member’s request id buys nothing of theirs, and one request id cannot change plans', async () => {
    const victim = await joinedMember('Paying Member')
    const shared = requestId()
    const paid = await choose(victim, { planId: plus.id, requestId: shared, paymentToken: 'test-ok' })
    const victimPayment = (await admin().db.doc(paths.payment(victim.uid, shared)).get()).data()

    // The same request id from another account is that account's own request: charged to it, not a replay of the victim's.
    const own = await choose(member, { planId: plus.id, requestId: shared, paymentToken: 'test-declined' }).catch((e: unknown) => e)
    expect(own).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'payment-declined' } })
    expect((await memberDoc(member.uid)).plan).toBeUndefined()
    expect((await admin().db.doc(paths.payment(victim.uid, shared)).get()).data()).toEqual(victimPayment)
    expect((await memberDoc(victim.uid)).plan).toMatchObject({ id: plus.id, expiresOn: paid.expiresOn })

    const before = await memberDoc(victim.uid)
    expect(await failure(choose(victim, { planId: 'club', requestId: shared }))).toEqual({ code: 'invalid-argument', reason: 'request-reused' })
    expect(await memberDoc(victim.uid)).toEqual(before)
    expect((await chargeDocs()).map((charge) => charge.id)).toEqual([idOf(victim.uid, shared)])
  })
})
