// donatePoints on the emulators: refusals that change nothing, one debit per request id, receipts,
// and a charity's totals and matching budget exact under concurrent donations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdjustPointsInput } from '../../src/domain/contracts/callable-schemas'
import { CharitySchema, DONATION_SHARDS, shardOf, sumShards, type DonatePointsInput, type DonateResult } from '../../src/domain/earn/charities'
import { COLLECTIONS, paths } from '../../src/domain/shared/paths'
import { donatePoints as serverDonate } from '../../functions/src/earn/donate'
import { loadClubConfig } from '../../functions/src/club'
import { adjustPoints as serverAdjust } from '../../functions/src/admin/adjust'
import { joinMember } from '../../functions/src/members/join-member'
import type { ClubConfig } from '../../src/domain/shared/club-config'
import { checkInvariants } from '../../scripts/invariants'
import { demoConfig } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'

let operator: Client
let charities = 0

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

type Member = Awaited<ReturnType<typeof joinedMember>>

/** A charity of the test's own, so its totals start at zero. */
async function newCharity(extra: Partial<Record<string, unknown>> = {}): Promise<string> {
  const id = `charity-${++charities}-${Date.now().toString(36)}`
  const data = CharitySchema.parse({
    id,
    name: { he: 'עמותה לבדיקה', en: 'Test Charity' },
    description: { he: 'לבדיקות', en: 'For tests' },
    logo: '/charities/green-corner.svg',
    minPoints: 50,
    pointValueShekels: 0.1,
    active: true,
    campaigns: [],
    ...extra,
  })
  await admin().db.doc(paths.charity(id)).set(data)
  return id
}

/** A member with `points` in all (the welcome gift topped up by an operator). */
async function memberWith(points: number): Promise<Member> {
  const member = await joinedMember()
  const balance = Number((await memberDoc(member.uid)).balance)
  if (points !== balance) {
    await operator.call<AdjustPointsInput>('adjustPoints', { memberNo: member.memberNo, points: points - balance, note: 'for the test', requestId: requestId() })
  }
  return member
}

/** A member made by the server code directly (no callable), with `points` in all. */
async function serverMember(name: string, points: number, config: ClubConfig) {
  const email = `${name}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.test`
  const { uid } = await admin().auth.createUser({ email, password: 'secret-123' })
  await joinMember(admin().db, {
    uid,
    email,
    input: { name: 'Concurrent Member', birthday: null, interests: ['coffee'], language: 'en', marketingConsent: false, referralCode: null },
    config,
    now: new Date(),
    random: Math.random,
  })
  const balance = Number((await memberDoc(uid)).balance)
  await serverAdjust(admin().db, { uid, points: points - balance, note: 'for the test', requestId: requestId(), by: 'test', config })
  return { uid }
}

const donate = (member: Client, input: DonatePointsInput) => member.call<DonatePointsInput, DonateResult>('donatePoints', input)

async function totals(charityId: string) {
  const snap = await admin().db.collection(`${paths.charity(charityId)}/${COLLECTIONS.charityShards}`).get()
  return { ...sumShards(snap.docs.map((d) => shardOf(d.data()))), shards: snap.docs.map((d) => d.id), raw: snap.docs.map((d) => shardOf(d.data())) }
}

async function donationsOf(uid: string) {
  return (await admin().db.collection(COLLECTIONS.donations).where('uid', '==', uid).get()).docs.map((d) => d.data())
}

/** What a refusal must leave: the same member document, ledger, receipts and totals. */
async function snapshot(member: Member, charityId: string) {
  return { member: await memberDoc(member.uid), ledger: await ledgerDocs(member.uid), donations: await donationsOf(member.uid), totals: await totals(charityId) }
}

describe('donatePoints refuses, and changes nothing', () => {
  it('refuses a donation of more points than the member has', async () => {
    const charityId = await newCharity()
    const member = await memberWith(120)
    const before = await snapshot(member, charityId)
    expect(await failure(donate(member, { charityId, points: 121, requestId: requestId() }))).toEqual({ code: 'failed-precondition', reason: 'insufficient-points' })
    expect(await snapshot(member, charityId)).toEqual(before)
  })

  it('refuses a donation below the charity’s minimum', async () => {
    const charityId = await newCharity({ minPoints: 100 })
    const member = await memberWith(500)
    const before = await snapshot(member, charityId)
    expect(await failure(donate(member, { charityId, points: 99, requestId: requestId() }))).toEqual({ code: 'invalid-argument', reason: 'below-minimum' })
    expect(await snapshot(member, charityId)).toEqual(before)
  })

  it('refuses an unknown charity and callers who are not signed in or not members', async () => {
    const member = await memberWith(200)
    expect(await failure(donate(member, { charityId: 'no-such-charity', points: 100, requestId: requestId() }))).toEqual({ code: 'not-found', reason: 'unknown-charity' })
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    const charityId = await newCharity()
    expect((await failure(donate(staff, { charityId, points: 100, requestId: requestId() }))).code).toBe('permission-denied')
    expect((await failure(donate(operator, { charityId, points: 100, requestId: requestId() }))).code).toBe('permission-denied')
    expect((await totals(charityId)).points).toBe(0)
    expect((await memberDoc(member.uid)).balance).toBe(200)
  })
})

describe('donatePoints gives, once', () => {
  it('debits the ledger, writes a receipt the member can keep and adds to the charity’s totals', async () => {
    const charityId = await newCharity()
    const member = await memberWith(300)
    const result = await donate(member, { charityId, points: 120, requestId: requestId() })
    expect(result).toMatchObject({ balance: 180, replayed: false })
    expect(result.receipt).toMatchObject({ charityId, points: 120, valueShekels: 12, matchedPoints: 0, matchedShekels: 0, matchPartnerId: null })
    expect(result.receipt.receiptNo).toMatch(/^D-\d{8}-[2-9A-Z]{8}$/)
    const entries = (await ledgerDocs(member.uid)).filter((e) => e.source === 'donation')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ type: 'redeem', category: 'spent', points: -120, reason: 'donation', ref: charityId, balanceAfter: 180, receiptNo: result.receipt.receiptNo })
    expect(entries[0]!.charityName).toEqual({ he: 'עמותה לבדיקה', en: 'Test Charity' })
    const [stored] = await donationsOf(member.uid)
    expect(stored).toMatchObject({ uid: member.uid, charityId, points: 120, valueShekels: 12, receiptNo: result.receipt.receiptNo, ledgerEntryId: entries[0]!.id })
    expect(await totals(charityId)).toMatchObject({ donations: 1, points: 120, valueShekels: 12 })
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  })

  it('debits once for 20 parallel duplicates, and a later retry answers with the first receipt', async () => {
    const charityId = await newCharity()
    const member = await memberWith(1000)
    const id = requestId()
    const results = await Promise.all(Array.from({ length: 20 }, () => donate(member, { charityId, points: 100, requestId: id })))
    expect(new Set(results.map((r) => r.receipt.receiptNo)).size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    const retry = await donate(member, { charityId, points: 100, requestId: id })
    expect(retry).toMatchObject({ replayed: true, balance: 900, receipt: results[0]!.receipt })
    expect((await memberDoc(member.uid)).balance).toBe(900)
    expect((await ledgerDocs(member.uid)).filter((e) => e.source === 'donation')).toHaveLength(1)
    expect(await donationsOf(member.uid)).toHaveLength(1)
    expect(await totals(charityId)).toMatchObject({ donations: 1, points: 100 })
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  }, 60_000)

  it('keeps the totals and a matching budget exact under 50 concurrent donations', async () => {
    const now = Date.now()
    const charityId = await newCharity({
      campaigns: [
        {
          id: 'half',
          partnerId: 'super-hashchuna',
          percent: 50,
          startsAt: new Date(now - 3_600_000).toISOString(),
          until: new Date(now + 3_600_000).toISOString(),
          // 50 donations of 100 would be matched 2,500: the budget runs out on the way.
          capPoints: 1234,
        },
      ],
    })
    // The server code itself, 50 at once against the Firestore emulator: the functions emulator
    // starts a worker process per concurrent call and cannot start 50 on a test machine.
    const config = await loadClubConfig(admin().db)
    const members = await Promise.all(Array.from({ length: 50 }, (_, i) => serverMember(`conc${i}`, 150, config)))
    const results = await Promise.all(
      members.map((m) => serverDonate(admin().db, { uid: m.uid, charityId, points: 100, requestId: requestId(), config, random: Math.random })),
    )
    const sum = await totals(charityId)
    expect(sum).toMatchObject({ donations: 50, points: 5000, valueShekels: 500, matchedPoints: 1234, matchedShekels: 123.4 })
    expect(results.reduce((acc, r) => acc + r.receipt.matchedPoints, 0)).toBe(1234)
    expect(results.every((r) => r.receipt.matchedPoints <= 50)).toBe(true)
    // The budget is spent shard by shard, none beyond its part.
    expect(sum.raw.reduce((acc, s) => acc + (s.campaigns.half ?? 0), 0)).toBe(1234)
    expect(sum.shards.length).toBeLessThanOrEqual(DONATION_SHARDS)
    expect(sum.shards.length).toBeGreaterThan(1)
    for (const m of members) expect((await memberDoc(m.uid)).balance).toBe(50)
    expect(await checkInvariants(admin().db, demoConfig, members.map((m) => m.uid))).toEqual([])
  }, 120_000)

  it('matches through a running campaign and names the partner on the receipt', async () => {
    const now = Date.now()
    const charityId = await newCharity({
      campaigns: [
        { id: 'double', partnerId: 'cafe-shachar', percent: 100, startsAt: new Date(now - 60_000).toISOString(), until: new Date(now + 60_000).toISOString(), capPoints: 10_000 },
        { id: 'over', partnerId: 'gan-toys', percent: 300, startsAt: new Date(now - 7_200_000).toISOString(), until: new Date(now - 3_600_000).toISOString(), capPoints: 10_000 },
      ],
    })
    const member = await memberWith(75)
    const { receipt } = await donate(member, { charityId, points: 75, requestId: requestId() })
    expect(receipt).toMatchObject({ points: 75, valueShekels: 7.5, matchedPoints: 75, matchedShekels: 7.5, matchPartnerId: 'cafe-shachar', campaignId: 'double' })
    expect((await memberDoc(member.uid)).balance).toBe(0)
  })
})
