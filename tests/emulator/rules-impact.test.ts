// The impact wallet's collections: members read active charities, their totals and their own
// receipts; nobody writes any of them from a client.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches another test file's data.
const PROJECT_ID = 'demo-moadon-rules-impact'
let env: RulesTestEnvironment

const charity = (active: boolean) => ({
  id: 'x',
  name: { he: 'עמותה', en: 'Charity' },
  description: { he: 'תיאור', en: 'About' },
  logo: '/charities/green-corner.svg',
  minPoints: 10,
  pointValueShekels: 0.1,
  active,
  campaigns: [],
})
const receipt = (uid: string) => ({ uid, charityId: 'open', points: 100, valueShekels: 10, receiptNo: 'D-20261127-ABCDEFGH' })

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
    await setDoc(doc(db, paths.charity('open')), charity(true))
    await setDoc(doc(db, paths.charity('closed')), charity(false))
    await setDoc(doc(db, paths.charityShard('open', 3)), { donations: 1, points: 100 })
    await setDoc(doc(db, paths.donation('alice', 'req-00000001')), receipt('alice'))
    await setDoc(doc(db, paths.donation('bob', 'req-00000002')), receipt('bob'))
  })
})

const alice = () => env.authenticatedContext('alice').firestore()
const stranger = () => env.unauthenticatedContext().firestore()

describe('charities', () => {
  it('lets a member read an active charity and list the active ones', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.charity('open'))))
    await assertSucceeds(getDocs(query(collection(alice(), COLLECTIONS.charities), where('active', '==', true))))
  })

  it('hides an inactive charity, the unfiltered list, and everything from a visitor who is not signed in', async () => {
    await assertFails(getDoc(doc(alice(), paths.charity('closed'))))
    await assertFails(getDocs(collection(alice(), COLLECTIONS.charities)))
    await assertFails(getDoc(doc(stranger(), paths.charity('open'))))
  })

  it('refuses every write from a client, even an operator’s', async () => {
    const operator = env.authenticatedContext('op', { role: 'admin' }).firestore()
    await assertFails(setDoc(doc(alice(), paths.charity('mine')), charity(true)))
    await assertFails(updateDoc(doc(alice(), paths.charity('open')), { minPoints: 1 }))
    await assertFails(updateDoc(doc(operator, paths.charity('open')), { active: false }))
    await assertFails(deleteDoc(doc(alice(), paths.charity('open'))))
  })
})

describe('charity totals (shards)', () => {
  it('lets a member read the counters to sum them', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.charityShard('open', 3))))
    await assertSucceeds(getDocs(collection(alice(), paths.charity('open'), COLLECTIONS.charityShards)))
  })

  it('refuses a visitor, and any write: no client can inflate a total', async () => {
    await assertFails(getDoc(doc(stranger(), paths.charityShard('open', 3))))
    await assertFails(setDoc(doc(alice(), paths.charityShard('open', 3)), { donations: 1000, points: 1_000_000 }))
    await assertFails(setDoc(doc(alice(), paths.charityShard('open', 11)), { points: 5 }))
    await assertFails(deleteDoc(doc(alice(), paths.charityShard('open', 3))))
  })
})

describe('donation receipts', () => {
  it('lets a member read and list their own receipts', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.donation('alice', 'req-00000001'))))
    await assertSucceeds(getDocs(query(collection(alice(), COLLECTIONS.donations), where('uid', '==', 'alice'))))
  })

  it('hides another member’s receipts', async () => {
    await assertFails(getDoc(doc(alice(), paths.donation('bob', 'req-00000002'))))
    await assertFails(getDocs(collection(alice(), COLLECTIONS.donations)))
  })

  it('refuses a receipt written, changed or deleted from a client', async () => {
    await assertFails(setDoc(doc(alice(), paths.donation('alice', 'req-00000009')), receipt('alice')))
    await assertFails(updateDoc(doc(alice(), paths.donation('alice', 'req-00000001')), { points: 1_000_000 }))
    await assertFails(deleteDoc(doc(alice(), paths.donation('alice', 'req-00000001'))))
  })
})
