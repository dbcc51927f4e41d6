import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RefreshReportsResult } from '../../src/domain/reports/reports'
import { valueInAgorot, type Settlement } from '../../src/domain/reports/settlement'
import { monthOfEntry } from '../../src/domain/reports/ledger-buckets'
import { paths } from '../../src/domain/shared/paths'
import { recordPurchase } from '../../functions/src/purchases/record'
import { demoConfig, demoPartners } from '../../scripts/demo-club'
import { seedDemoClub } from '../../scripts/seed-club'
import { admin, clearEmulators, closeAdmin, failureCode, newClient, roleClient } from './support/emulators'
import { rawLedger, recomputedMonths, recomputedOffers, recomputedSummary, storedMonths, storedOffers, storedSummary } from './support/reports'

let operator: Awaited<ReturnType<typeof roleClient>>
const thisMonth = () => monthOfEntry(new Date(), demoConfig.timeZone)
const refresh = (input: { full?: boolean } = {}) => operator.call<typeof input, RefreshReportsResult>('refreshReports', input)

beforeAll(async () => {
  await clearEmulators()
  await seedDemoClub(admin().db, admin().auth)
  operator = await roleClient({ role: 'admin' })
}, 180_000)

afterAll(closeAdmin)

/** What a partner's statement line must say, summed entry by entry from the raw ledger. */
async function ledgerSums(month: string) {
  const value = demoConfig.settlement.pointValue
  const sums = new Map<string, { issued: number; redeemed: number }>()
  for (const { data, createdAt } of await rawLedger()) {
    const partnerId = data.partnerId as string | null
    if (!partnerId || monthOfEntry(createdAt, demoConfig.timeZone) !== month) continue
    const line = sums.get(partnerId) ?? { issued: 0, redeemed: 0 }
    const points = Number(data.points)
    const billed =
      (data.source === 'purchase' && (data.type === 'earn' || data.type === 'reversal')) ||
      (data.source === 'check-in' && data.reason === 'check_in') ||
      (data.source === 'eco' && data.type === 'earn')
    // A refund cancels the whole purchase for the store, the points the member already spent too.
    if (billed) line.issued += points - Number(data.type === 'reversal' ? (data.shortfall ?? 0) : 0)
    if (data.type === 'redeem' && data.source === 'reward') line.redeemed -= points
    sums.set(partnerId, line)
  }
  return [...sums].map(([partnerId, s]) => ({
    partnerId,
    issued: s.issued,
    redeemed: s.redeemed,
    owesAgorot: valueInAgorot(s.issued, value),
    owedAgorot: valueInAgorot(s.redeemed, value),
  }))
}

async function purchasesNow(count: number, tag: string) {
  const partners = demoPartners.filter((p) => p.active)
  for (let i = 0; i < count; i++) {
    const partner = partners[i % partners.length]!
    await recordPurchase(admin().db, {
      uid: i % 2 ? 'demo-dana' : 'demo-yossi',
      partner,
      amount: 37 + i * 11.5,
      receiptId: `${tag}-${i}`,
      staff: { uid: `staff-${partner.id}`, email: null, memberUid: null, tillId: `demo-till-${partner.id}` },
      config: demoConfig,
    })
  }
}

describe('reports on the seeded demo club', () => {
  it('equal a recomputation from the raw ledger and the member documents', async () => {
    const { months } = await recomputedMonths()
    expect(Object.keys(months).length).toBeGreaterThan(3)
    expect(await storedMonths()).toEqual(months)
    const summary = await storedSummary()
    expect({ members: summary.members, referrals: summary.referrals }).toEqual(await recomputedSummary(new Date(summary.refreshedAt)))
    expect(summary.members.total).toBeGreaterThan(0)
    expect(summary.members.active90).toBeGreaterThan(0)
    expect(summary.surveys.length).toBeGreaterThan(0)
    // The demo's offers, each with its groups and their purchases as counted from the raw data.
    expect(summary.offers.length).toBeGreaterThan(0)
    expect(storedOffers(summary)).toEqual(await recomputedOffers(new Date(summary.refreshedAt)))
  })

  it('give a settlement whose totals equal the sums over the raw ledger, to the agora', async () => {
    const months = Object.keys(await storedMonths()).sort()
    let checkedLines = 0
    for (const month of months.slice(-3)) {
      const statement = await operator.call<{ month: string }, Settlement>('getSettlement', { month })
      const expected = await ledgerSums(month)
      for (const want of expected) {
        const line = statement.lines.find((l) => l.partnerId === want.partnerId)!
        expect({ partnerId: line.partnerId, issued: line.issued, redeemed: line.redeemed, owesAgorot: line.owesAgorot, owedAgorot: line.owedAgorot }).toEqual(want)
        checkedLines += want.issued !== 0 || want.redeemed !== 0 ? 1 : 0
      }
      expect(statement.totals.balanceAgorot).toBe(expected.reduce((n, l) => n + l.owesAgorot - l.owedAgorot, 0))
      expect(statement.lines.map((l) => l.partnerId)).toEqual(expect.arrayContaining(demoPartners.map((p) => p.id)))
    }
    expect(checkedLines).toBeGreaterThan(0)
  })

  it('after new purchases and a refund, an incremental refresh equals a full recomputation, and a rerun changes nothing', async () => {
    await purchasesNow(8, 'reports-inc')
    const refunded = demoPartners.filter((p) => p.active)[1]!
    await operator.call('reversePurchase', { receiptId: 'reports-inc-1', partnerId: refunded.id, reason: 'returned' })
    const incremental = await refresh()
    expect(incremental.status).toBe('refreshed')
    // 8 purchases, a refund, and whatever the purchases set off (streak visits, badges bring no entries).
    expect(incremental.folded).toBeGreaterThanOrEqual(9)
    const { months } = await recomputedMonths()
    expect(await storedMonths()).toEqual(months)
    const summary = await storedSummary()
    expect(storedOffers(summary)).toEqual(await recomputedOffers(new Date(summary.refreshedAt)))
    const settlement = await operator.call<{ month: string }, Settlement>('getSettlement', { month: thisMonth() })
    for (const want of await ledgerSums(thisMonth())) {
      expect(settlement.lines.find((l) => l.partnerId === want.partnerId)).toMatchObject(want)
    }

    const before = { months: await storedMonths(), summary: await storedSummary() }
    const rerun = await refresh()
    expect(rerun).toMatchObject({ status: 'refreshed', folded: 0 })
    const after = { months: await storedMonths(), summary: await storedSummary() }
    expect({ ...after, summary: { ...after.summary, refreshedAt: null } }).toEqual({ ...before, summary: { ...before.summary, refreshedAt: null } })

    // The server's own full recomputation lands on the same figures.
    const full = await refresh({ full: true })
    expect(full.status).toBe('refreshed')
    expect(full.folded).toBe((await rawLedger()).length)
    expect(await storedMonths()).toEqual(months)
  })

  it('refuses members and staff, and changes nothing', async () => {
    const state = (await admin().db.doc(paths.reportState()).get()).data()
    const member = await newClient()
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    for (const client of [member, staff]) {
      expect(await failureCode(client.call('refreshReports', {}))).toBe('functions/permission-denied')
      expect(await failureCode(client.call('refreshReports', { full: true }))).toBe('functions/permission-denied')
      expect(await failureCode(client.call('getSettlement', { month: thisMonth() }))).toBe('functions/permission-denied')
    }
    const anonymous = await newClient({ signUp: false })
    expect(await failureCode(anonymous.call('getSettlement', { month: thisMonth() }))).toBe('functions/unauthenticated')
    expect((await admin().db.doc(paths.reportState()).get()).data()).toEqual(state)
  })
})
