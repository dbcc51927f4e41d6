import type { Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ReversalResult } from '../../../src/domain/contracts/callable-results'
import { localDate, monthOf } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import type { LotSlice } from '../../../src/domain/points/lots'
import { debit, reviewTier, withdrawQualifying } from '../../../src/domain/points/points'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import type { EntryDraft } from '../ledger/member-state'
import { runLedgerOperation } from '../ledger/transaction'

export type { ReversalResult }

/**
 * Refund policy: a refunded purchase gives back everything it earned. The points come off the
 * purchase's own lot first, then the oldest lots; the balance never goes below zero, and what
 * was already spent becomes a debt that the member's next earnings pay off before anything else.
 * The purchase also stops counting toward the tier (no downgrade before the tier year ends).
 */
export async function reversePurchase(
  db: Firestore,
  params: { partnerId: string; receiptId: string; by: string; tillId?: string | null; config: ClubConfig },
): Promise<ReversalResult & { uid: string; purchaseEntryId: string }> {
  const receipt = await db.doc(paths.receipt(params.partnerId, params.receiptId)).get()
  if (!receipt.exists) throw new HttpsError('not-found', 'No purchase with this receipt at this partner.', { reason: 'unknown-receipt' })
  const status = receipt.get('status')
  if (status === 'pending' || status === 'refused') {
    // Nothing was paid: a held purchase is refused through the review, not refunded.
    throw new HttpsError('failed-precondition', 'This purchase is held for review; refuse it instead of refunding it.', {
      reason: status === 'pending' ? 'purchase-pending' : 'purchase-refused',
    })
  }
  const uid = String(receipt.get('uid'))
  const purchaseId = String(receipt.get('entryId'))
  const key = LEDGER_IDS.purchaseRefund(purchaseId)
  const result = await runLedgerOperation<ReversalResult>(db, {
    uid,
    key,
    config: params.config,
    plan: async (ctx) => {
      const original = await ctx.tx.get(db.doc(paths.ledgerEntry(uid, purchaseId)))
      if (!original.exists) throw new HttpsError('not-found', 'The purchase entry is missing.')
      const points = Number(original.get('points'))
      const amount = Number(original.get('amountShekels') ?? 0)
      const lots = (original.get('lots') ?? []) as LotSlice[]
      const taken = debit(ctx.state, points, { allowShortfall: true, prefer: lots[0]?.expiresOn })
      const earnedMonth = monthOf(localDate(original.get('createdAt').toDate(), ctx.config.timeZone))
      const withdrawn = withdrawQualifying(taken.state, earnedMonth, { points, spend: amount }, ctx.today)
      const { state } = reviewTier(withdrawn, ctx.config, ctx.today)
      const entry: EntryDraft = {
        id: key,
        type: 'reversal',
        points: -(points - taken.shortfall),
        source: 'purchase',
        reason: 'purchase_refund',
        ref: params.receiptId,
        partnerId: params.partnerId,
        by: params.by,
        lots: taken.taken,
        details: { reverses: purchaseId, shortfall: taken.shortfall, amountShekels: amount, tillId: params.tillId ?? null },
      }
      return {
        state,
        entries: [entry],
        writes: (tx) => tx.update(receipt.ref, { status: 'refunded', refundEntryId: key }),
        result: { reversedPoints: points, shortfall: taken.shortfall, balance: state.balance, replayed: false },
      }
    },
    replay: (entry, ctx) => ({
      reversedPoints: -Number(entry.get('points')) + Number(entry.get('shortfall') ?? 0),
      shortfall: Number(entry.get('shortfall') ?? 0),
      balance: ctx.state.balance,
      replayed: true,
    }),
  })
  return { ...result, uid, purchaseEntryId: purchaseId }
}
