import { FieldValue, Timestamp, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ReviewPurchaseResult } from '../../../src/domain/contracts/callable-results'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { addPurchase, purchaseStatsOf } from '../../../src/domain/offers/rfm'
import { localDate } from '../../../src/domain/shared/calendar'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation } from '../ledger/transaction'
import { recordAudit } from '../admin/audit'

export interface ReviewedPurchase extends ReviewPurchaseResult {
  uid: string
  entryId: string
  amountShekels: number
  scanned: boolean
  offline: boolean
}

/**
 * An operator decides a purchase held for review. Approval credits the points the till computed
 * (as of the approval day) with the purchase's own ledger id; refusal releases the pending
 * points. Either is idempotent: deciding again returns the decision, deciding the other way is
 * refused.
 */
export async function reviewPurchase(
  db: Firestore,
  params: { partnerId: string; receiptId: string; approve: boolean; note: string; by: string; config: ClubConfig },
): Promise<ReviewedPurchase> {
  const receiptRef = db.doc(paths.receipt(params.partnerId, params.receiptId))
  const first = await receiptRef.get()
  if (!first.exists) throw new HttpsError('not-found', 'No purchase with this receipt at this partner.', { reason: 'unknown-receipt' })
  const uid = String(first.get('uid'))
  const entryId = String(first.get('entryId'))
  const points = Number(first.get('points'))
  const amountShekels = Number(first.get('amountShekels'))
  const flags = (first.get('flags') ?? []) as string[]
  const facts = { uid, entryId, amountShekels, scanned: first.get('scanned') === true, offline: flags.includes('offline') }
  const decided = (status: string | undefined, replayed: boolean): ReviewedPurchase => {
    const wanted = params.approve ? 'recorded' : 'refused'
    if (status !== wanted) {
      throw new HttpsError('failed-precondition', `This purchase was already ${status === 'refused' ? 'refused' : 'approved'}.`, {
        reason: 'purchase-already-reviewed',
      })
    }
    return { ...facts, status: wanted, points: params.approve ? points : 0, replayed }
  }
  const review = (now: Date) => ({ reviewedBy: params.by, reviewedAt: Timestamp.fromDate(now), reviewNote: params.note })
  const audit = (tx: Transaction) =>
    recordAudit(tx, db, {
      actor: { uid: params.by, role: 'admin', partnerId: null, tillId: null },
      action: 'reviewPurchase',
      memberUid: uid,
      partnerId: params.partnerId,
      target: params.receiptId,
      details: { approve: params.approve, points, amountShekels, note: params.note },
    })

  if (!params.approve) {
    return db.runTransaction(async (tx) => {
      const receipt = await tx.get(receiptRef)
      if (receipt.get('status') !== 'pending') return decided(receipt.get('status'), true)
      const now = new Date()
      tx.update(receiptRef, { status: 'refused', ...review(now) })
      tx.update(db.doc(paths.member(uid)), { pendingPoints: FieldValue.increment(-points), updatedAt: Timestamp.fromDate(now) })
      audit(tx)
      return decided('refused', false)
    })
  }
  // The purchase's own key: for a household member it lands wherever they belong at approval.
  const purchaseKey = LEDGER_IDS.purchase(params.partnerId, params.receiptId)
  return runLedgerOperation<ReviewedPurchase>(db, {
    uid,
    key: purchaseKey,
    config: params.config,
    forHousehold: true,
    plan: async (ctx) => {
      const receipt = await ctx.tx.get(receiptRef)
      if (receipt.get('status') !== 'pending') return { state: ctx.state, entries: [], result: decided(receipt.get('status'), true) }
      const planned = planCredit(ctx, {
        key: purchaseKey,
        points,
        source: 'purchase',
        reason: 'purchase',
        ref: params.receiptId,
        partnerId: params.partnerId,
        by: String(receipt.get('by')),
        spend: amountShekels,
        details: {
          amountShekels,
          receiptId: params.receiptId,
          tillId: receipt.get('tillId') ?? null,
          flags,
          approvedBy: params.by,
        },
      })
      // Counted for segment scoring now, on the day it was bought (the till left it out while held).
      const recordedAt = receipt.get('recordedAt') as Timestamp | undefined
      const boughtOn = localDate(recordedAt?.toDate() ?? ctx.now, params.config.timeZone)
      return {
        ...planned,
        memberFields: {
          pendingPoints: FieldValue.increment(-points),
          purchaseStats: addPurchase(purchaseStatsOf(ctx.member.get('purchaseStats')), boughtOn, amountShekels),
        },
        writes: (tx) => {
          tx.update(receiptRef, { status: 'recorded', ledgerUid: ctx.uid, entryId: ctx.entryId(purchaseKey), ...review(ctx.now) })
          audit(tx)
        },
        result: decided('recorded', false),
      }
    },
    replay: () => decided('recorded', true),
  })
}
