import { randomUUID } from 'node:crypto'
import {
  AggregateField,
  FieldPath,
  FieldValue,
  Timestamp,
  type DocumentReference,
  type Firestore,
  type Query,
} from 'firebase-admin/firestore'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { emptyFold, foldEntries, reportEntryOf, type ClubMonth, type PartnerMonth } from '../../../src/domain/reports/ledger-buckets'
import { REPORT_SURVEYS, type MemberCounts, type RefreshReportsResult, type ReferralFunnel, type ReportSummary } from '../../../src/domain/reports/reports'
import { surveyFromData } from '../../../src/domain/earn/surveys-schema'
import { surveyResults, type SurveyStats } from '../../../src/domain/earn/survey-results'
import { offerReport } from '../offers/report'

/** Entries per page: each page is one transaction with up to a page of activity documents read and written. */
export const REPORT_PAGE = 300
/** A run that dies keeps the lease this long; each page renews it. */
const LEASE_MS = 5 * 60_000
const DAY = 86_400_000

interface Watermark {
  at: Timestamp
  path: string
}

class LeaseLost extends Error {}

const watermarkOf = (value: unknown): Watermark | null => {
  const w = value as { at?: unknown; path?: unknown } | null | undefined
  return w && w.at instanceof Timestamp && typeof w.path === 'string' ? { at: w.at, path: w.path } : null
}

const sameWatermark = (a: Watermark | null, b: Watermark | null) =>
  a === b || (a !== null && b !== null && a.at.isEqual(b.at) && a.path === b.path)

/** An aggregation is billed one read per 1,000 index entries it covers, at least one. */
const aggregationReads = (covered: number) => Math.max(1, Math.ceil(covered / 1000))

/**
 * Brings the reports up to date: folds the ledger entries committed since the watermark into the
 * monthly totals (`clubReports/ledger/months/{YYYY-MM}`, increments only) and the members' last
 * activity, page by page, then recounts members, the referral funnel and recent surveys with
 * aggregation queries (`clubReports/summary`).
 *
 * Entries are taken in the order of their commit time (`recordedAt`, then the path): a query sees
 * every commit up to its read time, so an entry committed later always sorts after the watermark,
 * even when its `createdAt` is backdated. One run at a time holds a lease on `clubReports/state`;
 * every page's transaction checks that it still holds it and that the watermark is where it left
 * it (a fence), then writes the totals and moves the watermark together. So parallel runs, a rerun
 * and a run that died half-way each count every entry exactly once.
 */
export async function refreshReports(
  db: Firestore,
  config: ClubConfig,
  options: { full?: boolean; now?: Date } = {},
): Promise<RefreshReportsResult> {
  const started = performance.now()
  const holder = randomUUID()
  const stateRef = db.doc(paths.reportState())
  let reads = 0

  const acquired = await db.runTransaction(async (tx) => {
    const state = await tx.get(stateRef)
    const lease = state.get('lease') as { holder: string; until: Timestamp } | null | undefined
    const now = Date.now()
    if (lease && lease.until.toMillis() > now) return { ok: false as const, watermark: watermarkOf(state.get('watermark')) }
    const watermark = options.full ? null : watermarkOf(state.get('watermark'))
    tx.set(
      stateRef,
      { lease: { holder, until: Timestamp.fromMillis(now + LEASE_MS) }, watermark, ...(options.full ? { folded: 0 } : {}) },
      { merge: true },
    )
    return { ok: true as const, watermark }
  })
  reads += 1
  if (!acquired.ok) {
    return { status: 'busy', folded: 0, reads, ms: performance.now() - started, watermark: acquired.watermark?.at.toDate().toISOString() ?? null }
  }

  let watermark = acquired.watermark
  let folded = 0
  try {
    if (options.full) {
      // Only the lease holder writes these, and it holds the lease: nothing folds while they go.
      await db.recursiveDelete(db.collection(paths.reportMonths()))
      await db.recursiveDelete(db.collection(paths.reportActivities()))
    }
    for (;;) {
      let query: Query = db
        .collectionGroup(COLLECTIONS.ledger)
        .orderBy('recordedAt')
        .orderBy(FieldPath.documentId())
        .limit(REPORT_PAGE)
      if (watermark) query = query.startAfter(watermark.at, db.doc(watermark.path))
      const page = await query.get()
      reads += Math.max(1, page.size)
      if (page.empty) break
      const fold = foldEntries(
        emptyFold(),
        page.docs.map((doc) => reportEntryOf(doc.ref.parent.parent!.id, doc.data(), (doc.get('createdAt') as Timestamp).toDate())),
        config.timeZone,
      )
      const last = page.docs[page.docs.length - 1]!
      const next: Watermark = { at: last.get('recordedAt') as Timestamp, path: last.ref.path }
      const from = watermark
      reads += await db.runTransaction(async (tx) => {
        const state = await tx.get(stateRef)
        if (state.get('lease.holder') !== holder || !sameWatermark(watermarkOf(state.get('watermark')), from)) throw new LeaseLost()
        const uids = [...fold.lastActivity.keys()]
        const activityRefs = uids.map((uid) => db.doc(paths.reportActivity(uid)))
        const activity = activityRefs.length > 0 ? await tx.getAll(...activityRefs) : []
        for (const totals of fold.months.values()) {
          tx.set(db.doc(paths.reportMonth(totals.month)), monthIncrements(totals.month, totals.club, totals.partners), { merge: true })
        }
        activity.forEach((snap, i) => {
          const at = fold.lastActivity.get(uids[i]!)!
          const known = snap.get('lastAt') as Timestamp | undefined
          if (!known || known.toMillis() < at.getTime()) tx.set(activityRefs[i] as DocumentReference, { lastAt: Timestamp.fromDate(at) })
        })
        tx.update(stateRef, {
          watermark: next,
          folded: FieldValue.increment(page.size),
          'lease.until': Timestamp.fromMillis(Date.now() + LEASE_MS),
        })
        return 1 + activity.length
      })
      watermark = next
      folded += page.size
      if (page.size < REPORT_PAGE) break
    }
    const summary = await summarise(db, config, options.now ?? new Date())
    reads += summary.reads
    await db.doc(paths.reportSummary()).set(summary.summary)
  } catch (error) {
    if (error instanceof LeaseLost) {
      return { status: 'busy', folded, reads, ms: performance.now() - started, watermark: watermark?.at.toDate().toISOString() ?? null }
    }
    throw error
  } finally {
    await db.runTransaction(async (tx) => {
      const state = await tx.get(stateRef)
      if (state.get('lease.holder') === holder) tx.update(stateRef, { lease: null, refreshedAt: FieldValue.serverTimestamp() })
    })
  }
  return { status: 'refreshed', folded, reads, ms: performance.now() - started, watermark: watermark?.at.toDate().toISOString() ?? null }
}

/** A month's totals as increments, so a page adds to what earlier pages left. */
function monthIncrements(month: string, club: ClubMonth, partners: Record<string, PartnerMonth>) {
  const inc = (values: object) =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [key, FieldValue.increment(value as number)]))
  return {
    month,
    club: inc(club),
    partners: Object.fromEntries(Object.entries(partners).map(([id, line]) => [id, inc(line)])),
  }
}

async function count(query: Query): Promise<number> {
  return (await query.count().get()).data().count
}

/** Member counts, the referral funnel and recent surveys, from aggregation queries and shard sums only. */
async function summarise(db: Firestore, config: ClubConfig, now: Date): Promise<{ summary: ReportSummary; reads: number }> {
  const members = db.collection(COLLECTIONS.members)
  const activity = db.collection(paths.reportActivities())
  const referrals = db.collection(COLLECTIONS.referrals)
  const since = (days: number) => Timestamp.fromMillis(now.getTime() - days * DAY)
  const [total, byTier, active30, active90, opened, joined, qualified, held] = await Promise.all([
    count(members),
    Promise.all(config.tiers.map(async (tier) => [tier.id, await count(members.where('tierId', '==', tier.id))] as const)),
    count(activity.where('lastAt', '>=', since(30))),
    count(activity.where('lastAt', '>=', since(90))),
    members.aggregate({ opened: AggregateField.sum('referralStats.opened') }).get().then((snap) => Number(snap.data().opened ?? 0)),
    count(referrals),
    count(referrals.where('status', 'in', ['qualified', 'clawed-back'])),
    count(referrals.where('status', '==', 'held')),
  ])
  const memberCounts: MemberCounts = { total, byTier: Object.fromEntries(byTier), active30, active90 }
  const funnel: ReferralFunnel = { opened, joined, qualified, held }
  let reads =
    aggregationReads(total) * 2 +
    byTier.reduce((n, [, c]) => n + aggregationReads(c), 0) +
    aggregationReads(active30) +
    aggregationReads(active90) +
    aggregationReads(joined) +
    aggregationReads(qualified) +
    aggregationReads(held)

  const surveyDocs = await db.collection(COLLECTIONS.surveys).orderBy('opensAt', 'desc').limit(REPORT_SURVEYS).get()
  reads += Math.max(1, surveyDocs.size)
  const surveys = []
  for (const doc of surveyDocs.docs) {
    const parsed = surveyFromData(doc.id, doc.data())
    if (!parsed.success) continue
    const shards = await db.collection(paths.surveyStats(doc.id)).get()
    reads += Math.max(1, shards.size)
    surveys.push(surveyResults(parsed.data, shards.docs.map((shard) => shard.data() as Partial<SurveyStats>)))
  }
  const offers = await offerReport(db, config, now)
  reads += offers.reads
  return { summary: { refreshedAt: now.toISOString(), members: memberCounts, referrals: funnel, surveys, offers: offers.rows }, reads }
}
