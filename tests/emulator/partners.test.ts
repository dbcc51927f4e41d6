import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CardKeyResult, CheckInResult, MemberAtTill, PurchaseResult } from '../../src/domain/callable-results'
import type { CheckInInput, RecordPurchaseInput } from '../../src/domain/callable-schemas'
import { createCardToken } from '../../src/domain/card-token'
import { fromBase64 } from '../../src/domain/crypto'
import { generateMemberNumber } from '../../src/domain/member-number'
import { posterLink } from '../../src/domain/poster-code'
import { posterCodeFor } from '../../functions/src/partners/poster-key'
import { checkInvariants } from '../../scripts/invariants'
import { demoConfig, demoPartners } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, receiptId, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'

let cafe: Client
let books: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[cafe, books] = await Promise.all([
    roleClient({ role: 'staff', partnerId: 'cafe-shachar' }),
    roleClient({ role: 'staff', partnerId: 'carmel-books' }),
  ])
})

afterAll(async () => {
  await closeAdmin()
})

/** A member whose phone has fetched its card key, and can show a token for any moment. */
async function memberWithCard() {
  const member = await joinedMember('Card Holder')
  const { key, version } = await member.call<object, CardKeyResult>('getCardKey', {})
  expect(version).toBe(1)
  const bytes = fromBase64(key)
  return { ...member, tokenAt: (at: Date | number = Date.now()) => createCardToken(bytes, member.memberNo, at) }
}

const purchase = (staff: Client, input: RecordPurchaseInput) => staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)

describe('card tokens at the till', () => {
  it('records a purchase once under 20 parallel duplicates of the same scan', async () => {
    const member = await memberWithCard()
    const input = { token: await member.tokenAt(), amount: 30, receiptId: receiptId() }
    const results = await Promise.all(Array.from({ length: 20 }, () => purchase(cafe, input)))
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(results.every((r) => r.points === 60 && r.firstName === 'Card')).toBe(true)
    expect((await ledgerDocs(member.uid)).filter((e) => e.source === 'purchase')).toHaveLength(1)
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  }, 120_000)

  it('refuses a token used for a second purchase, and one from two minutes ago', async () => {
    const member = await memberWithCard()
    const token = await member.tokenAt()
    await purchase(cafe, { token, amount: 10, receiptId: receiptId() })
    expect(await failure(purchase(cafe, { token, amount: 12, receiptId: receiptId() }))).toEqual({
      code: 'failed-precondition',
      reason: 'token-reused',
    })
    const stale = await member.tokenAt(Date.now() - 120_000)
    expect(await failure(purchase(cafe, { token: stale, amount: 12, receiptId: receiptId() }))).toEqual({
      code: 'failed-precondition',
      reason: 'token-expired',
    })
    expect((await memberDoc(member.uid)).balance).toBe(70)
  })

  it('tells a forged, malformed or unknown card apart', async () => {
    const member = await memberWithCard()
    const token = await member.tokenAt()
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    expect(await failure(purchase(cafe, { token: tampered, amount: 5, receiptId: receiptId() }))).toEqual({
      code: 'failed-precondition',
      reason: 'token-bad-signature',
    })
    expect(await failure(purchase(cafe, { token: 'V1.not-a-card-code', amount: 5, receiptId: receiptId() }))).toEqual({
      code: 'invalid-argument',
      reason: 'token-malformed',
    })
    let stranger = generateMemberNumber(Math.random)
    while (stranger === member.memberNo) stranger = generateMemberNumber(Math.random)
    const unknown = `V1.${stranger}.${token.split('.')[2]}.${token.split('.')[3]}`
    expect(await failure(purchase(cafe, { token: unknown, amount: 5, receiptId: receiptId() }))).toEqual({
      code: 'not-found',
      reason: 'unknown-member',
    })
  })

  it('is accepted by staff of any partner (a coalition), and by nobody else', async () => {
    const member = await memberWithCard()
    const result = await purchase(books, { token: await member.tokenAt(), amount: 20, receiptId: receiptId() })
    expect(result.points).toBe(30)
    const other = await joinedMember()
    expect((await failure(other.call('recordPurchase', { token: await member.tokenAt(), amount: 20, receiptId: receiptId() }))).code).toBe(
      'permission-denied',
    )
  })

  it('shows the till who it is without using the token up', async () => {
    const member = await memberWithCard()
    const token = await member.tokenAt()
    expect(await cafe.call<object, MemberAtTill>('lookupMember', { token })).toEqual({ memberNo: member.memberNo, firstName: 'Card', tierId: 'silver' })
    expect(await cafe.call<object, MemberAtTill>('lookupMember', { memberNo: member.memberNo })).toMatchObject({ firstName: 'Card' })
    expect((await failure(member.call('lookupMember', { token }))).code).toBe('permission-denied')
    await purchase(cafe, { token, amount: 10, receiptId: receiptId() })
  })

  it('makes old tokens worthless once the member rotates the key', async () => {
    const member = await memberWithCard()
    const old = await member.tokenAt()
    const rotated = await member.call<object, CardKeyResult>('rotateCardKey', {})
    expect(rotated.version).toBe(2)
    expect((await memberDoc(member.uid)).cardKeyVersion).toBe(2)
    expect(await failure(purchase(cafe, { token: old, amount: 10, receiptId: receiptId() }))).toMatchObject({ reason: 'token-bad-signature' })
    const fresh = await createCardToken(fromBase64(rotated.key), member.memberNo, Date.now())
    expect((await purchase(cafe, { token: fresh, amount: 10, receiptId: receiptId() })).points).toBe(20)
  })

  it('accepts a purchase queued offline by its scan time, once, however often it is replayed', async () => {
    const member = await memberWithCard()
    const scannedAt = new Date(Date.now() - 10 * 60_000)
    const queued = { token: await member.tokenAt(scannedAt), amount: 25, receiptId: receiptId(), scannedAt: scannedAt.toISOString() }
    const first = await purchase(cafe, queued)
    const again = await purchase(cafe, queued)
    const third = await purchase(cafe, queued)
    expect([first.replayed, again.replayed, third.replayed]).toEqual([false, true, true])
    expect((await ledgerDocs(member.uid)).filter((e) => e.source === 'purchase')).toHaveLength(1)
    // The same token sent without its scan time is long expired.
    expect(await failure(purchase(cafe, { token: queued.token, amount: 25, receiptId: receiptId() }))).toMatchObject({ reason: 'token-expired' })
    const ancient = new Date(Date.now() - 4 * 86_400_000)
    expect(
      await failure(purchase(cafe, { token: await member.tokenAt(ancient), amount: 5, receiptId: receiptId(), scannedAt: ancient.toISOString() })),
    ).toMatchObject({ reason: 'scan-too-old' })
  })

  it('keeps card keys out of reach: only the member, through the function', async () => {
    const stranger = await newClient({ signUp: true })
    expect(await failure(stranger.call('getCardKey', {}))).toEqual({ code: 'failed-precondition', reason: 'not-a-member' })
  })
})

describe('checkIn', () => {
  const code = (partnerId: string) => posterCodeFor(admin().db, partnerId)
  const scanIn = (member: Client, input: CheckInInput) => member.call<CheckInInput, CheckInResult>('checkIn', input)

  it('pays once per partner per day, from the poster code or its link', async () => {
    const member = await joinedMember()
    const first = await scanIn(member, { code: posterLink('http://localhost:5173', await code('cafe-shachar')) })
    expect(first).toMatchObject({ partnerId: 'cafe-shachar', points: 5, alreadyToday: false, visitsThisMonth: 1 })
    const second = await scanIn(member, { code: await code('cafe-shachar') })
    expect(second).toMatchObject({ points: 0, alreadyToday: true })
    expect((await memberDoc(member.uid)).balance).toBe(55)
    expect((await ledgerDocs(member.uid)).filter((e) => e.reason === 'check_in')).toHaveLength(1)
  })

  it('refuses a forged or altered poster', async () => {
    const member = await joinedMember()
    const genuine = await code('cafe-shachar')
    const altered = genuine.replace('cafe-shachar', 'gan-toys')
    expect(await failure(scanIn(member, { code: altered }))).toEqual({ code: 'failed-precondition', reason: 'poster-forged' })
    expect(await failure(scanIn(member, { code: 'P1.cafe-shachar.AAAAAAAAAAAAAAAA' }))).toEqual({ code: 'failed-precondition', reason: 'poster-forged' })
    expect((await memberDoc(member.uid)).balance).toBe(50)
  })

  it('refuses a reported position far from the store', async () => {
    const member = await joinedMember()
    const jerusalem = { lat: 31.7767, lng: 35.2345, accuracy: 30 }
    expect(await failure(scanIn(member, { code: await code('gan-toys'), location: jerusalem }))).toEqual({
      code: 'failed-precondition',
      reason: 'too-far',
    })
    const atTheShop = { ...demoPartners.find((p) => p.id === 'gan-toys')!.location, accuracy: 20 }
    expect((await scanIn(member, { code: await code('gan-toys'), location: atTheShop })).points).toBe(5)
  })

  it('pays the streak bonus once, on the fifth different partner in a month', async () => {
    const member = await joinedMember()
    const partners = ['cafe-shachar', 'super-hashchuna', 'delek-hatsafon', 'gan-toys', 'carmel-books', 'hadar-pharm']
    const results: CheckInResult[] = []
    for (const partnerId of partners) results.push(await scanIn(member, { code: await code(partnerId) }))
    expect(results.map((r) => r.streakBonus)).toEqual([0, 0, 0, 0, 100, 0])
    expect(results[4]!.visitsThisMonth).toBe(5)
    const streak = (await ledgerDocs(member.uid)).filter((e) => e.reason === 'visit_streak')
    expect(streak).toHaveLength(1)
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  })
})
