import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDate } from '../../src/domain/calendar'
import { paths } from '../../src/domain/paths'
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

/** A purchase recorded in the past through the server code (as if the member shopped then). */
async function pastPurchase(uid: string, amount: number, daysAgo: number) {
  await recordPurchase(admin().db, {
    uid,
    partner: market,
    amount,
    receiptId: receiptId(),
    by: 'staff-test',
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

  it('gives the birthday gift once a year, on the day', async () => {
    const today = localDate(new Date(), demoConfig.timeZone)
    const member = await joinedMember('Birthday Person', { birthday: `1990-${today.slice(5)}` === '1990-02-29' ? '1992-02-29' : `1990-${today.slice(5)}` })
    // Joining on one's birthday pays the welcome gift; the birthday gift comes next year.
    await maintain()
    expect((await memberDoc(member.uid)).balance).toBe(50)
    await admin().db.doc(paths.member(member.uid)).update({ birthdayGiftYear: 0 })
    await maintain()
    await maintain()
    const gifts = (await ledgerDocs(member.uid)).filter((e) => e.reason === 'birthday_gift')
    expect(gifts).toHaveLength(1)
    expect((await memberDoc(member.uid)).balance).toBe(150)
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
    const receipts: { uid: string; receiptId: string }[] = []
    const rewards = ['free-coffee', 'coffee-pastry', 'voucher-20', 'car-wash', 'kids-book']
    const counts: Record<string, number> = {}
    const refused: Record<string, number> = {}
    const expected = (error: unknown) => {
      const code = (error as { code?: string }).code ?? String(error)
      refused[code] = (refused[code] ?? 0) + 1
    }

    async function operation(member: (typeof members)[number]) {
      const roll = random()
      let kind: string
      if (roll < 0.4) {
        kind = 'purchase'
        const receipt = receiptId()
        await recordPurchase(db, { uid: member.uid, partner: market, amount: Math.round(random() * 40000) / 100 + 1, receiptId: receipt, by: 'load', config })
        receipts.push({ uid: member.uid, receiptId: receipt })
      } else if (roll < 0.5 && receipts.some((r) => r.uid === member.uid)) {
        kind = 'duplicate purchase'
        const earlier = pick(receipts.filter((r) => r.uid === member.uid))
        await recordPurchase(db, { uid: earlier.uid, partner: market, amount: 1, receiptId: earlier.receiptId, by: 'load', config }).catch(expected)
      } else if (roll < 0.7) {
        kind = 'redeem'
        await redeemReward(db, { uid: member.uid, rewardId: pick(rewards), requestId: requestId(), config, random }).catch(expected)
      } else if (roll < 0.8 && receipts.some((r) => r.uid === member.uid)) {
        kind = 'refund'
        const receipt = pick(receipts.filter((r) => r.uid === member.uid)).receiptId
        await reversePurchase(db, { partnerId: market.id, receiptId: receipt, by: 'load', config }).catch(expected)
      } else if (roll < 0.975) {
        kind = 'adjust'
        const points = Math.round((random() - 0.4) * 300) || 1
        await adjustPoints(db, { uid: member.uid, points, note: 'load test', requestId: requestId(), by: 'load', config }).catch(expected)
      } else {
        kind = 'maintenance'
        await runMaintenance(db, config, new Date())
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
    expect(await checkInvariants(db, config, members.map((m) => m.uid))).toEqual([])
  }, 300_000)
})
