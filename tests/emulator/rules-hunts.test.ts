import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { Timestamp, collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches the other tests' data.
const PROJECT_ID = 'demo-moadon-rules-hunts'
let env: RulesTestEnvironment

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.hunt('demo')), { title: { he: 'ציד', en: 'Hunt' }, pointsPerClue: 20, clues: [] })
    await setDoc(doc(db, paths.huntFinisher('demo', 'alice')), { uid: 'alice', name: 'Alice L.', finishedAt: Timestamp.now() })
    await setDoc(doc(db, paths.huntProgress('alice', 'demo')), { huntId: 'demo', solved: 1, points: 20 })
    await setDoc(doc(db, paths.huntSecret('demo')), { key: 'c2VjcmV0', answers: { '0': 'DIGEST' } })
    await setDoc(doc(db, paths.huntTries('alice', 'demo', 0)), { tries: [1, 2, 3, 4, 5] })
    await setDoc(doc(db, paths.huntClaim('alice', 'demo', 'req-12345678')), { result: { correct: true } })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const alice = () => env.authenticatedContext('alice').firestore()
const bob = () => env.authenticatedContext('bob').firestore()
const staff = () => env.authenticatedContext('staff-1', { role: 'staff', partnerId: 'cafe' }).firestore()
const anonymous = () => env.unauthenticatedContext().firestore()

describe('hunts/{huntId}', () => {
  it('allows a signed-in member to read a hunt', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.hunt('demo'))))
  })
  it('denies a signed-out visitor', async () => {
    await assertFails(getDoc(doc(anonymous(), paths.hunt('demo'))))
  })
  it('denies creating, changing or deleting a hunt from a client, staff included', async () => {
    await assertFails(setDoc(doc(alice(), paths.hunt('mine')), { pointsPerClue: 10_000, clues: [] }))
    await assertFails(updateDoc(doc(alice(), paths.hunt('demo')), { pointsPerClue: 10_000 }))
    await assertFails(updateDoc(doc(staff(), paths.hunt('demo')), { pointsPerClue: 10_000 }))
    await assertFails(deleteDoc(doc(alice(), paths.hunt('demo'))))
  })
})

describe('hunts/{huntId}/finishers', () => {
  it('allows a signed-in member to read the leaderboard', async () => {
    await assertSucceeds(getDocs(collection(bob(), paths.huntFinishers('demo'))))
  })
  it('denies a signed-out visitor', async () => {
    await assertFails(getDocs(collection(anonymous(), paths.huntFinishers('demo'))))
  })
  it('denies putting oneself on the leaderboard or moving up', async () => {
    await assertFails(setDoc(doc(bob(), paths.huntFinisher('demo', 'bob')), { uid: 'bob', name: 'Bob C.', finishedAt: Timestamp.fromMillis(0) }))
    await assertFails(updateDoc(doc(alice(), paths.huntFinisher('demo', 'alice')), { finishedAt: Timestamp.fromMillis(0) }))
    await assertFails(deleteDoc(doc(alice(), paths.huntFinisher('demo', 'alice'))))
  })
})

describe('members/{uid}/hunts/{huntId}', () => {
  it('allows a member to read their own progress', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.huntProgress('alice', 'demo'))))
  })
  it("denies reading another member's progress", async () => {
    await assertFails(getDoc(doc(bob(), paths.huntProgress('alice', 'demo'))))
  })
  it('denies a member writing their own progress', async () => {
    await assertFails(updateDoc(doc(alice(), paths.huntProgress('alice', 'demo')), { solved: 3 }))
    await assertFails(setDoc(doc(bob(), paths.huntProgress('bob', 'demo')), { huntId: 'demo', solved: 3 }))
    await assertFails(deleteDoc(doc(alice(), paths.huntProgress('alice', 'demo'))))
  })
})

describe('server-only hunt documents', () => {
  it('denies reading a hunt secret, to members and staff alike', async () => {
    await assertFails(getDoc(doc(alice(), paths.huntSecret('demo'))))
    await assertFails(getDoc(doc(staff(), paths.huntSecret('demo'))))
  })
  it('denies writing a hunt secret', async () => {
    await assertFails(setDoc(doc(alice(), paths.huntSecret('demo')), { key: 'bWluZQ==', answers: {} }))
  })
  it('denies resetting or reading the wrong-answer count', async () => {
    await assertFails(getDoc(doc(alice(), paths.huntTries('alice', 'demo', 0))))
    await assertFails(deleteDoc(doc(alice(), paths.huntTries('alice', 'demo', 0))))
    await assertFails(setDoc(doc(alice(), paths.huntTries('alice', 'demo', 0)), { tries: [] }))
  })
  it('denies reading or forging a kept answer', async () => {
    await assertFails(getDoc(doc(alice(), paths.huntClaim('alice', 'demo', 'req-12345678'))))
    await assertFails(setDoc(doc(alice(), paths.huntClaim('alice', 'demo', 'req-99999999')), { result: { correct: true, points: 9999 } }))
  })
})
