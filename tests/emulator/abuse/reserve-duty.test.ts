// Reserve duty as an attacker would use it: a script signed in as a member declaring duty to rescue
// points that are about to expire or already did, back-dating past the limit, stacking overlapping
// or endless declarations, declaring for someone else, revoking its own limit away, or writing the
// streak and the duty summary with the web SDK. Each refusal is asserted by its code, and nothing
// changes.
import { connectFirestoreEmulator, doc, getFirestore, serverTimestamp, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeclareReserveDutyResult } from '../../../src/domain/earn/reserve-duty'
import { daysFrom } from '../../../src/domain/earn/reserve-duty'
import { addDays, addMonths, localDate } from '../../../src/domain/shared/calendar'
import { paths } from '../../../src/domain/shared/paths'
import { EMULATOR_PORTS } from '../../../src/domain/shared/platform'
import type { MaintenanceStats } from '../../../functions/src/maintenance/run'
import { EMULATOR_HOST } from '../../../scripts/lib/emulator-admin'
import { demoConfig } from '../../../scripts/demo-club'
import { checkInvariants } from '../../../scripts/invariants'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, memberSince, requestId, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'

let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

const today = () => localDate(new Date(), demoConfig.timeZone)
const declare = (member: Client, input: Record<string, unknown>) =>
  member.call<unknown, DeclareReserveDutyResult>('declareReserveDuty', { requestId: requestId(), ...input })

async function snapshot(uid: string) {
  const data = await memberDoc(uid)
  const duties = (await admin().db.collection(paths.reserveDuties(uid)).get()).docs.map((d) => ({ id: d.id, ...d.data() }))
  return {
    balance: data.balance,
    buckets: data.expiryBuckets,
    nextExpiryOn: data.nextExpiryOn,
    tierReviewOn: data.tierReviewOn,
    reserveDuty: data.reserveDuty ?? null,
    streak: data.streak ?? null,
    duties,
    entries: (await ledgerDocs(uid)).map((e) => e.id).sort(),
  }
}

function firestoreOf(member: Client) {
  const db = getFirestore(member.app)
  connectFirestoreEmulator(db, EMULATOR_HOST, EMULATOR_PORTS.firestore)
  return db
}

describe('rescuing points with a declaration', () => {
  it('cannot bring back points whose date passed before the declaration, back-dated within the 30 days', async () => {
    // Welcome points earned 13 months ago this month: they expired at the end of last month.
    const member = await memberSince(daysFrom(addMonths(today(), -13), today()))
    const [expiresOn] = Object.keys((await memberDoc(member.uid)).expiryBuckets)
    expect(expiresOn! < today()).toBe(true)
    // The expiry job has not reached them yet; the member declares duty from 30 days back.
    const declared = await declare(member, { from: addDays(today(), -30), until: addDays(today(), 10) })
    expect(declared.replayed).toBe(false)
    expect((await memberDoc(member.uid)).nextExpiryOn).toBe(expiresOn)
    await operator.call<object, MaintenanceStats>('runMaintenance', {})
    expect((await memberDoc(member.uid)).balance).toBe(0)
    expect((await ledgerDocs(member.uid)).filter((e) => e.type === 'expire')).toHaveLength(1)
    await expect(checkInvariants(admin().db, demoConfig, [member.uid])).resolves.toEqual([])
  })

  it('cannot reach further back than 30 days, or run longer than 180, to stretch old points', async () => {
    const member = await memberSince(daysFrom(addMonths(today(), -12), today()))
    const before = await snapshot(member.uid)
    expect(await failure(declare(member, { from: addDays(today(), -31), until: today() }))).toEqual({ code: 'invalid-argument', reason: 'duty-too-far-back' })
    expect(await failure(declare(member, { from: '2020-01-01', until: '2020-06-01' }))).toEqual({ code: 'invalid-argument', reason: 'duty-too-far-back' })
    expect(await failure(declare(member, { from: today(), until: addDays(today(), 365) }))).toEqual({ code: 'invalid-argument', reason: 'duty-too-long' })
    expect(await failure(declare(member, { from: addDays(today(), 6), until: '9999-12-31' }))).toEqual({ code: 'invalid-argument', reason: 'duty-too-long' })
    expect(await snapshot(member.uid)).toEqual(before)
  })

  it('cannot stack declarations: overlapping ones, or more than 3 in 12 months, are refused', async () => {
    const member = await joinedMember()
    await declare(member, { from: addDays(today(), -30), until: addDays(today(), -25) })
    const afterFirst = await snapshot(member.uid)
    const overlaps = [
      { from: addDays(today(), -30), until: addDays(today(), -25) },
      { from: addDays(today(), -28), until: addDays(today(), -27) },
      { from: addDays(today(), -29), until: addDays(today(), 5) },
    ]
    for (const dates of overlaps) expect(await failure(declare(member, dates))).toEqual({ code: 'failed-precondition', reason: 'duty-overlaps' })
    expect(await snapshot(member.uid)).toEqual(afterFirst)
    // In parallel, back to back: transactions see each other, so at most 3 land and none overlap.
    const rush = await Promise.allSettled(
      [-20, -15, -10, -5, 0].map((start) => declare(member, { from: addDays(today(), start), until: addDays(today(), start + 3) })),
    )
    expect(rush.filter((r) => r.status === 'fulfilled')).toHaveLength(2)
    for (const r of rush.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(String((r.reason as { code?: string }).code)).toBe('functions/resource-exhausted')
    }
    expect((await snapshot(member.uid)).duties).toHaveLength(3)
  })

  it('declares only for the caller: a uid in the input is ignored', async () => {
    const [attacker, victim] = await Promise.all([joinedMember(), joinedMember()])
    const victimBefore = await snapshot(victim.uid)
    await declare(attacker, { uid: victim.uid, from: today(), until: addDays(today(), 3) })
    expect(await snapshot(victim.uid)).toEqual(victimBefore)
    expect((await snapshot(attacker.uid)).duties).toHaveLength(1)
  })

  it('replays a request id with other dates as the first declaration, without a second one', async () => {
    const member = await joinedMember()
    const id = requestId()
    const first = await declare(member, { requestId: id, from: today(), until: addDays(today(), 3) })
    const replay = await declare(member, { requestId: id, from: addDays(today(), -30), until: addDays(today(), 150) })
    expect(replay).toEqual({ ...first, replayed: true })
    expect((await snapshot(member.uid)).duties).toHaveLength(1)
  })
})

describe('what only the operator may do', () => {
  it('refuses a member revoking a declaration (its own or another’s), and changes nothing', async () => {
    const [member, other] = await Promise.all([joinedMember(), joinedMember()])
    const declared = await declare(member, { from: today(), until: addDays(today(), 3) })
    const before = await snapshot(member.uid)
    for (const [caller, uid] of [[member, member.uid], [other, member.uid]] as const) {
      expect((await failure(caller.call('revokeReserveDuty', { uid, declarationId: declared.id, note: 'mine to undo' }))).code).toBe('permission-denied')
    }
    expect(await snapshot(member.uid)).toEqual(before)
  })

  it('refuses writing the streak or the duty summary with the web SDK', async () => {
    const member = await joinedMember()
    const before = await snapshot(member.uid)
    const ref = doc(firestoreOf(member), paths.member(member.uid))
    const attempts = [
      { streak: { weekly: { count: 52, best: 52, last: '2026-11-22', start: '2025-11-23', freezes: 2, sinceFreeze: 0 } } },
      { reserveDuty: { active: null, pauses: [{ from: '2020-01-01', until: '2030-01-01', declaredOn: '2020-01-01' }], declaredFroms: [] } },
      { nextExpiryOn: '9999-12-31' },
    ]
    for (const fields of attempts) {
      expect((await failure(updateDoc(ref, { ...fields, updatedAt: serverTimestamp() }))).code).toBe('permission-denied')
    }
    expect(await snapshot(member.uid)).toEqual(before)
  })
})
