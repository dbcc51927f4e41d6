import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { Timestamp, collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// Badges and the birthday (written by the server alone), through the rules, as a script with a member's own sign-in
// would try them. A project of its own, cleared per test.
const PROJECT_ID = 'demo-moadon-rules-earn'
let env: RulesTestEnvironment

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.clubConfig()), { interestIds: ['coffee', 'books'] })
    for (const [uid, birthday] of [['alice', null], ['bob', '1990-05-06']] as const) {
      await setDoc(doc(db, paths.member(uid)), {
        uid,
        name: 'Test Member',
        birthday,
        birthdayKey: birthday ? birthday.slice(5) : null,
        interests: ['coffee'],
        language: 'he',
        consents: { marketing: false },
        preferences: {},
        balance: 0,
        updatedAt: Timestamp.now(),
      })
    }
    await setDoc(doc(db, paths.badge('alice', 'first-purchase')), { id: 'first-purchase', earnedAt: Timestamp.now() })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const as = (uid: string) => env.authenticatedContext(uid).firestore()
const setBirthday = (uid: string, birthday: unknown, birthdayKey: unknown) =>
  updateDoc(doc(as(uid), paths.member(uid)), { birthday, birthdayKey, updatedAt: serverTimestamp() })

describe('members/{uid}/badges', () => {
  it('lets a member read and list their own badges', async () => {
    await assertSucceeds(getDoc(doc(as('alice'), paths.badge('alice', 'first-purchase'))))
    await assertSucceeds(getDocs(collection(as('alice'), paths.badges('alice'))))
  })

  it("denies reading another member's badges, and signed-out visitors", async () => {
    await assertFails(getDoc(doc(as('bob'), paths.badge('alice', 'first-purchase'))))
    await assertFails(getDocs(collection(as('bob'), paths.badges('alice'))))
    await assertFails(getDocs(collection(env.unauthenticatedContext().firestore(), paths.badges('alice'))))
  })

  it('denies any client write, own badges included', async () => {
    await assertFails(setDoc(doc(as('alice'), paths.badge('alice', 'ten-visits')), { id: 'ten-visits', earnedAt: Timestamp.now() }))
    await assertFails(updateDoc(doc(as('alice'), paths.badge('alice', 'first-purchase')), { earnedAt: Timestamp.now() }))
    await assertFails(deleteDoc(doc(as('alice'), paths.badge('alice', 'first-purchase'))))
    await assertFails(setDoc(doc(as('bob'), paths.badge('alice', 'hunt-finished')), { id: 'hunt-finished' }))
  })
})

describe('the birthday, only through setBirthday', () => {
  it('may not be written by the member, even where none is stored', async () => {
    await assertFails(setBirthday('alice', '1992-02-29', '02-29'))
    await assertFails(updateDoc(doc(as('alice'), paths.member('alice')), { birthday: '1992-03-14', updatedAt: serverTimestamp() }))
    await assertFails(updateDoc(doc(as('alice'), paths.member('alice')), { birthdayKey: '12-25', updatedAt: serverTimestamp() }))
  })

  it('may not be changed once set, nor cleared', async () => {
    await assertFails(setBirthday('bob', '1991-05-06', '05-06'))
    await assertFails(setBirthday('bob', null, null))
  })

  it('nor its calendar or the gift schedule the server keeps', async () => {
    for (const patch of [{ birthdayCalendar: 'hebrew' }, { birthdaySetAt: Timestamp.now() }, { birthdayGiftOn: '2000-01-01' }]) {
      await assertFails(updateDoc(doc(as('bob'), paths.member('bob')), { ...patch, updatedAt: serverTimestamp() }))
    }
  })

  it('while the profile fields stay the member\'s to edit', async () => {
    await assertSucceeds(updateDoc(doc(as('alice'), paths.member('alice')), { name: 'Alice Levi', updatedAt: serverTimestamp() }))
  })

  it("denies setting another member's birthday", async () => {
    await assertFails(updateDoc(doc(as('bob'), paths.member('alice')), { birthday: '1992-03-14', birthdayKey: '03-14', updatedAt: serverTimestamp() }))
  })
})
