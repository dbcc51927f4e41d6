import type { Firestore, Timestamp } from 'firebase-admin/firestore'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { PartnerSchema } from '../../../src/domain/shared/club-config'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import type { MonthTotals } from '../../../src/domain/reports/ledger-buckets'
import { settlementOf, type Settlement } from '../../../src/domain/reports/settlement'

/** The statement for a month from its folded totals (read once), with every configured partner, by id. */
export async function settlementFor(db: Firestore, config: ClubConfig, month: string): Promise<Settlement> {
  const [monthDoc, partnerDocs, state] = await Promise.all([
    db.doc(paths.reportMonth(month)).get(),
    db.collection(COLLECTIONS.partners).get(),
    db.doc(paths.reportState()).get(),
  ])
  const partners = partnerDocs.docs
    .map((doc) => PartnerSchema.safeParse(doc.data()))
    .flatMap((parsed) => (parsed.success ? [{ id: parsed.data.id, name: parsed.data.name }] : []))
    .sort((a, b) => a.id.localeCompare(b.id))
  const totals = monthDoc.exists ? (monthDoc.data() as MonthTotals) : null
  const asOf = (state.get('watermark.at') as Timestamp | undefined)?.toDate().toISOString() ?? null
  return settlementOf(month, totals, partners, config, asOf)
}
