import { FieldPath, Timestamp, type DocumentSnapshot, type Firestore, type WriteBatch } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions/v2'
import { addDays, localDate, type LocalDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { LIFT_DAYS, UPCOMING_DAYS, isHeldOut, offerDays, targets, type Offer, type OfferAssignment, type OfferDays } from '../../../src/domain/offers/offers'
import { purchaseStatsOf, scoreMember } from '../../../src/domain/offers/rfm'
import { assignmentsOf } from '../../../src/domain/offers/lift'
import { audienceOf, loadActiveOffers } from './load'

export interface SegmentRunStats {
  day: LocalDate
  membersScored: number
  membersChanged: number
  /** Members newly put in an offer's exposed or control group. */
  assignments: number
  documentsRead: number
  documentsWritten: number
  pages: number
  /** False when the time budget ran out: the next run of the day continues from the cursor. */
  complete: boolean
}

export interface SegmentRunOptions {
  pageSize?: number
  budgetMs?: number
}

/** The fields the run reads of a member: a projection, so a page is small. */
const FIELDS = ['purchaseStats', 'joinedAt', 'interests', 'tierId', 'segment', 'rfm', 'offers']

const dateOf = (value: unknown, timeZone: string): LocalDate | null =>
  value instanceof Timestamp ? localDate(value.toDate(), timeZone) : null

/**
 * The day's segment scoring: pages over every member by document id, scores their RFM from the
 * aggregates the purchase transaction keeps (`purchaseStats`), and writes `segment` and `rfm` only
 * where they changed. It also puts each member an offer now targets into the offer's exposed or
 * control group for its season (`offers.{offerId}`), which the lift report counts.
 *
 * Resumable and idempotent: the cursor of the day's run is kept in `segmentRuns/{day}` after each
 * page, so a run cut short continues where it stopped, and a finished day is not run again; the
 * writes are the same whoever makes them, so two runs at once agree.
 */
export async function runSegmentScoring(db: Firestore, config: ClubConfig, now: Date, options: SegmentRunOptions = {}): Promise<SegmentRunStats> {
  const pageSize = options.pageSize ?? 400
  const deadline = Date.now() + (options.budgetMs ?? 8 * 60_000)
  const today = localDate(now, config.timeZone)
  const runRef = db.doc(paths.segmentRun(today))
  const stats: SegmentRunStats = {
    day: today,
    membersScored: 0,
    membersChanged: 0,
    assignments: 0,
    documentsRead: 0,
    documentsWritten: 0,
    pages: 0,
    complete: true,
  }
  const run = await db.doc(runRef.path).get()
  stats.documentsRead += 1
  if (run.get('done') === true) return stats
  let cursor: string | null = typeof run.get('cursor') === 'string' ? run.get('cursor') : null

  const offers = await loadActiveOffers(db)
  stats.documentsRead += Math.max(1, offers.length)
  // Members are assigned once the offer can be seen (UPCOMING_DAYS before it opens), for its season.
  const seasons = offers.flatMap((offer) => {
    const days = offerDays(offer.window, today, config.timeZone)
    return days && days.from <= addDays(today, UPCOMING_DAYS) ? [{ offer, days }] : []
  })

  // The seasons the report lists: opened here, so the report reads one small collection.
  if (seasons.length > 0) {
    const opened = db.batch()
    for (const { offer, days } of seasons) opened.set(db.doc(paths.offerStats(offer.id, days.from)), { offerId: offer.id, from: days.from }, { merge: true })
    await commit(opened, seasons.length, stats)
  }

  while (Date.now() < deadline) {
    let query = db
      .collection(COLLECTIONS.members)
      .orderBy(FieldPath.documentId())
      .select(...FIELDS)
      .limit(pageSize)
    if (cursor) query = query.startAfter(cursor)
    const page = await query.get()
    stats.pages += 1
    stats.documentsRead += Math.max(1, page.size)
    let batch = db.batch()
    let inBatch = 0
    for (const member of page.docs) {
      const update = await memberUpdate(member, seasons, config, today, stats)
      if (!update) continue
      batch.update(member.ref, update)
      inBatch += 1
      if (inBatch === 450) {
        await commit(batch, inBatch, stats)
        batch = db.batch()
        inBatch = 0
      }
    }
    const last = page.docs[page.docs.length - 1]
    cursor = last ? last.id : cursor
    const done = page.size < pageSize
    batch.set(runRef, { day: today, cursor, done, updatedAt: Timestamp.fromDate(new Date()) }, { merge: true })
    await commit(batch, inBatch + 1, stats)
    if (done) {
      logger.info('segment scoring run', stats)
      return stats
    }
  }
  stats.complete = false
  logger.info('segment scoring run stopped for time', stats)
  return stats
}

async function commit(batch: WriteBatch, writes: number, stats: SegmentRunStats) {
  if (writes === 0) return
  await batch.commit()
  stats.documentsWritten += writes
}

async function memberUpdate(
  member: DocumentSnapshot,
  seasons: { offer: Offer; days: OfferDays }[],
  config: ClubConfig,
  today: LocalDate,
  stats: SegmentRunStats,
): Promise<Record<string, unknown> | null> {
  stats.membersScored += 1
  const scored = scoreMember(purchaseStatsOf(member.get('purchaseStats')), dateOf(member.get('joinedAt'), config.timeZone), today, config.segments)
  const rfm = { r: scored.r, f: scored.f, m: scored.m }
  const stored = member.get('rfm') as { r?: unknown; f?: unknown; m?: unknown } | undefined
  const update: Record<string, unknown> = {}
  if (member.get('segment') !== scored.segment || stored?.r !== rfm.r || stored?.f !== rfm.f || stored?.m !== rfm.m) {
    update.segment = scored.segment
    update.rfm = rfm
  }
  const audience = { ...audienceOf(member), segment: scored.segment }
  const assigned = assignmentsOf(member.get('offers'))
  for (const { offer, days } of seasons) {
    const current = assigned[offer.id]
    // A season already measured stays as it was; the next season (a holiday next year) replaces it
    // once the last one's 14 days are over.
    if (current && (current.from === days.from || today < addDays(current.from, LIFT_DAYS))) continue
    if (!targets(offer, audience)) continue
    const assignment: OfferAssignment = { group: (await isHeldOut(offer, member.id)) ? 'control' : 'exposed', from: days.from }
    update[`offers.${offer.id}`] = assignment
    stats.assignments += 1
  }
  if (Object.keys(update).length === 0) return null
  stats.membersChanged += 1
  return update
}
