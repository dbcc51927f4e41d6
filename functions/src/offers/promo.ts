import { FieldValue, type Firestore } from 'firebase-admin/firestore'
import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https'
import { PromoCodeSchema, promoCodeId, promoRefusal, type PromoRefusal, type RedeemPromoCodeResult } from '../../../src/domain/offers/promo-codes'
import { purchaseStatsOf, rfmFacts } from '../../../src/domain/offers/rfm'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation } from '../ledger/transaction'

const REFUSAL_CODES: Record<PromoRefusal, FunctionsErrorCode> = {
  'promo-invalid': 'invalid-argument',
  'promo-unknown': 'not-found',
  'promo-expired': 'failed-precondition',
  'promo-used-up': 'resource-exhausted',
  'promo-already-used': 'failed-precondition',
  'promo-threshold': 'failed-precondition',
}

const refuse = (reason: PromoRefusal) => new HttpsError(REFUSAL_CODES[reason], `Promo code refused (${reason}).`, { reason })

/**
 * A member uses a promo code: its points through the ledger, once per member and code (the entry
 * id names the code), and one more use counted on the code in the same transaction, so parallel
 * redemptions never pass the total. The same request sent again gets its first answer; another
 * request for a code already used is `promo-already-used`. Every refusal changes nothing.
 */
export async function redeemPromo(
  db: Firestore,
  params: { uid: string; code: string; requestId: string; config: ClubConfig },
): Promise<RedeemPromoCodeResult> {
  const id = promoCodeId(params.code)
  if (!id) throw refuse('promo-invalid')
  const ref = db.doc(paths.promoCode(id))
  const key = LEDGER_IDS.promoCode(id)
  const tierIndex = (tierId: string) => params.config.tiers.findIndex((tier) => tier.id === tierId)
  return runLedgerOperation<RedeemPromoCodeResult>(db, {
    uid: params.uid,
    key,
    config: params.config,
    forHousehold: true,
    plan: async (ctx) => {
      const snap = await ctx.tx.get(ref)
      const parsed = snap.exists ? PromoCodeSchema.safeParse({ ...snap.data(), id }) : null
      const promo = parsed?.success ? parsed.data : null
      const spendShekels = rfmFacts(purchaseStatsOf(ctx.member.get('purchaseStats')), ctx.today).monetaryShekels
      const refusal = promoRefusal(promo, Number(snap.get('uses') ?? 0), { spendShekels, tierIndex: tierIndex(ctx.state.tierId) }, tierIndex, ctx.now)
      if (refusal || !promo) throw refuse(refusal ?? 'promo-unknown')
      const credited = planCredit(ctx, {
        key,
        points: promo.points,
        source: 'promo',
        reason: 'promo_code',
        ref: id,
        by: 'system',
        details: { requestId: params.requestId },
      })
      return {
        ...credited,
        writes: (tx) => tx.update(ref, { uses: FieldValue.increment(1) }),
        result: { code: id.toUpperCase(), points: promo.points, balance: credited.state.balance, replayed: false },
      }
    },
    replay: (entry, ctx) => {
      if (entry.get('requestId') !== params.requestId) throw refuse('promo-already-used')
      return { code: id.toUpperCase(), points: Number(entry.get('points')), balance: ctx.state.balance, replayed: true }
    },
  })
}
