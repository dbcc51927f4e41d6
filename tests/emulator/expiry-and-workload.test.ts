import { HttpsError } from 'firebase-functions/v2/https'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDate } from '../../src/domain/shared/calendar'
import { adjustPoints } from '../../functions/src/admin/adjust'
import { runMaintenance, type MaintenanceStats } from '../../functions/src/maintenance/run'
import { recordPurchase } from '../../functions/src/purchases/record'
import { reversePurchase } from '../../functions/src/purchases/reverse'
import { redeemReward } from '../../functions/src/rewards/redeem'
import { demoConfig, demoPartners } from '../../scripts/demo-club'
import { checkInvariants } from '../../scripts/invariants'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, memberSince, receiptId, requestId, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'

const DAY = 86_400_000
const market = demoPartners.find((p) => p.id === 'super-hashchuna')!
let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

const maintain = (asOf?: Date) =>
  operator.call<{ asOf?: string }, MaintenanceStats>('runMaintenance', asOf ? { asOf: asOf.toISOString() } : {})

/** A till of the market, one staff account per name (the daily limits are per staff account). */
const till = (name: string) => ({ uid: `staff-${name}`, email: null, memberUid: null, tillId: `till-${name}-0001` })

/** A purchase recorded in the past through the server code (as if the member shopped then). */
async function pastPurchase(uid: string, amount: number, daysAgo: number) {
  await recordPurchase(admin().db, {
    uid,
    partner: market,
    amount,
    receiptId: receiptId(),
    staff: till(uid),
    config: demoConfig,
    at: new Date(Date.now() - daysAgo * DAY),
  })
}

describe('expiry', () => {
  it('expires lots past their date oldest-first; a second run changes nothing', async () => {
    // Joined 16 months ago (welcome 50), bought for 200 points 15 months ago and 80 points 2 months ago.
    const member = await memberSince(490)
    await pastPurchase(member.uid, 200, 460)
    await pastPurchase(member.uid, 80, 60)
    expect((await memberDoc(member.uid)).balance).toBe(330)

    const first = await maintain()
    expect(first.expiredPoints).toBeGreaterThanOrEqual(250)
    const after = await memberDoc(member.uid)
    expect(after.balance).toBe(80)
    // The welcome lot and the old purchase expired at the ends of different months: two entries.
    const expired = (await ledgerDocs(member.uid)).filter((e) => e.type === 'expire')
    expect(expired.map((e) => e.points).sort()).toEqual([-200, -50])
    expect(expired[0]).toMatchObject({ category: 'expired', reason: 'points_expired' })

    await maintain()
    expect((await memberDoc(member.uid)).balance).toBe(80)
    expect((await ledgerDocs(member.uid)).filter((e) => e.type === 'expire')).toHaveLength(2)
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  })

  it('tells the member what expires next', async () => {
    // Joined and bought the same day: the welcome lot and the purchase expire together.
    const member = await memberSince(350)
    await pastPurchase(member.uid, 70, 350)
    const doc = await memberDoc(member.uid)
    expect(doc.nextExpiry.points).toBe(120)
    expect(doc.nextExpiry.expiresOn > localDate(new Date(), demoConfig.timeZone)).toBe(true)
  })

  it('lowers the tier only after the tier year ends', async () => {
    // Reached Gold 14 months ago; nothing since.
    const member = await memberSince(430)
    await pastPurchase(member.uid, 1200, 420)
    expect((await memberDoc(member.uid)).tierId).toBe('gold')
    await maintain()
    const doc = await memberDoc(member.uid)
    expect(doc.tierId).toBe('silver')
    expect(doc.tierYearEnds > localDate(new Date(), demoConfig.timeZone)).toBe(true)

    const recent = await memberSince(210)
    await pastPurchase(recent.uid, 1200, 200)
    await maintain()
    expect((await memberDoc(recent.uid)).tierId).toBe('gold')
  })

  it('is for operators only', async () => {
    const member = await joinedMember()
    expect((await failure(member.call('runMaintenance', {}))).code).toBe('permission-denied')
    expect((await failure(operator.call('runMaintenance', { asOf: 'tomorrow' }))).code).toBe('invalid-argument')
  })
})

describe('a randomised workload of 500+ mixed operations', () => {
  // Through the server code the callables wrap (their auth and validation are tested above and in
  // points.test.ts): the Functions emulator runs calls one worker at a time, far slower than this.
  it('keeps every balance equal to its ledger, lots and running balances', async () => {
    let seed = 20261122
    const random = () => {
      // mulberry32: reproducible runs.
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const db = admin().db
    const config = demoConfig

    const members = await Promise.all(Array.from({ length: 10 }, (_, i) => memberSince(i < 5 ? 420 : 0, `Load ${i}`)))
    // Old lots, so expiry runs interleave with live operations.
    for (const m of members.slice(0, 5)) await pastPurchase(m.uid, 150, 400)
    const receipts: { uid: string; receiptId: string; amount: number }[] = []
    const rewards = ['free-coffee', 'coffee-pastry', 'voucher-20', 'car-wash', 'kids-book']
    const counts: Record<string, number> = {}
    const refused: Record<string, number> = {}
    /**
     * The refusals the workload expects, each checked against its own facts; any other failure
     * (or an expected refusal without its facts) fails the test.
     */
    async function refusal(kind: string, attempt: Promise<unknown>, allowed: (error: HttpsError) => boolean): Promise<void> {
      try {
        await attempt
      } catch (error) {
        if (!(error instanceof HttpsError) || !allowed(error)) throw error
        const reason = (error.details as { reason?: string } | undefined)?.reason
        refused[`${kind}: ${error.code}/${reason}`] = (refused[`${kind}: ${error.code}/${reason}`] ?? 0) + 1
      }
    }
    const short = (error: HttpsError) => {
      const details = error.details as { reason?: string; needed?: number; balance?: number }
      return error.code === 'failed-precondition' && details.reason === 'insufficient-points' && details.needed! > details.balance!
    }

    async function operation(member: (typeof members)[number]) {
      const roll = random()
      let kind: string
      if (roll < 0.4) {
        kind = 'purchase'
        const receipt = receiptId()
        const amount = Math.round(random() * 40000) / 100 + 1
        const result = await recordPurchase(db, { uid: member.uid, partner: market, amount, receiptId: receipt, staff: till(member.uid), config })
        expect(result).toMatchObject({ status: 'recorded', replayed: false })
        receipts.push({ uid: member.uid, receiptId: receipt, amount })
      } else if (roll < 0.5 && receipts.some((r) => r.uid === member.uid)) {
        kind = 'duplicate purchase'
        const earlier = pick(receipts.filter((r) => r.uid === member.uid))
        // The same receipt again replays; with another amount it is refused, always.
        const again = await recordPurchase(db, { ...earlier, partner: market, staff: till(member.uid), config })
        expect(again.replayed).toBe(true)
        await expect(
          recordPurchase(db, { ...earlier, amount: earlier.amount + 1, partner: market, staff: till(member.uid), config }),
        ).rejects.toMatchObject({ code: 'failed-precondition', details: { reason: 'receipt-conflict' } })
        refused['duplicate purchase: failed-precondition/receipt-conflict'] = (refused['duplicate purchase: failed-precondition/receipt-conflict'] ?? 0) + 1
      } else if (roll < 0.7) {
        kind = 'redeem'
        await refusal(kind, redeemReward(db, { uid: member.uid, rewardId: pick(rewards), requestId: requestId(), config, random }), short)
      } else if (roll < 0.8 && receipts.some((r) => r.uid === member.uid)) {
        kind = 'refund'
        // A refund always goes through (a second one replays); what was spent becomes debt.
        const receipt = pick(receipts.filter((r) => r.uid === member.uid)).receiptId
        await reversePurchase(db, { partnerId: market.id, receiptId: receipt, actor: { uid: 'load', role: 'admin', partnerId: null, tillId: null }, config, reason: 'returned' })
      } else if (roll < 0.975) {
        kind = 'adjust'
        const points = Math.round((random() - 0.4) * 300) || 1
        await refusal(kind, adjustPoints(db, { uid: member.uid, points, note: 'load test', requestId: requestId(), by: 'load', config }), (e) => points < 0 && short(e))
      } else {
        kind = 'maintenance'
        const stats = await runMaintenance(db, config, new Date())
        expect(stats.failures).toBe(0)
      }
      counts[kind] = (counts[kind] ?? 0) + 1
    }

    // One stream of operations per member, all ten streams at once, with the nightly job cutting
    // across them. (Many parallel operations on one member are tested above: the emulator
    // serialises those slowly, real Firestore queues them.)
    const TOTAL = 520
    const started = Date.now()
    await Promise.all(
      members.map(async (member) => {
        for (let i = 0; i < TOTAL / members.length; i++) await operation(member)
      }),
    )
    console.log(`workload: ${TOTAL} operations in ${Date.now() - started} ms`, counts, 'refused:', refused)
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(TOTAL)
    expect(Object.keys(counts)).toHaveLength(6)
    // The refusals happened, and each was one the workload expected.
    expect(Object.keys(refused).sort()).toEqual(
      expect.arrayContaining(['duplicate purchase: failed-precondition/receipt-conflict', 'redeem: failed-precondition/insufficient-points']),
    )
    expect(await checkInvariants(db, config, members.map((m) => m.uid))).toEqual([])
  }, 300_000)
})
