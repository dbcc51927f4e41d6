import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CardKeyResult, MemberAtTill, PurchaseResult } from '../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput } from '../../src/domain/contracts/callable-schemas'
import { createCardToken } from '../../src/domain/cards/card-token'
import { fromBase64 } from '../../src/domain/shared/crypto'
import { generateMemberNumber } from '../../src/domain/cards/member-number'
import { checkInvariants } from '../../scripts/invariants'
import { demoConfig } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, receiptId, TEST_TILL, type Client } from './support/club'
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

const purchase = (staff: Client, input: Omit<RecordPurchaseInput, 'tillId'>) =>
  staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', { tillId: TEST_TILL, ...input })

describe('card tokens at the till', () => {
  it('records a purchase once under 20 parallel duplicates of the same scan', async () => {
    const member = await memberWithCard()
    const input = { token: await member.tokenAt(), amount: 30, receiptId: receiptId() }
    const results = await Promise.all(Array.from({ length: 20 }, () => purchase(cafe, input)))
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(results.every((r) => r.points === 60 && r.displayName === 'Card H.')).toBe(true)
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
    expect(await cafe.call<object, MemberAtTill>('lookupMember', { token })).toEqual({ memberNo: member.memberNo, displayName: 'Card H.', tierId: 'silver' })
    expect(await cafe.call<object, MemberAtTill>('lookupMember', { memberNo: member.memberNo })).toMatchObject({ displayName: 'Card H.' })
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
    // The offline window is 12 hours: a scan from 13 hours ago is refused, 11 hours ago accepted.
    const late = new Date(Date.now() - 13 * 3_600_000)
    expect(
      await failure(purchase(cafe, { token: await member.tokenAt(late), amount: 5, receiptId: receiptId(), scannedAt: late.toISOString() })),
    ).toEqual({ code: 'failed-precondition', reason: 'scan-too-old' })
    const inWindow = new Date(Date.now() - 11 * 3_600_000)
    const kept = await purchase(cafe, { token: await member.tokenAt(inWindow), amount: 5, receiptId: receiptId(), scannedAt: inWindow.toISOString() })
    expect(kept).toMatchObject({ status: 'recorded', points: 10, replayed: false })
  })

  it('keeps card keys out of reach: only the member, through the function', async () => {
    const stranger = await newClient({ signUp: true })
    expect(await failure(stranger.call('getCardKey', {}))).toEqual({ code: 'failed-precondition', reason: 'not-a-member' })
  })
})
