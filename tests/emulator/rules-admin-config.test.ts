import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches another test file's data.
const PROJECT_ID = 'demo-moadon-rules-admin-config'
let env: RulesTestEnvironment

const KEY = 'reward~free-coffee'

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.configDraft(KEY)), { kind: 'reward', id: 'free-coffee', data: { cost: 1 }, baseVersion: 0, updatedBy: 'admin-1' })
    await setDoc(doc(db, paths.configVersion(KEY)), { kind: 'reward', id: 'free-coffee', version: 1, publishedBy: 'admin-1' })
    await setDoc(doc(db, paths.configHistoryEntry('h1')), { kind: 'reward', id: 'free-coffee', before: null, after: { cost: 1 } })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const operator = () => env.authenticatedContext('admin-1', { role: 'admin' }).firestore()
const staff = () => env.authenticatedContext('staff-1', { role: 'staff', partnerId: 'cafe-shachar' }).firestore()
const member = () => env.authenticatedContext('alice').firestore()
const anonymous = () => env.unauthenticatedContext().firestore()

describe('configuration drafts, versions and history', () => {
  it('operators read drafts, versions and history, one by one and as lists', async () => {
    await assertSucceeds(getDoc(doc(operator(), paths.configDraft(KEY))))
    await assertSucceeds(getDocs(collection(operator(), 'configDrafts')))
    await assertSucceeds(getDoc(doc(operator(), paths.configVersion(KEY))))
    await assertSucceeds(getDocs(collection(operator(), 'configHistory')))
  })

  it('staff, members and strangers read none of them', async () => {
    for (const db of [staff(), member(), anonymous()]) {
      await assertFails(getDoc(doc(db, paths.configDraft(KEY))))
      await assertFails(getDocs(collection(db, 'configDrafts')))
      await assertFails(getDoc(doc(db, paths.configVersion(KEY))))
      await assertFails(getDoc(doc(db, paths.configHistoryEntry('h1'))))
    }
  })

  it('nobody writes them from a client, not even an operator: drafts go through saveConfigDraft', async () => {
    await assertFails(setDoc(doc(operator(), paths.configDraft('reward~new')), { kind: 'reward', id: 'new', data: {}, baseVersion: 0 }))
    await assertFails(updateDoc(doc(operator(), paths.configDraft(KEY)), { baseVersion: 5 }))
    await assertFails(deleteDoc(doc(operator(), paths.configDraft(KEY))))
    await assertFails(updateDoc(doc(operator(), paths.configVersion(KEY)), { version: 0 }))
    await assertFails(setDoc(doc(operator(), paths.configHistoryEntry('h2')), { kind: 'reward', id: 'x' }))
    await assertFails(deleteDoc(doc(operator(), paths.configHistoryEntry('h1'))))
    await assertFails(setDoc(doc(staff(), paths.configDraft('reward~new')), { kind: 'reward', id: 'new', data: {}, baseVersion: 0 }))
  })
})
