import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { collection, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches another test file's data.
const PROJECT_ID = 'demo-moadon-rules-reports'
let env: RulesTestEnvironment

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.reportSummary()), { members: { total: 2 } })
    await setDoc(doc(db, paths.reportState()), { folded: 10 })
    await setDoc(doc(db, paths.reportMonth('2026-05')), { month: '2026-05', club: { issued: 100 } })
    await setDoc(doc(db, paths.reportActivity('alice')), { lastAt: new Date() })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const operator = () => env.authenticatedContext('admin-1', { role: 'admin' }).firestore()
const staff = () => env.authenticatedContext('staff-1', { role: 'staff', partnerId: 'cafe-shachar' }).firestore()
const alice = () => env.authenticatedContext('alice').firestore()
const anonymous = () => env.unauthenticatedContext().firestore()

describe('reports', () => {
  it('operators read the summary, the state and the monthly totals', async () => {
    await assertSucceeds(getDoc(doc(operator(), paths.reportSummary())))
    await assertSucceeds(getDoc(doc(operator(), paths.reportState())))
    await assertSucceeds(getDocs(collection(operator(), paths.reportMonths())))
  })

  it('staff, members and strangers read none of them', async () => {
    for (const db of [staff(), alice(), anonymous()]) {
      await assertFails(getDoc(doc(db, paths.reportSummary())))
      await assertFails(getDoc(doc(db, paths.reportMonth('2026-05'))))
      await assertFails(getDocs(collection(db, paths.reportMonths())))
    }
  })

  it('nobody reads the members’ last activity, not even an operator or the member', async () => {
    await assertFails(getDoc(doc(operator(), paths.reportActivity('alice'))))
    await assertFails(getDoc(doc(alice(), paths.reportActivity('alice'))))
  })

  it('nobody writes reports from a client, operators included', async () => {
    await assertFails(updateDoc(doc(operator(), paths.reportSummary()), { members: { total: 1_000_000 } }))
    await assertFails(setDoc(doc(operator(), paths.reportMonth('2026-06')), { month: '2026-06' }))
    await assertFails(updateDoc(doc(operator(), paths.reportState()), { watermark: null }))
    await assertFails(setDoc(doc(staff(), paths.reportMonth('2026-05')), { month: '2026-05', partners: {} }))
  })
})
