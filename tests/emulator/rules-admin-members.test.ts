import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches another test file's data.
const PROJECT_ID = 'demo-moadon-rules-admin-members'
let env: RulesTestEnvironment

const RECEIPT = paths.receipt('cafe-shachar', 'R-1')
const POST = 'a'.repeat(32)
const COMMENT = 'b'.repeat(32)
const REVIEW = 'c'.repeat(64)

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.member('alice')), { name: 'Alice Levi', memberNo: '51234675', balance: 120 })
    await setDoc(doc(db, paths.ledgerEntry('alice', 'welcome-gift')), { type: 'earn', points: 120 })
    await setDoc(doc(db, RECEIPT), { uid: 'alice', partnerId: 'cafe-shachar', receiptId: 'R-1', status: 'pending', points: 900, by: 'staff-1', tillId: 'till-0001' })
    await setDoc(doc(db, paths.referral('friend')), { referrerUid: 'alice', status: 'held', friendFirstName: 'Dan' })
    await setDoc(doc(db, paths.post(POST)), { status: 'hidden', authorUid: 'alice', text: 'Hidden by reports' })
    await setDoc(doc(db, paths.postComment(POST, COMMENT)), { status: 'published', authorUid: 'alice', text: 'Under a hidden post' })
    await setDoc(doc(db, paths.report('r1')), { reporterUid: 'bob', postId: POST, commentId: null, reason: 'spam', outcome: 'open' })
    await setDoc(doc(db, paths.review(REVIEW)), { status: 'held', partnerId: 'cafe-shachar', stars: 1, text: 'Held review' })
    await setDoc(doc(db, COLLECTIONS.moderationLog, 'm1'), { by: 'op', decision: 'warn', postId: POST })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const operator = () => env.authenticatedContext('op', { role: 'admin' }).firestore()
const staff = () => env.authenticatedContext('staff-1', { role: 'staff', partnerId: 'cafe-shachar' }).firestore()
const bob = () => env.authenticatedContext('bob').firestore()
const alice = () => env.authenticatedContext('alice').firestore()
const anonymous = () => env.unauthenticatedContext().firestore()

describe('the console’s member page', () => {
  it('operators read any member and their ledger', async () => {
    await assertSucceeds(getDoc(doc(operator(), paths.member('alice'))))
    await assertSucceeds(getDocs(collection(operator(), paths.ledger('alice'))))
  })

  it('staff, another member and strangers read neither', async () => {
    for (const db of [staff(), bob(), anonymous()]) {
      await assertFails(getDoc(doc(db, paths.member('alice'))))
      await assertFails(getDocs(collection(db, paths.ledger('alice'))))
    }
  })

  it('operators write neither from a client: corrections go through adjustPoints', async () => {
    await assertFails(updateDoc(doc(operator(), paths.member('alice')), { balance: 1_000_000 }))
    await assertFails(setDoc(doc(operator(), paths.ledgerEntry('alice', 'gift')), { type: 'adjust', points: 500 }))
    await assertFails(deleteDoc(doc(operator(), paths.ledgerEntry('alice', 'welcome-gift'))))
  })
})

describe('held purchases and referrals', () => {
  it('operators read receipts and list the pending ones', async () => {
    await assertSucceeds(getDoc(doc(operator(), RECEIPT)))
    await assertSucceeds(getDocs(query(collection(operator(), COLLECTIONS.receipts), where('status', '==', 'pending'))))
  })

  it('staff (even the till that recorded it), the member and strangers read no receipt', async () => {
    for (const db of [staff(), alice(), anonymous()]) {
      await assertFails(getDoc(doc(db, RECEIPT)))
      await assertFails(getDocs(query(collection(db, COLLECTIONS.receipts), where('status', '==', 'pending'))))
    }
  })

  it('operators list held referrals; the referrer still reads their own, another member none', async () => {
    await assertSucceeds(getDocs(query(collection(operator(), COLLECTIONS.referrals), where('status', '==', 'held'))))
    await assertSucceeds(getDoc(doc(alice(), paths.referral('friend'))))
    await assertFails(getDoc(doc(bob(), paths.referral('friend'))))
    await assertFails(getDocs(query(collection(staff(), COLLECTIONS.referrals), where('status', '==', 'held'))))
  })

  it('nobody decides from a client: receipts and referrals change only through the review callables', async () => {
    await assertFails(updateDoc(doc(operator(), RECEIPT), { status: 'recorded' }))
    await assertFails(updateDoc(doc(operator(), paths.referral('friend')), { status: 'qualified' }))
    await assertFails(updateDoc(doc(staff(), RECEIPT), { status: 'recorded' }))
  })
})

describe('the moderation queue', () => {
  it('operators read hidden posts, comments under them, every report, held reviews and the moderation log', async () => {
    const db = operator()
    await assertSucceeds(getDocs(query(collection(db, COLLECTIONS.posts), where('status', 'in', ['held', 'hidden']))))
    await assertSucceeds(getDoc(doc(db, paths.postComment(POST, COMMENT))))
    await assertSucceeds(getDocs(query(collection(db, COLLECTIONS.reports), where('outcome', '==', 'open'))))
    await assertSucceeds(getDocs(query(collection(db, COLLECTIONS.reviews), where('status', '==', 'held'))))
    await assertSucceeds(getDocs(collection(db, COLLECTIONS.moderationLog)))
  })

  it('other members, staff and strangers read none of it; the reporter still reads their own report', async () => {
    for (const db of [alice(), staff(), anonymous()]) {
      await assertFails(getDocs(query(collection(db, COLLECTIONS.reports), where('outcome', '==', 'open'))))
      await assertFails(getDocs(query(collection(db, COLLECTIONS.reviews), where('status', '==', 'held'))))
      await assertFails(getDocs(collection(db, COLLECTIONS.moderationLog)))
    }
    for (const db of [bob(), staff(), anonymous()]) {
      await assertFails(getDoc(doc(db, paths.post(POST))))
      await assertFails(getDoc(doc(db, paths.postComment(POST, COMMENT))))
    }
    await assertSucceeds(getDoc(doc(bob(), paths.report('r1'))))
  })

  it('operators decide only through the moderation callables, never by writing', async () => {
    const db = operator()
    await assertFails(updateDoc(doc(db, paths.post(POST)), { status: 'published' }))
    await assertFails(updateDoc(doc(db, paths.report('r1')), { outcome: 'kept' }))
    await assertFails(updateDoc(doc(db, paths.review(REVIEW)), { status: 'published' }))
    await assertFails(setDoc(doc(db, COLLECTIONS.moderationLog, 'm2'), { by: 'op', decision: 'restore' }))
  })
})
