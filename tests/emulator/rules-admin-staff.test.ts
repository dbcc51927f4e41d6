// The audit log and the staff accounts are the server's: operators read them, no client writes
// them (not even an operator: the log is append-only through the functions), and staff accounts
// read neither — a till acts for its store only through the callables, which read its record.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { addDoc, collection, deleteDoc, doc, getDoc, getDocs, limit, orderBy, query, setDoc, Timestamp, updateDoc, where } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches another test file's data.
const PROJECT_ID = 'demo-moadon-rules-admin-staff'
let env: RulesTestEnvironment

const ENTRY = 'entry-1'
const entry = {
  actor: { uid: 'staff-1', role: 'staff', partnerId: 'cafe', tillId: 'till-0001' },
  action: 'recordPurchase',
  memberUid: 'alice',
  partnerId: 'cafe',
  target: 'R1',
  details: { amountShekels: 40, points: 40 },
  at: Timestamp.now(),
}
const account = { uid: 'staff-1', email: 'staff1@example.test', partnerId: 'cafe', active: true, memberUid: null, grantedBy: 'op', grantedAt: Timestamp.now(), revokedBy: null, revokedAt: null, version: 1 }

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
    await setDoc(doc(db, paths.auditEntry(ENTRY)), entry)
    await setDoc(doc(db, paths.staffAccount('staff-1')), account)
    await setDoc(doc(db, paths.receipt('cafe', 'R1')), { uid: 'alice', partnerId: 'cafe', amountShekels: 40 })
    await setDoc(doc(db, paths.receipt('books', 'R2')), { uid: 'alice', partnerId: 'books', amountShekels: 80 })
    await setDoc(doc(db, paths.partnerSecret('books')), { counterKey: 'c2VjcmV0', posterVersion: 1 })
  })
})

const operator = () => env.authenticatedContext('op', { role: 'admin' }).firestore()
const staff = () => env.authenticatedContext('staff-1', { role: 'staff', partnerId: 'cafe' }).firestore()
const alice = () => env.authenticatedContext('alice').firestore()
const anonymous = () => env.unauthenticatedContext().firestore()

describe('audit/{entryId}', () => {
  it('lets an operator read an entry and page the log per member and per store, newest first', async () => {
    await assertSucceeds(getDoc(doc(operator(), paths.auditEntry(ENTRY))))
    const log = collection(operator(), COLLECTIONS.audit)
    await assertSucceeds(getDocs(query(log, where('memberUid', '==', 'alice'), orderBy('at', 'desc'), limit(25))))
    await assertSucceeds(getDocs(query(log, where('partnerId', '==', 'cafe'), orderBy('at', 'desc'), limit(25))))
  })

  it('denies the staff who did it, the member it was about and a signed-out visitor', async () => {
    await assertFails(getDoc(doc(staff(), paths.auditEntry(ENTRY))))
    await assertFails(getDocs(query(collection(staff(), COLLECTIONS.audit), where('partnerId', '==', 'cafe'))))
    await assertFails(getDoc(doc(alice(), paths.auditEntry(ENTRY))))
    await assertFails(getDocs(query(collection(alice(), COLLECTIONS.audit), where('memberUid', '==', 'alice'))))
    await assertFails(getDoc(doc(anonymous(), paths.auditEntry(ENTRY))))
  })

  it('is written by no client, an operator included: no new entry, no edit, no deletion', async () => {
    for (const db of [operator(), staff(), alice()]) {
      await assertFails(addDoc(collection(db, COLLECTIONS.audit), { ...entry, at: Timestamp.now() }))
      await assertFails(setDoc(doc(db, paths.auditEntry('forged')), entry))
      await assertFails(updateDoc(doc(db, paths.auditEntry(ENTRY)), { 'details.points': 4000 }))
      await assertFails(deleteDoc(doc(db, paths.auditEntry(ENTRY))))
    }
  })
})

describe('staffAccounts/{uid}', () => {
  it('lets an operator read one account and list a store’s staff', async () => {
    await assertSucceeds(getDoc(doc(operator(), paths.staffAccount('staff-1'))))
    await assertSucceeds(getDocs(query(collection(operator(), COLLECTIONS.staffAccounts), where('partnerId', '==', 'cafe'))))
  })

  it('denies the staff account its own record, members and visitors', async () => {
    await assertFails(getDoc(doc(staff(), paths.staffAccount('staff-1'))))
    await assertFails(getDoc(doc(alice(), paths.staffAccount('staff-1'))))
    await assertFails(getDocs(collection(alice(), COLLECTIONS.staffAccounts)))
    await assertFails(getDoc(doc(anonymous(), paths.staffAccount('staff-1'))))
  })

  it('lets no client grant, move or revoke: staff re-activating or moving itself, a member making itself staff, an operator bypassing grantStaff', async () => {
    await assertFails(updateDoc(doc(staff(), paths.staffAccount('staff-1')), { partnerId: 'books' }))
    await assertFails(updateDoc(doc(staff(), paths.staffAccount('staff-1')), { active: true }))
    await assertFails(setDoc(doc(alice(), paths.staffAccount('alice')), { ...account, uid: 'alice' }))
    await assertFails(setDoc(doc(operator(), paths.staffAccount('alice')), { ...account, uid: 'alice' }))
    await assertFails(updateDoc(doc(operator(), paths.staffAccount('staff-1')), { active: false }))
    await assertFails(deleteDoc(doc(operator(), paths.staffAccount('staff-1'))))
  })
})

describe('staff act for their store only through the callables', () => {
  it('denies staff reading receipts, their own store’s or another’s, and another store’s secrets', async () => {
    await assertFails(getDoc(doc(staff(), paths.receipt('cafe', 'R1'))))
    await assertFails(getDoc(doc(staff(), paths.receipt('books', 'R2'))))
    await assertFails(getDocs(query(collection(staff(), COLLECTIONS.receipts), where('partnerId', '==', 'books'))))
    await assertFails(getDoc(doc(staff(), paths.partnerSecret('books'))))
  })
})
