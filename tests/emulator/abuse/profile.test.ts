// The profile reward and member-written fields as an attacker would try them: a script signed in
// as a member, writing their own member document with the web SDK and calling `joinClub` and
// `claimProfileReward` directly. Each refusal is asserted by its code, and nothing may change.
import { connectFirestoreEmulator, doc, getFirestore, serverTimestamp, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JoinClubInput } from '../../../src/domain/members/join'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { EMULATOR_PORTS } from '../../../src/domain/shared/platform'
import { seedClubData } from '../../../scripts/seed-club'
import { EMULATOR_HOST } from '../../../scripts/lib/emulator-admin'
import { failure, joinedMember, ledgerDocs, memberDoc, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, newClient } from '../support/emulators'

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

const JUNK_INTERESTS = ['<img src=x onerror=alert(1)>', 'x'.repeat(5000), 'coffee\u202E', 'free-points', '\u200B']

/** The member's own document through the web SDK, as a script with their sign-in would write it. */
function ownDocument(member: Client & { uid: string }) {
  const db = getFirestore(member.app)
  connectFirestoreEmulator(db, EMULATOR_HOST, EMULATOR_PORTS.firestore)
  return doc(db, paths.member(member.uid))
}

async function snapshot(uid: string) {
  const data = await memberDoc(uid)
  const ledger = await ledgerDocs(uid)
  return { balance: data.balance, name: data.name, interests: data.interests, entries: ledger.map((e) => e.id).sort() }
}

const claim = (member: Client) => member.call('claimProfileReward', {})

describe('claimProfileReward', () => {
  it('cannot be reached with five junk interests or a U+202E name: the rules refuse the writes, the callable refuses the profile', async () => {
    const member = await joinedMember('Mallory Attacker', { birthday: '1990-05-05', interests: ['coffee'] })
    const before = await snapshot(member.uid)
    const ref = ownDocument(member)

    expect(await failure(updateDoc(ref, { interests: JUNK_INTERESTS, updatedAt: serverTimestamp() }))).toEqual({ code: 'permission-denied' })
    expect(await failure(updateDoc(ref, { name: 'Mallory\u202EkcattA', updatedAt: serverTimestamp() }))).toEqual({ code: 'permission-denied' })
    expect(await failure(updateDoc(ref, { interests: ['coffee', 'coffee', 'coffee'], updatedAt: serverTimestamp() }))).toEqual({
      code: 'permission-denied',
    })
    expect(await failure(claim(member))).toEqual({ code: 'failed-precondition', reason: 'profile-incomplete' })
    expect(await snapshot(member.uid)).toEqual(before)
  })

  it('refuses a profile that is not real even when junk is already stored (written before these rules)', async () => {
    const withJunkInterests = await joinedMember('Eve Farmer', { birthday: '1990-05-05', interests: ['coffee'] })
    await admin().db.doc(paths.member(withJunkInterests.uid)).update({ interests: JUNK_INTERESTS })
    const withBidiName = await joinedMember('Trudy Farmer', { birthday: '1990-05-05', interests: ['coffee', 'books', 'kids'] })
    await admin().db.doc(paths.member(withBidiName.uid)).update({ name: 'Trudy\u202EremraF' })
    const withZeroWidthName = await joinedMember('Oscar Farmer', { birthday: '1990-05-05', interests: ['coffee', 'books', 'kids'] })
    await admin().db.doc(paths.member(withZeroWidthName.uid)).update({ name: 'Os\u200Bcar' })

    for (const member of [withJunkInterests, withBidiName, withZeroWidthName]) {
      const before = await snapshot(member.uid)
      expect(await failure(claim(member))).toEqual({ code: 'failed-precondition', reason: 'profile-incomplete' })
      expect(await snapshot(member.uid)).toEqual(before)
    }
  })

  it('refuses a profile without the birthday the club asks for, and pays a real one once', async () => {
    const noBirthday = await joinedMember('Noa Cohen', { interests: ['coffee', 'books', 'kids'] })
    const before = await snapshot(noBirthday.uid)
    expect(await failure(claim(noBirthday))).toEqual({ code: 'failed-precondition', reason: 'profile-incomplete' })
    expect(await snapshot(noBirthday.uid)).toEqual(before)

    const real = await joinedMember('Yael Levi', { birthday: '1988-03-14', interests: ['coffee'] })
    await updateDoc(ownDocument(real), { interests: ['coffee', 'books', 'eco'], updatedAt: serverTimestamp() })
    expect(await claim(real)).toMatchObject({ points: 40, replayed: false })
    expect(await claim(real)).toMatchObject({ points: 40, replayed: true })
    expect((await memberDoc(real.uid)).balance).toBe(90)
  })
})

describe('joinClub', () => {
  const base: JoinClubInput = { name: 'Dana Levi', interests: ['coffee'], language: 'he', marketingConsent: false }

  it.each([
    ['a bidi-override name', { name: 'Dana\u202EiveL' }],
    ['an isolate in the name', { name: 'Dana\u2066Levi\u2069' }],
    ['a zero-width name', { name: 'Da\u200Bna' }],
    ['a name without a letter', { name: '12345' }],
    ['a 5,000-character name', { name: 'x'.repeat(5000) }],
    ['an interest the club does not offer', { interests: ['coffee', 'free-points'] }],
    ['markup as an interest', { interests: ['<b>coffee</b>'] }],
    ['too many interests', { interests: Array.from({ length: 13 }, (_, i) => `interest-${i}`) }],
  ])('refuses %s with invalid-argument and creates nothing', async (_label, patch) => {
    const client = await newClient()
    expect((await failure(client.call('joinClub', { ...base, ...patch }))).code).toBe('invalid-argument')
    expect((await admin().db.doc(paths.member(client.uid!)).get()).exists).toBe(false)
    expect((await admin().db.collection(paths.ledger(client.uid!)).get()).size).toBe(0)
    const numbers = await admin().db.collection(COLLECTIONS.memberNumbers).where('uid', '==', client.uid!).get()
    expect(numbers.size).toBe(0)
  })

  it('says which rule a refused name broke, for the app to translate', async () => {
    const client = await newClient()
    const refused = await client.call('joinClub', { ...base, name: 'Dana\u202EiveL' }).then(
      () => null,
      (error: { code?: string; details?: { fields?: unknown } }) => error,
    )
    expect(refused?.code).toBe('functions/invalid-argument')
    expect(refused?.details?.fields).toEqual([{ path: 'name', message: 'forbidden-characters' }])
  })
})
