// Plans under the rules: signed-in members read the active plans (the plans screen's query), not a
// retired one, and nobody signed out; no client writes a plan, the member's own `plan`, a payment
// record or a test charge, which only the functions write.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { collection, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { demoPlans } from '../../scripts/demo-club'
import { rulesTestEnvironment } from './support/rules'

const PROJECT_ID = 'demo-moadon-rules-plans'
let env: RulesTestEnvironment
const plus = demoPlans.find((plan) => plan.priceAgorot > 0)!

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

afterAll(async () => {
  await env.cleanup()
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore()
    await setDoc(doc(db, paths.plan(plus.id)), plus)
    await setDoc(doc(db, paths.plan('retired')), { ...plus, id: 'retired', active: false })
    await setDoc(doc(db, paths.member('alice')), { name: 'Alice', balance: 0 })
    await setDoc(doc(db, paths.payment('alice', 'req-12345678')), { uid: 'alice', status: 'succeeded' })
  })
})

const member = () => env.authenticatedContext('alice').firestore()
const operator = () => env.authenticatedContext('op', { role: 'admin' }).firestore()
const stranger = () => env.unauthenticatedContext().firestore()

describe('plans', () => {
  it('lets a signed-in member read the active plans, one by one and by the screen’s query', async () => {
    expect((await assertSucceeds(getDoc(doc(member(), paths.plan(plus.id))))).get('priceAgorot')).toBe(plus.priceAgorot)
    const listed = await assertSucceeds(getDocs(query(collection(member(), COLLECTIONS.plans), where('active', '==', true))))
    expect(listed.docs.map((d) => d.id)).toEqual([plus.id])
  })

  it('denies a retired plan, a query that could return one, and anyone signed out', async () => {
    await assertFails(getDoc(doc(member(), paths.plan('retired'))))
    await assertFails(getDocs(collection(member(), COLLECTIONS.plans)))
    await assertFails(getDoc(doc(stranger(), paths.plan(plus.id))))
  })

  it('denies every client writing plans, the member’s plan, payments and test charges', async () => {
    for (const db of [member(), operator()]) {
      await assertFails(setDoc(doc(db, paths.plan('free-forever')), { ...plus, id: 'free-forever', priceAgorot: 0 }))
      await assertFails(updateDoc(doc(db, paths.plan(plus.id)), { priceAgorot: 1 }))
      await assertFails(getDoc(doc(db, paths.payment('alice', 'req-12345678'))))
      await assertFails(setDoc(doc(db, paths.payment('alice', 'req-87654321')), { uid: 'alice', status: 'succeeded' }))
      await assertFails(setDoc(doc(db, paths.testPayment('x')), { uid: 'alice' }))
    }
    await assertFails(updateDoc(doc(member(), paths.member('alice')), { plan: { id: plus.id, expiresOn: '2099-12-31' } }))
    await assertFails(updateDoc(doc(member(), paths.member('alice')), { planCheckOn: null }))
  })
})
