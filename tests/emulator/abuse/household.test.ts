// Attacks on household cards, as a member with a script would try them: reusing, stretching or
// racing an invite, joining their own household, writing the household fields themselves,
// reading someone else's household, and squeezing into a full one. Each is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collection, doc, getDoc, getDocs, updateDoc } from 'firebase/firestore'
import { Timestamp } from 'firebase-admin/firestore'
import type { AcceptHouseholdInviteResult, CreateHouseholdInviteResult } from '../../../src/domain/members/household-schema'
import { paths } from '../../../src/domain/shared/paths'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, memberDoc, memberSince, requestId, type Client } from '../support/club'
import { firestoreOf } from '../support/community'
import { admin, clearEmulators, closeAdmin } from '../support/emulators'

type Member = Client & { uid: string; memberNo: string }
let owner: Member
let stranger: Member

const invite = (who: Client) => who.call<object, CreateHouseholdInviteResult>('createHouseholdInvite', { requestId: requestId() })
const accept = (who: Client, code: string) => who.call<object, AcceptHouseholdInviteResult>('acceptHouseholdInvite', { code })
const inviteDoc = async (code: string) => (await admin().db.doc(paths.householdInvite(code)).get()).data()!
const members = async (uid: string) => ((await memberDoc(uid)).householdMembers ?? []) as string[]

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[owner, stranger] = await Promise.all([joinedMember('Owner'), joinedMember('Stranger')])
})

afterAll(closeAdmin)

describe('household invites under attack', () => {
  it('refuse a used invite, an expired one and the owner’s own', async () => {
    const [first, second] = await Promise.all([joinedMember('First'), joinedMember('Second')])
    const used = (await invite(owner)).code
    await accept(first, used)
    expect(await failure(accept(second, used))).toEqual({ code: 'failed-precondition', reason: 'invite-used' })

    const stale = (await invite(owner)).code
    await admin().db.doc(paths.householdInvite(stale)).update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) })
    expect(await failure(accept(second, stale))).toEqual({ code: 'failed-precondition', reason: 'invite-expired' })

    const own = (await invite(owner)).code
    expect(await failure(accept(owner, own))).toEqual({ code: 'failed-precondition', reason: 'household-self' })
    expect(await failure(accept(second, 'A'.repeat(22)))).toEqual({ code: 'not-found', reason: 'invite-unknown' })
    expect(await failure(accept(second, 'not a code'))).toMatchObject({ code: 'invalid-argument' })
    // A household member cannot invite others to it.
    expect(await failure(invite(first))).toEqual({ code: 'failed-precondition', reason: 'household-member-cannot-invite' })

    expect((await memberDoc(second.uid)).household).toBeUndefined()
    expect(await members(owner.uid)).toEqual([first.uid])
    expect((await inviteDoc(own)).usedBy).toBeNull()
    await owner.call('removeHouseholdMember', { uid: first.uid })
  })

  it('lets exactly one of 20 simultaneous accepts of one invite in', async () => {
    // Joined through the server's join code directly: 20 sign-ups through the callable take long.
    const racers = await Promise.all(Array.from({ length: 20 }, (_, i) => memberSince(0, `Racer ${i}`)))
    const code = (await invite(owner)).code
    const results = await Promise.allSettled(racers.map((racer) => accept(racer, code)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { details?: { reason?: string } }).details?.reason] : []))
    expect(new Set(refused)).toEqual(new Set(['invite-used']))
    const joined = await members(owner.uid)
    expect(joined).toHaveLength(1)
    expect((await inviteDoc(code)).usedBy).toBe(joined[0])
    const linked = await Promise.all(racers.map(async (r) => (await memberDoc(r.uid)).household?.ownerUid ?? null))
    expect(linked.filter((uid) => uid === owner.uid)).toHaveLength(1)
    await owner.call('removeHouseholdMember', { uid: joined[0]! })
  }, 120_000)

  it('caps the open invites an owner may hold', async () => {
    const keeper = await joinedMember('Keeper')
    for (let i = 0; i < 5; i++) await invite(keeper)
    expect(await failure(invite(keeper))).toEqual({ code: 'resource-exhausted', reason: 'household-invites-exhausted' })
    const open = await admin().db.collection('householdInvites').where('ownerUid', '==', keeper.uid).get()
    expect(open.size).toBe(5)
  })

  it('refuses a full household', async () => {
    const config = admin().db.doc(paths.clubConfig())
    const [inside, outside] = await Promise.all([joinedMember('Inside'), joinedMember('Outside')])
    await config.update({ 'household.maxMembers': 1 })
    try {
      const [a, b] = [(await invite(owner)).code, (await invite(owner)).code]
      await accept(inside, a)
      expect(await failure(accept(outside, b))).toEqual({ code: 'failed-precondition', reason: 'household-full' })
      expect(await failure(invite(owner))).toEqual({ code: 'failed-precondition', reason: 'household-full' })
      expect(await members(owner.uid)).toEqual([inside.uid])
      expect((await memberDoc(outside.uid)).household).toBeUndefined()
      expect((await inviteDoc(b)).usedBy).toBeNull()
    } finally {
      await config.update({ 'household.maxMembers': 4 })
    }
  })
})

describe('household data under attack', () => {
  it('denies a member writing the household fields or the shared balance on their own document', async () => {
    const db = firestoreOf(stranger)
    const own = doc(db, paths.member(stranger.uid))
    const fake = { ownerUid: owner.uid, ownerName: 'Owner', since: new Date().toISOString() }
    expect(await failure(updateDoc(own, { household: fake }))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(updateDoc(own, { sharedPoints: { balance: 99_999, tierId: 'platinum' } }))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(updateDoc(own, { householdMembers: [owner.uid] }))).toMatchObject({ code: 'permission-denied' })
    const after = await memberDoc(stranger.uid)
    expect(after.household).toBeUndefined()
    expect(after.sharedPoints).toBeUndefined()
  })

  it('lets the owner read their household and nobody else read it or write it', async () => {
    const member = await joinedMember('Reader')
    await accept(member, (await invite(owner)).code)
    const ownerRows = await getDocs(collection(firestoreOf(owner), paths.householdMembers(owner.uid)))
    expect(ownerRows.docs.map((d) => d.id)).toContain(member.uid)

    const strangerDb = firestoreOf(stranger)
    expect(await failure(getDocs(collection(strangerDb, paths.householdMembers(owner.uid))))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(getDoc(doc(strangerDb, paths.householdMember(owner.uid, member.uid))))).toMatchObject({ code: 'permission-denied' })
    // Not even the household member reads the owner's list, ledger or document.
    const memberDb = firestoreOf(member)
    expect(await failure(getDocs(collection(memberDb, paths.householdMembers(owner.uid))))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(getDocs(collection(memberDb, paths.ledger(owner.uid))))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(getDoc(doc(memberDb, paths.member(owner.uid))))).toMatchObject({ code: 'permission-denied' })
    // Nor does anyone read invites (their codes are keys) or write the owner's list.
    expect(await failure(getDocs(collection(firestoreOf(owner), 'householdInvites')))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(updateDoc(doc(firestoreOf(owner), paths.householdMember(owner.uid, member.uid)), { earned: 1_000_000 }))).toMatchObject({
      code: 'permission-denied',
    })
    // Removing someone from a household that is not yours is refused.
    expect(await failure(stranger.call('removeHouseholdMember', { uid: member.uid }))).toEqual({
      code: 'failed-precondition',
      reason: 'household-not-member',
    })
    expect((await memberDoc(member.uid)).household?.ownerUid).toBe(owner.uid)
  })
})
