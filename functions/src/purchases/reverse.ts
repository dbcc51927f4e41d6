import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ReversalResult } from '../../../src/domain/contracts/callable-results'
import { localDate, monthOf } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import type { LotSlice } from '../../../src/domain/points/lots'
import { debit, reviewTier, withdrawQualifying } from '../../../src/domain/points/points'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { nameAtTill } from '../../../src/domain/members/member'
import { afterRefund, refundRefusal, staffDayOf } from '../../../src/domain/partners/purchase-limits'
import type { RefundReason } from '../../../src/domain/partners/till'
import { isSelfDealing } from './record'
import { tillLogId, writeTillLog } from './till-log'
import type { EntryDraft } from '../ledger/member-state'
import { runLedgerOperation } from '../ledger/transaction'
import { recordAudit, type AuditActor } from '../admin/audit'

export type { ReversalResult }

/**
 * Refund policy: a refunded purchase gives back everything it earned. The points come off the
 * purchase's own lot first, then the oldest lots; the balance never goes below zero, and what
 * was already spent becomes a debt that the member's next earnings pay off before anything else.
 * The purchase also stops counting toward the tier (no downgrade before the tier year ends).
 *
 * At the till (the actor is staff) a refund is bounded like a purchase: never on the staff
 * person's own member account, counted per staff account per club day (how many, and their ₪),
 * and written to the till's day. Idempotent by the receipt: a retry, from any till of the store,
 * answers the first refund and counts nothing.
 */
export async function reversePurchase(
  db: Firestore,
  params: {
    partnerId: string
    receiptId: string
    actor: AuditActor
    config: ClubConfig
    reason: RefundReason
    /** Staff only: their mailbox and linked member account, for the self-dealing check. */
    staff?: { email: string | null; memberUid: string | null }
  },
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
  const uid = String(receipt.get('ledgerUid') ?? receipt.get('uid'))
  const purchaseId = String(receipt.get('entryId'))
  const key = LEDGER_IDS.purchaseRefund(purchaseId)
  const result = await runLedgerOperation<ReversalResult>(db, {
    uid,
    key,
    config: params.config,
    plan: async (ctx) => {
      const atTill = params.actor.role === 'staff'
      if (atTill && isSelfDealing({ uid: params.actor.uid, email: params.staff?.email ?? null, memberUid: params.staff?.memberUid ?? null, tillId: '' }, ctx.member)) {
        throw new HttpsError('permission-denied', 'Staff cannot refund purchases of their own member account.', { reason: 'staff-self-refund' })
      }
      const staffDayRef = db.doc(paths.staffDay(params.actor.uid, ctx.today))
      const [original, staffDay] = await Promise.all([
        ctx.tx.get(db.doc(paths.ledgerEntry(uid, purchaseId))),
        atTill ? ctx.tx.get(staffDayRef) : null,
      ])
      if (!original.exists) throw new HttpsError('not-found', 'The purchase entry is missing.')
      const points = Number(original.get('points'))
      const amount = Number(original.get('amountShekels') ?? 0)
      const day = staffDayOf(staffDay?.data())
      const refusal = atTill ? refundRefusal(ctx.config.purchases, day, amount) : null
      if (refusal) {
        throw new HttpsError(refusal.code, `Refund refused (${refusal.reason}, limit ${refusal.limit}).`, { reason: refusal.reason, limit: refusal.limit })
      }
      const displayName = nameAtTill(String(ctx.member.get('name') ?? ''))
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
        by: params.actor.uid,
        lots: taken.taken,
        details: { reverses: purchaseId, shortfall: taken.shortfall, amountShekels: amount, tillId: params.actor.tillId, refundReason: params.reason },
      }
      return {
        state,
        entries: [entry],
        writes: (tx) => {
          tx.update(receipt.ref, {
            status: 'refunded',
            refundEntryId: key,
            refundReason: params.reason,
            refundedBy: params.actor.uid,
            refundTillId: params.actor.tillId,
            refundedAt: Timestamp.fromDate(ctx.now),
          })
          if (atTill) {
            tx.set(staffDayRef, { ...afterRefund(day, amount), partnerId: params.partnerId, day: ctx.today }, { merge: true })
            writeTillLog(
              tx,
              db,
              tillLogId('refund', params.partnerId, params.receiptId),
              {
                kind: 'refund',
                partnerId: params.partnerId,
                tillId: params.actor.tillId,
                by: params.actor.uid,
                receiptId: params.receiptId,
                amountShekels: amount,
                points: -points,
                displayName,
                ref: params.reason,
                name: null,
              },
              ctx.now,
              ctx.today,
            )
          }
          recordAudit(tx, db, {
            actor: params.actor,
            action: 'reversePurchase',
            memberUid: uid,
            partnerId: params.partnerId,
            target: params.receiptId,
            details: { reversedPoints: points, shortfall: taken.shortfall, amountShekels: amount, reason: params.reason },
          })
        },
        result: {
          reversedPoints: points,
          receiptId: params.receiptId,
          amountShekels: amount,
          displayName,
          shortfall: taken.shortfall,
          balance: state.balance,
          replayed: false,
        },
      }
    },
    replay: (entry, ctx) => ({
      reversedPoints: -Number(entry.get('points')) + Number(entry.get('shortfall') ?? 0),
      receiptId: params.receiptId,
      amountShekels: Number(entry.get('amountShekels') ?? 0),
      displayName: nameAtTill(String(ctx.member.get('name') ?? '')),
      shortfall: Number(entry.get('shortfall') ?? 0),
      balance: ctx.state.balance,
      replayed: true,
    }),
  })
  return { ...result, uid, purchaseEntryId: purchaseId }
}
