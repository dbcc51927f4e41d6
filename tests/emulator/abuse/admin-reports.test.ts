// Attacks on settlement and reports: staff after another store's money, months that are paths, a
// burst of refreshes racing each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RefreshReportsResult } from '../../../src/domain/reports/reports'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { recordPurchase } from '../../../functions/src/purchases/record'
import { refreshReports } from '../../../functions/src/reports/refresh'
import { demoConfig, demoPartners } from '../../../scripts/demo-club'
import { seedClubData } from '../../../scripts/seed-club'
import { admin, clearEmulators, closeAdmin, failureCode, roleClient } from '../support/emulators'
import { joinedMember } from '../support/club'
import { recomputedMonths, storedMonths } from '../support/reports'

let operator: Awaited<ReturnType<typeof roleClient>>
let staff: Awaited<ReturnType<typeof roleClient>>
const month = () => new Date().toISOString().slice(0, 7)

async function snapshot() {
  const { db } = admin()
  const [state, summary, months, audit] = await Promise.all([
    db.doc(paths.reportState()).get(),
    db.doc(paths.reportSummary()).get(),
    storedMonths(),
    db.collection(COLLECTIONS.audit).count().get(),
  ])
  return { state: state.data() ?? null, summary: summary.data() ?? null, months, audit: audit.data().count }
}

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[operator, staff] = await Promise.all([roleClient({ role: 'admin' }), roleClient({ role: 'staff', partnerId: 'cafe-shachar' })])
  const members = await Promise.all([joinedMember('Rina Abuse'), joinedMember('Omer Abuse')])
  const partner = demoPartners.find((p) => p.id === 'cafe-shachar')!
  for (const [i, member] of members.entries()) {
    await recordPurchase(admin().db, {
      uid: member.uid!,
      partner,
      amount: 80 + i,
      receiptId: `abuse-seed-${i}`,
      staff: { uid: 'staff-cafe-shachar', email: null, memberUid: null, tillId: 'till-abuse' },
      config: demoConfig,
    })
  }
  await refreshReports(admin().db, demoConfig)
}, 60_000)

afterAll(closeAdmin)

describe('settlement and reports under attack', () => {
  it('staff asking for their own store’s statement, or any other, are refused, and nothing is logged or folded', async () => {
    const before = await snapshot()
    expect(await failureCode(staff.call('getSettlement', { month: month() }))).toBe('functions/permission-denied')
    // The callable takes no partner: naming one is no way in either.
    expect(await failureCode(staff.call('getSettlement', { month: month(), partnerId: 'super-hashchuna' }))).toBe('functions/permission-denied')
    expect(await failureCode(staff.call('refreshReports', { full: true }))).toBe('functions/permission-denied')
    expect(await snapshot()).toEqual(before)
  })

  it('refuses months that are not YYYY-MM (2026-13, a path, a script), even from an operator', async () => {
    const before = await snapshot()
    for (const bad of ['2026-13', '2026-00', '../x', '2026-05/../../members', '<script>', '2026-5', 202605, null]) {
      expect(await failureCode(operator.call('getSettlement', { month: bad }))).toBe('functions/invalid-argument')
    }
    expect(await failureCode(operator.call('getSettlement', { month: month(), partnerId: 'cafe-shachar' }))).toBe('functions/invalid-argument')
    expect(await failureCode(operator.call('refreshReports', { full: 'yes' }))).toBe('functions/invalid-argument')
    expect(await snapshot()).toEqual(before)
  })

  it('20 refreshes at once after new purchases count each entry exactly once', async () => {
    const member = await joinedMember('Burst Member')
    const partners = demoPartners.filter((p) => p.active)
    for (let i = 0; i < 12; i++) {
      const partner = partners[i % partners.length]!
      await recordPurchase(admin().db, {
        uid: member.uid!,
        partner,
        amount: 20 + i,
        receiptId: `abuse-burst-${i}`,
        staff: { uid: `staff-${partner.id}`, email: null, memberUid: null, tillId: 'till-burst' },
        config: demoConfig,
      })
    }
    const results = await Promise.all(Array.from({ length: 20 }, () => operator.call<object, RefreshReportsResult>('refreshReports', {})))
    // Each run either folded or found the lease held; together they folded the new entries once.
    expect(results.every((r) => r.status === 'refreshed' || r.status === 'busy')).toBe(true)
    const settled = await operator.call<object, RefreshReportsResult>('refreshReports', {})
    expect(settled.status).toBe('refreshed')
    expect(await storedMonths()).toEqual((await recomputedMonths()).months)
    const folded = (await admin().db.doc(paths.reportState()).get()).get('folded')
    expect(folded).toBe((await admin().db.collectionGroup(COLLECTIONS.ledger).count().get()).data().count)
    // The Functions emulator starts a worker for each of the 20 calls it can't queue: slow, not wrong.
  }, 120_000)

  it('a member cannot read the reports, and no one reads the members’ activity', async () => {
    const member = await joinedMember('Curious Member')
    // Rules are covered in rules-admin-reports.test.ts; here the callable door for a member.
    expect(await failureCode(member.call('getSettlement', { month: month() }))).toBe('functions/permission-denied')
    expect(await failureCode(member.call('refreshReports', {}))).toBe('functions/permission-denied')
  })
})
