import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckInResult, CounterKeyResult, PosterCodeResult } from '../../src/domain/contracts/callable-results'
import { createCounterCode } from '../../src/domain/partners/counter-code'
import { fromBase64 } from '../../src/domain/shared/crypto'
import { paths } from '../../src/domain/shared/paths'
import { posterLink } from '../../src/domain/partners/poster-code'
import { checkInvariants } from '../../scripts/invariants'
import { demoConfig } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'
import { PRINTED_PARTNER, SCREEN_PARTNER, atTheStore, printedCode, screenCode, visit } from './support/visits'

let operator: Client
let cafeStaff: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[operator, cafeStaff] = await Promise.all([roleClient({ role: 'admin' }), roleClient({ role: 'staff', partnerId: SCREEN_PARTNER })])
})

afterAll(async () => {
  await closeAdmin()
})

const checkIns = async (uid: string) => (await ledgerDocs(uid)).filter((e) => e.reason === 'check_in')

describe('printed codes (a poster, with the position)', () => {
  it('pay once per partner per day, from the code or its link; another scan that day is told "already today"', async () => {
    const member = await joinedMember()
    const code = await printedCode(PRINTED_PARTNER)
    const first = await visit(member, { code: posterLink('http://localhost:5173', code), location: atTheStore(PRINTED_PARTNER) })
    expect(first).toMatchObject({ partnerId: PRINTED_PARTNER, points: 5, alreadyToday: false, replayed: false, visitsThisMonth: 1 })
    const second = await visit(member, { code, location: atTheStore(PRINTED_PARTNER) })
    expect(second).toMatchObject({ points: 0, alreadyToday: true, replayed: false })
    expect((await memberDoc(member.uid)).balance).toBe(55)
    expect(await checkIns(member.uid)).toHaveLength(1)
  })

  it('need a precise position near the store', async () => {
    const member = await joinedMember()
    const code = await printedCode('gan-toys')
    const jerusalem = { lat: 31.7767, lng: 35.2345, accuracy: 30 }
    expect(await failure(visit(member, { code, location: jerusalem }))).toEqual({ code: 'failed-precondition', reason: 'too-far' })
    expect(await failure(visit(member, { code, location: null }))).toEqual({ code: 'failed-precondition', reason: 'location-required' })
    expect(await failure(visit(member, { code }))).toEqual({ code: 'failed-precondition', reason: 'location-required' })
    expect(await failure(visit(member, { code, location: atTheStore('gan-toys', 150) }))).toEqual({
      code: 'failed-precondition',
      reason: 'location-inaccurate',
    })
    expect((await visit(member, { code, location: atTheStore('gan-toys', 100) })).points).toBe(5)
  })

  it('are re-issued by the operator: the new poster works, the old one is refused, a retry re-issues once', async () => {
    const before = await operator.call<object, PosterCodeResult>('getPosterCode', { partnerId: 'hadar-pharm' })
    const reissueId = requestId()
    const reissued = await operator.call<object, PosterCodeResult>('reissuePosterCode', { partnerId: 'hadar-pharm', requestId: reissueId })
    expect(reissued.version).toBe(before.version + 1)
    expect(reissued.code).not.toBe(before.code)
    const retried = await operator.call<object, PosterCodeResult>('reissuePosterCode', { partnerId: 'hadar-pharm', requestId: reissueId })
    expect(retried).toEqual(reissued)
    expect(await operator.call<object, PosterCodeResult>('getPosterCode', { partnerId: 'hadar-pharm' })).toEqual(reissued)

    const member = await joinedMember()
    expect(await failure(visit(member, { code: before.code, location: atTheStore('hadar-pharm') }))).toEqual({
      code: 'failed-precondition',
      reason: 'poster-replaced',
    })
    expect((await visit(member, { code: reissued.code, location: atTheStore('hadar-pharm') })).points).toBe(3)
  })

  it('are issued for printed partners only, and re-issued by operators only', async () => {
    expect(await failure(operator.call('getPosterCode', { partnerId: SCREEN_PARTNER }))).toEqual({
      code: 'failed-precondition',
      reason: 'visit-mode-screen',
    })
    expect(await failure(operator.call('reissuePosterCode', { partnerId: SCREEN_PARTNER }))).toEqual({
      code: 'failed-precondition',
      reason: 'visit-mode-screen',
    })
    const booksStaff = await roleClient({ role: 'staff', partnerId: PRINTED_PARTNER })
    expect((await failure(booksStaff.call('reissuePosterCode', { partnerId: PRINTED_PARTNER }))).code).toBe('permission-denied')
    const member = await joinedMember()
    expect((await failure(member.call('reissuePosterCode', { partnerId: PRINTED_PARTNER }))).code).toBe('permission-denied')
    expect((await failure(operator.call('reissuePosterCode', { partnerId: 'Not a slug' }))).code).toBe('invalid-argument')
  })
})

describe('screen codes (the counter device)', () => {
  it('the counter device signs with the key its staff fetched, and members earn from the code it shows', async () => {
    const { key, stepSeconds } = await cafeStaff.call<object, CounterKeyResult>('getCounterKey', { partnerId: SCREEN_PARTNER })
    expect(stepSeconds).toBe(30)
    const shown = await createCounterCode(fromBase64(key), SCREEN_PARTNER, Date.now())
    // A shared screen: every member in the shop scans the same code, each once a day.
    const [a, b] = await Promise.all([joinedMember(), joinedMember()])
    expect(await visit(a, { code: posterLink('http://localhost:5173', shown) })).toMatchObject({ points: 5, alreadyToday: false })
    expect(await visit(b, { code: shown })).toMatchObject({ points: 5, alreadyToday: false })
    expect(await visit(a, { code: shown })).toMatchObject({ points: 0, alreadyToday: true })
    expect(await visit(a, { code: await screenCode(SCREEN_PARTNER) })).toMatchObject({ points: 0, alreadyToday: true })
    expect((await memberDoc(a.uid)).balance).toBe(55)
  })

  it('need no position, and are judged by the server’s clock: one step either side', async () => {
    const member = await joinedMember()
    const lastStep = await screenCode(SCREEN_PARTNER, Date.now() - 20_000)
    expect((await visit(member, { code: lastStep, location: null })).points).toBe(5)
    const other = await joinedMember()
    expect(await failure(visit(other, { code: await screenCode(SCREEN_PARTNER, Date.now() - 90_000) }))).toEqual({
      code: 'failed-precondition',
      reason: 'visit-code-expired',
    })
  })

  it('the key goes to that store’s staff and operators, and only for a screen store', async () => {
    const viaAdmin = await operator.call<object, CounterKeyResult>('getCounterKey', { partnerId: SCREEN_PARTNER })
    const viaStaff = await cafeStaff.call<object, CounterKeyResult>('getCounterKey', { partnerId: SCREEN_PARTNER })
    expect(viaAdmin.key).toBe(viaStaff.key)
    expect(await failure(operator.call('getCounterKey', { partnerId: PRINTED_PARTNER }))).toEqual({
      code: 'failed-precondition',
      reason: 'visit-mode-printed',
    })
    const snap = await admin().db.doc(paths.partnerSecret(SCREEN_PARTNER)).get()
    expect(snap.get('counterKey')).toBe(viaStaff.key)
  })
})

describe('a retry of the same scan', () => {
  it('answers with the visit first recorded, even once the code it carried has expired', async () => {
    const member = await joinedMember()
    const scan = { code: await screenCode(SCREEN_PARTNER), requestId: requestId() }
    const first = await visit(member, scan)
    expect(first).toMatchObject({ points: 5, replayed: false, alreadyToday: false })
    const retried = await visit(member, scan)
    expect(retried).toEqual({ ...first, replayed: true })
    // The answer was lost and the phone scans the screen again later: same request id, same answer.
    const later = await visit(member, { code: await screenCode(SCREEN_PARTNER, Date.now() - 5 * 60_000), requestId: scan.requestId })
    expect(later).toEqual({ ...first, replayed: true })
    expect(await checkIns(member.uid)).toHaveLength(1)
    expect((await checkIns(member.uid))[0]).toMatchObject({ requestId: scan.requestId, points: 5 })
    expect((await memberDoc(member.uid)).balance).toBe(55)
  })

  it('includes the streak bonus it paid, on the fifth different partner in a month, paid once', async () => {
    const member = await joinedMember()
    const results: CheckInResult[] = []
    results.push(await visit(member, { code: await screenCode(SCREEN_PARTNER) }))
    for (const partnerId of ['super-hashchuna', 'delek-hatsafon', 'gan-toys']) {
      results.push(await visit(member, { code: await printedCode(partnerId), location: atTheStore(partnerId) }))
    }
    const fifth = { code: await printedCode(PRINTED_PARTNER), location: atTheStore(PRINTED_PARTNER), requestId: requestId() }
    results.push(await visit(member, fifth))
    results.push(await visit(member, { code: await printedCode('hadar-pharm'), location: atTheStore('hadar-pharm') }))
    expect(results.map((r) => r.streakBonus)).toEqual([0, 0, 0, 0, 100, 0])
    expect(results[4]).toMatchObject({ points: 105, visitsThisMonth: 5 })
    expect(await visit(member, fifth)).toEqual({ ...results[4], replayed: true })
    expect((await ledgerDocs(member.uid)).filter((e) => e.reason === 'visit_streak')).toHaveLength(1)
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  })
})
