// Reports recomputed from raw data, straight from the emulator (Admin SDK), for comparison with
// what refreshReports stored.
import type { Timestamp } from 'firebase-admin/firestore'
import { emptyFold, foldEntries, reportEntryOf, type MonthTotals } from '../../../src/domain/reports/ledger-buckets'
import type { ReportSummary } from '../../../src/domain/reports/reports'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { demoConfig } from '../../../scripts/demo-club'
import { admin } from './emulators'

export interface RawEntry {
  uid: string
  data: Record<string, unknown>
  createdAt: Date
}

export async function rawLedger(): Promise<RawEntry[]> {
  const snap = await admin().db.collectionGroup(COLLECTIONS.ledger).get()
  return snap.docs.map((doc) => ({ uid: doc.ref.parent.parent!.id, data: doc.data(), createdAt: (doc.get('createdAt') as Timestamp).toDate() }))
}

/** The whole ledger folded in one go, as plain month documents keyed by month. */
export async function recomputedMonths(): Promise<{ months: Record<string, MonthTotals>; lastActivity: Map<string, Date> }> {
  const raw = await rawLedger()
  const fold = foldEntries(emptyFold(), raw.map((e) => reportEntryOf(e.uid, e.data, e.createdAt)), demoConfig.timeZone)
  return { months: Object.fromEntries([...fold.months].map(([month, totals]) => [month, totals])), lastActivity: fold.lastActivity }
}

export async function storedMonths(): Promise<Record<string, MonthTotals>> {
  const snap = await admin().db.collection(paths.reportMonths()).get()
  return Object.fromEntries(snap.docs.map((doc) => [doc.id, doc.data() as MonthTotals]))
}

export async function storedSummary(): Promise<ReportSummary> {
  return (await admin().db.doc(paths.reportSummary()).get()).data() as ReportSummary
}

/** Every member counted by tier and by activity, and the referral funnel, from the documents themselves. */
export async function recomputedSummary(now: Date): Promise<Pick<ReportSummary, 'members' | 'referrals'>> {
  const { db } = admin()
  const [members, referrals, { lastActivity }] = await Promise.all([db.collection(COLLECTIONS.members).get(), db.collection(COLLECTIONS.referrals).get(), recomputedMonths()])
  const byTier = Object.fromEntries(demoConfig.tiers.map((tier) => [tier.id, members.docs.filter((m) => m.get('tierId') === tier.id).length]))
  const activeWithin = (days: number) => [...lastActivity.values()].filter((at) => at.getTime() >= now.getTime() - days * 86_400_000).length
  return {
    members: { total: members.size, byTier, active30: activeWithin(30), active90: activeWithin(90) },
    referrals: {
      opened: members.docs.reduce((n, m) => n + Number(m.get('referralStats.opened') ?? 0), 0),
      joined: referrals.size,
      qualified: referrals.docs.filter((r) => ['qualified', 'clawed-back'].includes(r.get('status'))).length,
      held: referrals.docs.filter((r) => r.get('status') === 'held').length,
    },
  }
}
