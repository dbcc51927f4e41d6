import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { Timestamp, collection, deleteDoc, doc, getDoc, getDocs, increment, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { DEFAULT_MESSAGE_PREFS } from '@/domain/messages/prefs'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// The inbox through the rules, as a script with a member's own sign-in would try it: the member
// reads their own messages and nothing else, and writes none of it, nor the count or the limits.
const PROJECT_ID = 'demo-moadon-rules-messages'
let env: RulesTestEnvironment

const MESSAGE = { kind: 'tier-up', category: 'service', params: { tierId: 'gold' }, link: '/tiers', createdAt: Timestamp.now(), readAt: null }

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.clubConfig()), { interestIds: ['coffee'] })
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
        unreadMessages: 1,
        updatedAt: Timestamp.now(),
      })
      await setDoc(doc(db, paths.inboxMessage(uid, 'tier-up~gold')), MESSAGE)
    }
    await setDoc(doc(db, paths.messageLogEntry('alice~tier-up~gold')), { uid: 'alice', sent: true })
    await setDoc(doc(db, paths.messageWeek('alice', '2026-11-22')), { promotional: 1 })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const as = (uid: string) => env.authenticatedContext(uid).firestore()

describe('the inbox', () => {
  it('lets a member read their own messages', async () => {
    await assertSucceeds(getDoc(doc(as('alice'), paths.inboxMessage('alice', 'tier-up~gold'))))
    await assertSucceeds(getDocs(collection(as('alice'), paths.inbox('alice'))))
  })

  it('hides another member’s messages and everyone’s from a visitor', async () => {
    await assertFails(getDoc(doc(as('alice'), paths.inboxMessage('bob', 'tier-up~gold'))))
    await assertFails(getDocs(collection(as('alice'), paths.inbox('bob'))))
    await assertFails(getDocs(collection(env.unauthenticatedContext().firestore(), paths.inbox('alice'))))
  })

  it('lets nobody write a message from the app, not even to mark it read', async () => {
    const db = as('alice')
    await assertFails(setDoc(doc(db, paths.inboxMessage('alice', 'fake')), MESSAGE))
    await assertFails(updateDoc(doc(db, paths.inboxMessage('alice', 'tier-up~gold')), { readAt: serverTimestamp() }))
    await assertFails(deleteDoc(doc(db, paths.inboxMessage('alice', 'tier-up~gold'))))
    await assertFails(setDoc(doc(db, paths.inboxMessage('bob', 'fake')), MESSAGE))
  })
})

describe('the unread count, the limits and the log', () => {
  it('keeps the unread count and the limits server-written', async () => {
    const member = doc(as('alice'), paths.member('alice'))
    await assertFails(updateDoc(member, { unreadMessages: 0, updatedAt: serverTimestamp() }))
    await assertFails(updateDoc(member, { unreadMessages: increment(-1), updatedAt: serverTimestamp() }))
    await assertFails(updateDoc(member, { messagePrefs: { ...DEFAULT_MESSAGE_PREFS, promotionalPerWeek: 7 }, updatedAt: serverTimestamp() }))
    // The profile stays editable beside them.
    await assertSucceeds(updateDoc(member, { name: 'Alice Cohen', updatedAt: serverTimestamp() }))
  })

  it('keeps the dispatch log and the weekly counts from every client', async () => {
    const db = as('alice')
    await assertFails(getDoc(doc(db, paths.messageLogEntry('alice~tier-up~gold'))))
    await assertFails(setDoc(doc(db, paths.messageLogEntry('alice~x')), { uid: 'alice', sent: true }))
    await assertFails(getDoc(doc(db, paths.messageWeek('alice', '2026-11-22'))))
    await assertFails(setDoc(doc(db, paths.messageWeek('alice', '2026-11-22')), { promotional: 0 }))
  })
})
