import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { Timestamp, collection, deleteDoc, deleteField, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// Streaks and reserve duty through the rules, as a script with a member's own sign-in would try
// them: the member reads the summaries on their document, and writes none of it.
const PROJECT_ID = 'demo-moadon-rules-streaks'
let env: RulesTestEnvironment

const STREAK = {
  weekly: { count: 3, best: 3, last: '2026-11-22', start: '2026-11-08', freezes: 0, sinceFreeze: 3 },
  daily: { count: 0, best: 0, last: null, start: null, freezes: 0, sinceFreeze: 0 },
}
const DUTY = {
  active: { id: 'duty~a', from: '2026-11-20', until: '2026-12-20' },
  pauses: [{ from: '2026-11-20', until: '2026-12-20', declaredOn: '2026-11-20' }],
  declaredFroms: ['2026-11-20'],
}

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.clubConfig()), { interestIds: ['coffee', 'books'] })
    for (const uid of ['alice', 'bob']) {
      await setDoc(doc(db, paths.member(uid)), {
        uid,
        name: 'Test Member',
        birthday: null,
        birthdayKey: null,
        interests: ['coffee'],
        language: 'he',
        consents: { marketing: false },
        preferences: {},
        balance: 0,
        streak: STREAK,
        reserveDuty: DUTY,
        nextExpiryOn: '2027-01-31',
        tierReviewOn: '2027-06-30',
        updatedAt: Timestamp.now(),
      })
    }
    await setDoc(doc(db, paths.reserveDuty('alice', 'duty~a')), { from: '2026-11-20', until: '2026-12-20', declaredOn: '2026-11-20', revokedOn: null })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const as = (uid: string) => env.authenticatedContext(uid).firestore()
const update = (uid: string, fields: Record<string, unknown>) => updateDoc(doc(as(uid), paths.member(uid)), { ...fields, updatedAt: serverTimestamp() })

describe('the streak and duty summaries on the member document', () => {
  it('are read by the member, with the rest of their document', async () => {
    await assertSucceeds(getDoc(doc(as('alice'), paths.member('alice'))))
  })

  it('are not read by another member', async () => {
    await assertFails(getDoc(doc(as('bob'), paths.member('alice'))))
  })

  it('are never written by the member: not the streak, its freezes, the duty or the dates they move', async () => {
    await assertSucceeds(update('alice', { name: 'Alice Levi' }))
    await assertFails(update('alice', { streak: { ...STREAK, weekly: { ...STREAK.weekly, count: 12 } } }))
    await assertFails(update('alice', { 'streak.weekly.freezes': 2 }))
    await assertFails(update('alice', { streak: deleteField() }))
    await assertFails(update('alice', { reserveDuty: { ...DUTY, pauses: [{ from: '2025-01-01', until: '2026-12-31', declaredOn: '2025-01-01' }] } }))
    await assertFails(update('alice', { reserveDuty: deleteField() }))
    await assertFails(update('alice', { nextExpiryOn: '2099-12-31' }))
    await assertFails(update('alice', { tierReviewOn: '2099-12-31' }))
  })
})

describe('members/{uid}/reserveDuty (server-only declarations)', () => {
  it('denies every client read, own declarations included', async () => {
    await assertFails(getDoc(doc(as('alice'), paths.reserveDuty('alice', 'duty~a'))))
    await assertFails(getDocs(collection(as('alice'), paths.reserveDuties('alice'))))
    await assertFails(getDocs(collection(as('bob'), paths.reserveDuties('alice'))))
  })

  it('denies every client write: declaring, back-dating, revoking or deleting', async () => {
    await assertFails(setDoc(doc(as('alice'), paths.reserveDuty('alice', 'duty~b')), { from: '2026-01-01', until: '2026-06-30', declaredOn: '2026-01-01', revokedOn: null }))
    await assertFails(updateDoc(doc(as('alice'), paths.reserveDuty('alice', 'duty~a')), { from: '2025-01-01' }))
    await assertFails(updateDoc(doc(as('alice'), paths.reserveDuty('alice', 'duty~a')), { revokedOn: null }))
    await assertFails(deleteDoc(doc(as('alice'), paths.reserveDuty('alice', 'duty~a'))))
  })
})
