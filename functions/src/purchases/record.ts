import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { PurchaseResult } from '../../../src/domain/callable-results'
import type { ClubConfig, Partner } from '../../../src/domain/club-config'
import { purchasePoints } from '../../../src/domain/earning'
import { firstName } from '../../../src/domain/member'
import { LEDGER_IDS } from '../../../src/domain/paths'
import { effectiveTier, type TierBoost } from '../../../src/domain/tiers'
import { planCredit } from '../ledger/award'
import { runLedgerOperation } from '../ledger/transaction'

export type { PurchaseResult }

/** Receipts are unique per partner across the whole club, whoever the member is. */
export function receiptPath(partnerId: string, receiptId: string): string {
  return `receipts/${partnerId}~${receiptId}`
}

/**
 * Records a purchase at a partner: points by the club rate, the member's tier multiplier and the
 * partner's multiplier. Idempotent by partner + receipt id: a retry returns the first result;
 * the same receipt with another member or amount is refused.
 */
export async function recordPurchase(
  db: Firestore,
  params: {
    uid: string
    partner: Partner
    amount: number
    receiptId: string
    by: string
    config: ClubConfig
    at?: Date
    /** The card token's scan record: the token is good for one purchase. */
    cardScanPath?: string
    scannedAt?: Date
  },
): Promise<PurchaseResult> {
  const { uid, partner, amount, receiptId, by, config } = params
  const key = LEDGER_IDS.purchase(partner.id, receiptId)
  const receiptRef = db.doc(receiptPath(partner.id, receiptId))
  return runLedgerOperation<PurchaseResult>(db, {
    uid,
    key,
    config,
    at: params.at,
    plan: async (ctx) => {
      const [receipt, scan] = await Promise.all([
        ctx.tx.get(receiptRef),
        params.cardScanPath ? ctx.tx.get(db.doc(params.cardScanPath)) : null,
      ])
      if (scan?.exists) {
        throw new HttpsError('failed-precondition', 'This card code was already used; ask for the live card.', {
          reason: 'token-reused',
        })
      }
      if (receipt.exists) {
        throw new HttpsError('failed-precondition', 'This receipt was already recorded for another member.', {
          reason: 'receipt-conflict',
        })
      }
      // A referral reward can lend the next tier's earn rate for a while.
      const tier = effectiveTier(ctx.state.tierId, ctx.member.get('tierBoost') as TierBoost | undefined, config.tiers, ctx.today)
      const points = purchasePoints(amount, config, tier, partner.earnMultiplier)
      const planned = planCredit(ctx, {
        key,
        points,
        source: 'purchase',
        reason: 'purchase',
        ref: receiptId,
        partnerId: partner.id,
        by,
        spend: amount,
        details: { amountShekels: amount, receiptId },
      })
      return {
        ...planned,
        writes: (tx) => {
          if (params.cardScanPath) {
            tx.create(db.doc(params.cardScanPath), {
              uid,
              partnerId: partner.id,
              receiptId,
              scannedAt: Timestamp.fromDate(params.scannedAt ?? ctx.now),
            })
          }
          tx.create(receiptRef, {
            uid,
            memberNo: ctx.member.get('memberNo'),
            partnerId: partner.id,
            receiptId,
            amountShekels: amount,
            points,
            entryId: key,
            status: 'recorded',
            by,
            recordedAt: Timestamp.fromDate(ctx.now),
            scannedAt: params.scannedAt ? Timestamp.fromDate(params.scannedAt) : null,
          })
        },
        result: {
          points,
          balance: planned.state.balance,
          firstName: firstName(String(ctx.member.get('name') ?? '')),
          tierId: planned.state.tierId,
          replayed: false,
        },
      }
    },
    replay: (entry, ctx) => {
      if (Number(entry.get('amountShekels')) !== amount) {
        throw new HttpsError('failed-precondition', 'This receipt was already recorded with another amount.', {
          reason: 'receipt-conflict',
        })
      }
      return {
        points: Number(entry.get('points')),
        balance: ctx.state.balance,
        firstName: firstName(String(ctx.member.get('name') ?? '')),
        tierId: ctx.state.tierId,
        replayed: true,
      }
    },
  })
}

