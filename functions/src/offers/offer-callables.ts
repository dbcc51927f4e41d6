import { CALLABLES } from '../../../src/domain/contracts/callables'
import { EmptyInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { RedeemPromoCodeInputSchema } from '../../../src/domain/offers/promo-codes'
import { offersFor } from '../../../src/domain/offers/offers'
import { localDate } from '../../../src/domain/shared/calendar'
import { paths } from '../../../src/domain/shared/paths'
import { HttpsError } from 'firebase-functions/v2/https'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { audienceOf, loadActiveOffers } from './load'
import { redeemPromo } from './promo'

/**
 * `listMyOffers`: the offers that target the signed-in member and do not hold them out, running
 * or about to. Decided here, never by the app: a held-out member's phone never learns the offer.
 */
export const listMyOffers = callable(CALLABLES.listMyOffers, { input: EmptyInputSchema, authorize: requireAuth }, async (_input, caller) => {
  const firestore = db()
  const [config, member, offers] = await Promise.all([loadClubConfig(firestore), firestore.doc(paths.member(caller.uid)).get(), loadActiveOffers(firestore)])
  if (!member.exists) throw new HttpsError('not-found', 'No such member.')
  const today = localDate(new Date(), config.timeZone)
  return { offers: await offersFor(offers, { ...audienceOf(member), uid: caller.uid }, today, config.timeZone) }
})

/** `redeemPromoCode`: a member types a promo code (any case, spaces around it ignored). */
export const redeemPromoCode = callable(CALLABLES.redeemPromoCode, { input: RedeemPromoCodeInputSchema, authorize: requireAuth }, async (input, caller) => {
  const firestore = db()
  return redeemPromo(firestore, { uid: caller.uid, code: input.code, requestId: input.requestId, config: await loadClubConfig(firestore) })
})
