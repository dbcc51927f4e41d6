import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { Timestamp, collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches other tests' data.
const PROJECT_ID = 'demo-moadon-rules-reviews'
let env: RulesTestEnvironment

const review = (status: string) => ({
  partnerId: 'cafe-shachar',
  stars: 5,
  text: 'Great coffee and kind staff, every time.',
  status,
  authorName: 'Dana K.',
  verifiedVisit: true,
  createdAt: Timestamp.now(),
  publishedAt: status === 'published' ? Timestamp.now() : null,
})
const PUBLISHED = 'a'.repeat(64)
const HELD = 'b'.repeat(64)

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

afterAll(async () => {
  await env.cleanup()
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.review(PUBLISHED)), review('published'))
    await setDoc(doc(db, paths.review(HELD)), review('held'))
    await setDoc(doc(db, paths.myReview('alice', HELD)), { ...review('held'), points: 0, period: 1 })
    await setDoc(doc(db, paths.reviewAuthor(PUBLISHED)), { uid: 'alice', requestId: 'req-12345678' })
    await setDoc(doc(db, paths.reviewShard('cafe-shachar', 0)), { count: 1, starsSum: 5 })
  })
})

describe('reviews', () => {
  it('signed-in users read published reviews and query them; held ones and anonymous reads are refused', async () => {
    const bob = env.authenticatedContext('bob').firestore()
    await assertSucceeds(getDoc(doc(bob, paths.review(PUBLISHED))))
    await assertSucceeds(getDocs(query(collection(bob, 'reviews'), where('partnerId', '==', 'cafe-shachar'), where('status', '==', 'published'))))
    await assertFails(getDoc(doc(bob, paths.review(HELD))))
    await assertFails(getDocs(query(collection(bob, 'reviews'), where('partnerId', '==', 'cafe-shachar'))))
    await assertFails(getDoc(doc(env.unauthenticatedContext().firestore(), paths.review(PUBLISHED))))
  })

  it('the author reads their own held review in their copy; nobody else does', async () => {
    await assertSucceeds(getDoc(doc(env.authenticatedContext('alice').firestore(), paths.myReview('alice', HELD))))
    await assertFails(getDoc(doc(env.authenticatedContext('bob').firestore(), paths.myReview('alice', HELD))))
  })

  it('no client writes reviews, copies, authors or rating shards, not even the author', async () => {
    const alice = env.authenticatedContext('alice').firestore()
    await assertFails(setDoc(doc(alice, paths.review('c'.repeat(64))), review('published')))
    await assertFails(updateDoc(doc(alice, paths.review(PUBLISHED)), { stars: 1 }))
    await assertFails(deleteDoc(doc(alice, paths.review(PUBLISHED))))
    await assertFails(updateDoc(doc(alice, paths.myReview('alice', HELD)), { status: 'published' }))
    await assertFails(setDoc(doc(alice, paths.myReview('alice', 'c'.repeat(64))), review('published')))
    await assertFails(setDoc(doc(alice, paths.reviewShard('cafe-shachar', 1)), { count: 100, starsSum: 500 }))
    await assertFails(getDoc(doc(alice, paths.reviewAuthor(PUBLISHED))))
    const admin = env.authenticatedContext('op', { role: 'admin' }).firestore()
    await assertFails(updateDoc(doc(admin, paths.review(HELD)), { status: 'published' }))
  })

  it('signed-in users read rating shards; anonymous users do not', async () => {
    await assertSucceeds(getDocs(collection(env.authenticatedContext('bob').firestore(), paths.reviewShards('cafe-shachar'))))
    await assertFails(getDocs(collection(env.unauthenticatedContext().firestore(), paths.reviewShards('cafe-shachar'))))
  })
})
