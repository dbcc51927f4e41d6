// Earning without buying as an attacker would try it: a script signed in as a member calling
// `claimAction` with made-up actions and fields, replaying claims past their caps, writing badges
// or a second birthday with the web SDK. Each refusal is asserted by its code, and nothing changes.
import { connectFirestoreEmulator, doc, getFirestore, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClaimActionInput } from '../../../src/domain/earn/actions'
import { paths } from '../../../src/domain/shared/paths'
import { EMULATOR_PORTS } from '../../../src/domain/shared/platform'
import { EMULATOR_HOST } from '../../../scripts/lib/emulator-admin'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from '../support/emulators'

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

function firestoreOf(member: Client) {
  const db = getFirestore(member.app)
  connectFirestoreEmulator(db, EMULATOR_HOST, EMULATOR_PORTS.firestore)
  return db
}

async function snapshot(uid: string) {
  const data = await memberDoc(uid)
  const badges = (await admin().db.collection(paths.badges(uid)).get()).docs.map((d) => d.id)
  return { balance: data.balance, birthday: data.birthday, earnUsage: data.earnUsage ?? null, entries: (await ledgerDocs(uid)).map((e) => e.id).sort(), badges }
}

const claim = (member: Client, input: unknown) => member.call<unknown, unknown>('claimAction', input)

describe('claimAction', () => {
  it('pays no rule it does not name, and takes no points, uid or other fields from the caller', async () => {
    const member = await joinedMember()
    const other = await joinedMember()
    const before = await snapshot(member.uid)
    for (const input of [
      { actionId: 'profile-complete', requestId: requestId() },
      { actionId: 'review', requestId: requestId() },
      { actionId: 'eco-cup', requestId: requestId() },
      { actionId: 'share-referral', requestId: 'short' },
      { actionId: 'share-referral', requestId: '../../members/x' },
      { actionId: 'share-referral', requestId: requestId(), points: 5000 },
      { actionId: 'share-referral', requestId: requestId(), uid: other.uid },
      { actionId: ['share-referral'], requestId: requestId() },
      null,
    ]) {
      expect((await failure(claim(member, input))).code).toBe('invalid-argument')
    }
    expect(await snapshot(member.uid)).toEqual(before)
  })

  it('refuses a signed-out caller, a user who never joined, and staff', async () => {
    const input: ClaimActionInput = { actionId: 'follow-social', requestId: requestId() }
    expect((await failure(claim(await newClient({ signUp: false }), input))).code).toBe('unauthenticated')
    expect((await failure(claim(await newClient(), input))).code).toBe('not-found')
    expect((await failure(claim(await roleClient({ role: 'staff', partnerId: 'cafe-shachar' }), input))).code).toBe('not-found')
  })

  it('cannot get past the monthly cap with fresh request ids, one after another', async () => {
    const member = await joinedMember()
    for (let i = 0; i < 3; i++) await claim(member, { actionId: 'share-referral', requestId: requestId() })
    const before = await snapshot(member.uid)
    for (let i = 0; i < 3; i++) {
      expect(await failure(claim(member, { actionId: 'share-referral', requestId: requestId() }))).toEqual({
        code: 'resource-exhausted',
        reason: 'cap-per-month',
      })
    }
    expect(await snapshot(member.uid)).toEqual(before)
  })
})

describe('badges and the birthday through the web SDK', () => {
  it('cannot grant a badge, nor write the usage copy on the member document', async () => {
    const member = await joinedMember()
    const db = firestoreOf(member)
    const before = await snapshot(member.uid)
    expect(await failure(setDoc(doc(db, paths.badge(member.uid, 'ten-visits')), { id: 'ten-visits' }))).toEqual({ code: 'permission-denied' })
    expect(
      await failure(
        updateDoc(doc(db, paths.member(member.uid)), { 'earnUsage.follow-social': { total: 0 }, updatedAt: serverTimestamp() }),
      ),
    ).toEqual({ code: 'permission-denied' })
    expect(await snapshot(member.uid)).toEqual(before)
  })

  it('cannot move a birthday once set (to collect a second gift this year)', async () => {
    const member = await joinedMember('Birthday Hunter', { birthday: '1990-05-05' })
    const db = firestoreOf(member)
    const before = await snapshot(member.uid)
    expect(
      await failure(updateDoc(doc(db, paths.member(member.uid)), { birthday: '1990-11-27', birthdayKey: '11-27', updatedAt: serverTimestamp() })),
    ).toEqual({ code: 'permission-denied' })
    expect(await failure(updateDoc(doc(db, paths.member(member.uid)), { birthdayKey: '11-27', updatedAt: serverTimestamp() }))).toEqual({
      code: 'permission-denied',
    })
    expect(await failure(member.call('setBirthday', { birthday: '1990-11-27' }))).toEqual({ code: 'failed-precondition', reason: 'birthday-already-set' })
    expect(await snapshot(member.uid)).toEqual(before)
  })

  it('cannot set two birthdays by sending ten at once', async () => {
    const member = await joinedMember('Birthday Racer')
    const days = Array.from({ length: 10 }, (_, i) => `1990-${String(i + 1).padStart(2, '0')}-10`)
    const results = await Promise.allSettled(days.map((birthday) => member.call('setBirthday', { birthday })))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const refused of results.filter((r) => r.status === 'rejected')) {
      expect(await failure(Promise.reject((refused as PromiseRejectedResult).reason))).toEqual({ code: 'failed-precondition', reason: 'birthday-already-set' })
    }
    const stored = await memberDoc(member.uid)
    expect(days).toContain(stored.birthday)
  })
})
