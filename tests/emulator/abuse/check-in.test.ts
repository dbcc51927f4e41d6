// Visits as an attacker would try them: a script with a member's (or a staff member's) account
// calling `checkIn` and the visit-code callables directly. Each refusal is asserted by its code,
// and nothing may have changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckInResult, CounterKeyResult, PosterCodeResult } from '../../../src/domain/contracts/callable-results'
import type { CheckInInput } from '../../../src/domain/contracts/callable-schemas'
import { createCounterCode, parseCounterCode } from '../../../src/domain/partners/counter-code'
import { fromBase64 } from '../../../src/domain/shared/crypto'
import { paths } from '../../../src/domain/shared/paths'
import { checkInvariants } from '../../../scripts/invariants'
import { demoConfig } from '../../../scripts/demo-club'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from '../support/emulators'
import { PRINTED_PARTNER, SCREEN_PARTNER, atTheStore, printedCode, screenCode, visit } from '../support/visits'

let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

/** The member's balance and ledger, to show a refusal changed nothing. */
async function snapshot(uid: string) {
  const ledger = await ledgerDocs(uid)
  return { balance: (await memberDoc(uid)).balance as number, entries: ledger.map((e) => e.id).sort() }
}

async function refusedWithoutChange(member: { uid: string }, attempt: () => Promise<unknown>, expected: { code: string; reason?: string }) {
  const before = await snapshot(member.uid)
  expect(await failure(attempt())).toEqual(expected)
  expect(await snapshot(member.uid)).toEqual(before)
}

describe('a printed code', () => {
  it('photographed before the operator re-issued the poster is refused afterwards', async () => {
    const photographed = await printedCode('super-hashchuna')
    await operator.call<object, PosterCodeResult>('reissuePosterCode', { partnerId: 'super-hashchuna' })
    const member = await joinedMember()
    await refusedWithoutChange(member, () => visit(member, { code: photographed, location: atTheStore('super-hashchuna') }), {
      code: 'failed-precondition',
      reason: 'poster-replaced',
    })
  })

  it('without a position is refused', async () => {
    const member = await joinedMember()
    const code = await printedCode(PRINTED_PARTNER)
    await refusedWithoutChange(member, () => visit(member, { code, location: null }), {
      code: 'failed-precondition',
      reason: 'location-required',
    })
  })

  it('from home, across town, is refused', async () => {
    const member = await joinedMember()
    const home = { lat: 32.1133, lng: 34.8044, accuracy: 10 } // Ramat Aviv, some 5 km north
    const code = await printedCode(PRINTED_PARTNER)
    await refusedWithoutChange(member, () => visit(member, { code, location: home }), {
      code: 'failed-precondition',
      reason: 'too-far',
    })
  })

  it('with a 5 km "accuracy" that would cover the store is refused', async () => {
    const member = await joinedMember()
    const code = await printedCode(PRINTED_PARTNER)
    await refusedWithoutChange(member, () => visit(member, { code, location: atTheStore(PRINTED_PARTNER, 5_000) }), {
      code: 'failed-precondition',
      reason: 'location-inaccurate',
    })
  })

  it('edited to a newer version number is not genuine', async () => {
    const member = await joinedMember()
    const current = await printedCode(PRINTED_PARTNER)
    const [prefix, partnerId, version, signature] = current.split('.')
    const bumped = `${prefix}.${partnerId}.${Number(version) + 1}.${signature}`
    await refusedWithoutChange(member, () => visit(member, { code: bumped, location: atTheStore(PRINTED_PARTNER) }), {
      code: 'failed-precondition',
      reason: 'poster-forged',
    })
  })
})

describe('a screen code', () => {
  it('screenshotted and sent to a friend who scans it 3 minutes later is refused', async () => {
    const screenshot = await screenCode(SCREEN_PARTNER, Date.now() - 3 * 60_000)
    const friend = await joinedMember()
    await refusedWithoutChange(friend, () => visit(friend, { code: screenshot }), { code: 'failed-precondition', reason: 'visit-code-expired' })
  })

  it('with its step moved forward to look fresh is not genuine', async () => {
    const old = parseCounterCode(await screenCode(SCREEN_PARTNER, Date.now() - 3 * 60_000))!
    const member = await joinedMember()
    const moved = `S1.${old.partnerId}.${old.step + 6}.${old.code}`
    await refusedWithoutChange(member, () => visit(member, { code: moved }), { code: 'failed-precondition', reason: 'poster-forged' })
  })

  it('of partner A presented as partner B is refused', async () => {
    const member = await joinedMember()
    const fromA = parseCounterCode(await screenCode(SCREEN_PARTNER))!
    // B's name on A's code, and a code signed with A's key in B's name.
    const renamed = `S1.gan-toys.${fromA.step}.${fromA.code}`
    const keyA = await operator.call<object, CounterKeyResult>('getCounterKey', { partnerId: SCREEN_PARTNER })
    const signedForB = await createCounterCode(fromBase64(keyA.key), 'gan-toys', Date.now())
    for (const code of [renamed, signedForB]) {
      await refusedWithoutChange(member, () => visit(member, { code }), { code: 'failed-precondition', reason: 'poster-forged' })
    }
  })

  it('minted for a printed store (which has no screen) is refused', async () => {
    const member = await joinedMember()
    await printedCode(PRINTED_PARTNER)
    // Even a genuine-looking key for the printed store (its secret document exists) does not make
    // a screen code acceptable there.
    const secret = await admin().db.doc(paths.partnerSecret(PRINTED_PARTNER)).get()
    const minted = await createCounterCode(fromBase64(String(secret.get('counterKey'))), PRINTED_PARTNER, Date.now())
    await refusedWithoutChange(member, () => visit(member, { code: minted }), { code: 'failed-precondition', reason: 'poster-replaced' })
  })
})

describe('once a day', () => {
  it('20 parallel check-ins with different request ids the same day pay once', async () => {
    const member = await joinedMember()
    const code = await screenCode(SCREEN_PARTNER)
    const results = await Promise.all(Array.from({ length: 20 }, () => visit(member, { code })))
    expect(results.filter((r) => r.points > 0)).toHaveLength(1)
    expect(results.filter((r) => r.alreadyToday)).toHaveLength(19)
    expect((await ledgerDocs(member.uid)).filter((e) => e.reason === 'check_in')).toHaveLength(1)
    expect((await memberDoc(member.uid)).balance).toBe(55)
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  }, 120_000)

  it('a retry with the same request id gets the same points, replayed, and is paid once', async () => {
    const member = await joinedMember()
    const scan: CheckInInput = { code: await printedCode(PRINTED_PARTNER), location: atTheStore(PRINTED_PARTNER), requestId: requestId() }
    const results = await Promise.all(Array.from({ length: 5 }, () => member.call<CheckInInput, CheckInResult>('checkIn', scan)))
    const again = await member.call<CheckInInput, CheckInResult>('checkIn', scan)
    expect([...results, again].every((r) => r.points === 5 && !r.alreadyToday)).toBe(true)
    expect([...results, again].filter((r) => !r.replayed)).toHaveLength(1)
    expect(again.replayed).toBe(true)
    expect((await ledgerDocs(member.uid)).filter((e) => e.reason === 'check_in')).toHaveLength(1)
    expect((await memberDoc(member.uid)).balance).toBe(55)
  }, 60_000)

  it('another member’s request id does not replay that member’s visit', async () => {
    const [victim, thief] = await Promise.all([joinedMember(), joinedMember()])
    const scan = { code: await screenCode(SCREEN_PARTNER), requestId: requestId() }
    await visit(victim, scan)
    const stolen = await visit(thief, scan)
    expect(stolen).toMatchObject({ replayed: false, points: 5 })
    expect(await visit(thief, scan)).toMatchObject({ replayed: true, points: 5 })
    expect((await memberDoc(victim.uid)).balance).toBe(55)
    expect((await memberDoc(thief.uid)).balance).toBe(55)
  })
})

describe('the counter key', () => {
  it('staff of partner B asking for partner A’s key are refused', async () => {
    const books = await roleClient({ role: 'staff', partnerId: PRINTED_PARTNER })
    expect((await failure(books.call('getCounterKey', { partnerId: SCREEN_PARTNER }))).code).toBe('permission-denied')
  })

  it('a member asking for it is refused, and so is a signed-out caller', async () => {
    const member = await joinedMember()
    expect((await failure(member.call('getCounterKey', { partnerId: SCREEN_PARTNER }))).code).toBe('permission-denied')
    const anonymous = await newClient({ signUp: false })
    expect((await failure(anonymous.call('getCounterKey', { partnerId: SCREEN_PARTNER }))).code).toBe('unauthenticated')
  })

  it('a stolen counter device is cut off when the operator rotates the key', async () => {
    const staff = await roleClient({ role: 'staff', partnerId: SCREEN_PARTNER })
    const stolen = fromBase64((await staff.call<object, CounterKeyResult>('getCounterKey', { partnerId: SCREEN_PARTNER })).key)
    expect((await failure(staff.call('rotateCounterKey', { partnerId: SCREEN_PARTNER }))).code).toBe('permission-denied')
    const rotation = { partnerId: SCREEN_PARTNER, requestId: requestId() }
    expect(await operator.call('rotateCounterKey', rotation)).toEqual({ partnerId: SCREEN_PARTNER, rotated: true })
    const fresh = await staff.call<object, CounterKeyResult>('getCounterKey', { partnerId: SCREEN_PARTNER })
    // The operator's retry does not rotate a second time.
    await operator.call('rotateCounterKey', rotation)
    expect((await staff.call<object, CounterKeyResult>('getCounterKey', { partnerId: SCREEN_PARTNER })).key).toBe(fresh.key)
    const member = await joinedMember()
    const minted = await createCounterCode(stolen, SCREEN_PARTNER, Date.now())
    await refusedWithoutChange(member, () => visit(member, { code: minted }), { code: 'failed-precondition', reason: 'poster-forged' })
    expect((await visit(member, { code: await screenCode(SCREEN_PARTNER) })).points).toBeGreaterThan(0)
  })

  it('a member cannot re-issue a poster to lock a store out', async () => {
    const member = await joinedMember()
    const before = await operator.call<object, PosterCodeResult>('getPosterCode', { partnerId: PRINTED_PARTNER })
    expect((await failure(member.call('reissuePosterCode', { partnerId: PRINTED_PARTNER }))).code).toBe('permission-denied')
    expect((await failure(member.call('getPosterCode', { partnerId: PRINTED_PARTNER }))).code).toBe('permission-denied')
    expect(await operator.call<object, PosterCodeResult>('getPosterCode', { partnerId: PRINTED_PARTNER })).toEqual(before)
  })
})
