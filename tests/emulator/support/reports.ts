// Reports recomputed from raw data, straight from the emulator (Admin SDK), for comparison with
// what refreshReports stored.
import type { Timestamp } from 'firebase-admin/firestore'
import { emptyFold, foldEntries, reportEntryOf, type MonthTotals } from '../../../src/domain/reports/ledger-buckets'
import type { ReportSummary } from '../../../src/domain/reports/reports'
import { assignmentsOf } from '../../../src/domain/offers/lift'
import { LIFT_DAYS } from '../../../src/domain/offers/offers'
import { addDays, localDate } from '../../../src/domain/shared/calendar'
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

/** One offer's groups and their purchases, as the report counts them. */
export interface OfferFigures {
  offerId: string
  from: string | null
  targeted: number
  heldOut: number
  exposed: { members: number; buyers: number; purchases: number; spendShekels: number } | null
  control: { members: number; buyers: number; purchases: number; spendShekels: number } | null
}

/**
 * Every offer's report recounted from the members' own assignments and the raw ledger: the latest
 * season that has started, the members in each group of it, and their purchases at a till in its
 * first 14 days (those held for review and paid on approval are not counted, as the report says).
 */
export async function recomputedOffers(now: Date): Promise<OfferFigures[]> {
  const { db } = admin()
  const today = localDate(now, demoConfig.timeZone)
  const [offers, members, ledger] = await Promise.all([db.collection(COLLECTIONS.offers).get(), db.collection(COLLECTIONS.members).get(), rawLedger()])
  return offers.docs
    .map((offer) => {
      const assigned = members.docs.flatMap((m) => {
        const a = assignmentsOf(m.get('offers'))[offer.id]
        return a && a.from <= today ? [{ uid: m.id, ...a }] : []
      })
      const from = assigned.reduce<string | null>((latest, a) => (latest === null || a.from > latest ? a.from : latest), null)
      if (from === null) return { offerId: offer.id, from, targeted: 0, heldOut: 0, exposed: null, control: null }
      const end = addDays(from, LIFT_DAYS)
      const group = (name: 'exposed' | 'control') => {
        const uids = new Set(assigned.filter((a) => a.from === from && a.group === name).map((a) => a.uid))
        const bought = ledger.filter(({ uid, data, createdAt }) => {
          const day = localDate(createdAt, demoConfig.timeZone)
          const earner = typeof data.earnedBy === 'string' ? data.earnedBy : uid
          return data.source === 'purchase' && data.type === 'earn' && !data.approvedBy && uids.has(earner) && from <= day && day < end
        })
        // A purchase entry keeps the receipt's amount among its fields (entryData spreads `details`).
        const spend = bought.reduce((sum, e) => sum + Number(e.data.amountShekels), 0)
        return {
          members: uids.size,
          buyers: new Set(bought.map((e) => (typeof e.data.earnedBy === 'string' ? e.data.earnedBy : e.uid))).size,
          purchases: bought.length,
          spendShekels: Math.round(spend * 100) / 100,
        }
      }
      const exposed = group('exposed')
      const control = group('control')
      return { offerId: offer.id, from, targeted: exposed.members + control.members, heldOut: control.members, exposed, control }
    })
    .sort((a, b) => a.offerId.localeCompare(b.offerId))
}

/** The same figures from what refreshReports stored. */
export function storedOffers(summary: ReportSummary): OfferFigures[] {
  return summary.offers
    .map((row) => ({
      offerId: row.offerId,
      from: row.from,
      targeted: row.targeted,
      heldOut: row.heldOut,
      exposed: row.lift ? row.lift.exposed : null,
      control: row.lift ? row.lift.control : null,
    }))
    .sort((a, b) => a.offerId.localeCompare(b.offerId))
}
