import type { Firestore } from 'firebase-admin/firestore'
import { isHeldOut, isOpen, isSecondPurchase, offerDays, targets } from '../../../src/domain/offers/offers'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { awardPoints } from '../ledger/award'
import { audienceOf, loadActiveOffers } from './load'

/**
 * After a recorded purchase: the bonus of every running `second-purchase` offer that targets the
 * member (and does not hold them out) when their purchase before this one was at most 7 days
 * earlier. Its ledger entry id names the offer and the purchase, so a retried purchase, or two
 * runs at once, pay once. Returns the points paid now.
 */
export async function awardSecondPurchase(
  db: Firestore,
  params: { uid: string; purchaseEntryId: string; previousPurchaseOn: string | null; config: ClubConfig; now?: Date },
): Promise<number> {
  const now = params.now ?? new Date()
  const today = localDate(now, params.config.timeZone)
  if (!isSecondPurchase(params.previousPurchaseOn, today)) return 0
  const offers = (await loadActiveOffers(db)).filter((offer) => offer.kind === 'second-purchase')
  if (offers.length === 0) return 0
  const member = await db.doc(paths.member(params.uid)).get()
  if (!member.exists) return 0
  const audience = audienceOf(member)
  let paid = 0
  for (const offer of offers) {
    if (!targets(offer, audience) || !isOpen(offerDays(offer.window, today, params.config.timeZone), today)) continue
    if (await isHeldOut(offer, params.uid)) continue
    const award = await awardPoints(db, {
      uid: params.uid,
      config: params.config,
      forHousehold: true,
      spec: {
        key: LEDGER_IDS.secondPurchase(offer.id, params.purchaseEntryId),
        points: offer.bonusPoints,
        source: 'offer',
        reason: 'second_purchase',
        ref: offer.id,
        by: 'system',
        details: { purchaseEntryId: params.purchaseEntryId },
      },
    })
    if (!award.replayed) paid += award.points
  }
  return paid
}
