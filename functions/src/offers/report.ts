import { FieldPath, type Firestore } from 'firebase-admin/firestore'
import { OfferSchema } from '../../../src/domain/offers/offers'
import { offerLift, type GroupStats, type OfferReportRow } from '../../../src/domain/offers/lift'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'

const groupOf = (value: unknown, members: number): GroupStats => {
  const raw = (value ?? {}) as { buyers?: unknown; purchases?: unknown; spendShekels?: unknown }
  const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : 0)
  return { members, buyers: num(raw.buyers), purchases: num(raw.purchases), spendShekels: Math.round(num(raw.spendShekels) * 100) / 100 }
}

/**
 * The offers part of the reports' summary (functions/src/reports/refresh.ts): for each offer's latest season (the seasons the scoring run opened in
 * `offerStats`), the members in each group counted by aggregation queries on their assignment,
 * and the purchases the purchase transaction counted in the first 14 days.
 */
export async function offerReport(db: Firestore, config: ClubConfig, now: Date): Promise<{ rows: OfferReportRow[]; reads: number }> {
  const today = localDate(now, config.timeZone)
  const [offers, seasons] = await Promise.all([db.collection(COLLECTIONS.offers).limit(100).get(), db.collection(COLLECTIONS.offerStats).get()])
  // An aggregation is billed one read per 1,000 index entries it covers, at least one.
  let reads = Math.max(1, offers.size) + Math.max(1, seasons.size)
  const latest = new Map<string, string>()
  for (const season of seasons.docs) {
    const offerId = season.get('offerId')
    const from = season.get('from')
    if (typeof offerId === 'string' && typeof from === 'string' && from <= today && from > (latest.get(offerId) ?? '')) latest.set(offerId, from)
  }
  const rows: OfferReportRow[] = []
  for (const doc of offers.docs) {
    const parsed = OfferSchema.safeParse({ ...doc.data(), id: doc.id })
    if (!parsed.success) continue
    const offer = parsed.data
    const from = latest.get(offer.id) ?? null
    const row: OfferReportRow = {
      offerId: offer.id,
      title: offer.title,
      kind: offer.kind,
      active: offer.active,
      holdOutPercent: offer.holdOutPercent,
      from,
      targeted: 0,
      heldOut: 0,
      lift: null,
    }
    if (from) {
      const members = db.collection(COLLECTIONS.members).where(new FieldPath('offers', offer.id, 'from'), '==', from)
      const [exposed, control, stats] = await Promise.all([
        members.where(new FieldPath('offers', offer.id, 'group'), '==', 'exposed').count().get(),
        members.where(new FieldPath('offers', offer.id, 'group'), '==', 'control').count().get(),
        db.doc(paths.offerStats(offer.id, from)).get(),
      ])
      const exposedCount = exposed.data().count
      const controlCount = control.data().count
      reads += Math.max(1, Math.ceil(exposedCount / 1000)) + Math.max(1, Math.ceil(controlCount / 1000)) + 1
      row.targeted = exposedCount + controlCount
      row.heldOut = controlCount
      row.lift = offerLift(offer.id, from, groupOf(stats.get('exposed'), exposedCount), groupOf(stats.get('control'), controlCount), today)
    }
    rows.push(row)
  }
  return { rows: rows.sort((a, b) => (b.from ?? '').localeCompare(a.from ?? '') || a.offerId.localeCompare(b.offerId)), reads }
}
