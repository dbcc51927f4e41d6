import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { PurchaseResult } from '../../../src/domain/contracts/callable-results'
import type { ClubConfig, Partner } from '../../../src/domain/shared/club-config'
import { purchasePoints } from '../../../src/domain/points/earning'
import { nameAtTill } from '../../../src/domain/members/member'
import { planEarnMultiplier } from '../../../src/domain/members/plans'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { afterPurchase, needsReview, purchaseRefusal, staffDayOf } from '../../../src/domain/partners/purchase-limits'
import { normalizeEmail } from '../../../src/domain/referrals/referrals'
import { effectiveTier, type TierBoost } from '../../../src/domain/points/tiers'
import { planCredit } from '../ledger/award'
import { runLedgerOperation, type LedgerContext } from '../ledger/transaction'
import { recordAudit } from '../admin/audit'
import { tillLogId, writeTillLog } from './till-log'
import { addPurchase, purchaseStatsOf } from '../../../src/domain/offers/rfm'
import { assignmentsOf, liftCounts } from '../../../src/domain/offers/lift'

export type { PurchaseResult }

/** Who records the purchase: the staff account, its till, and what the operator linked to it. */
export interface Recorder {
  uid: string
  email: string | null
  /** The staff person's own member account, when linked (custom claim `memberUid`). */
  memberUid: string | null
  tillId: string
}

export interface PurchaseParams {
  uid: string
  partner: Partner
  amount: number
  receiptId: string
  staff: Recorder
  config: ClubConfig
  at?: Date
  /** The card token's scan record: the token is good for one purchase. */
  cardScanPath?: string
  /**
   * Why the member number was typed instead of scanned: typed purchases are flagged and capped
   * lower. The callable always sends a token or a reason; the seed's history sends neither.
   */
  typedReason?: string
  /** The scan time of a purchase from the till's offline queue (flagged, capped per day). */
  offlineScannedAt?: Date
}

/** What the purchase was, for what follows it (a referral's qualification). */
export interface RecordedPurchase extends PurchaseResult {
  entryId: string
  /** The member's latest recorded purchase before this one (club-local day), for a second-purchase offer. */
  previousPurchaseOn: string | null
}

/**
 * A staff member never earns on a purchase they record (or an eco action they confirm): not on
 * their own account, not on the member account the operator linked to theirs, not on an account
 * with their mailbox.
 */
export function isSelfDealing(staff: Recorder, member: DocumentSnapshot): boolean {
  if (member.id === staff.uid || member.id === staff.memberUid) return true
  const email = member.get('email')
  return typeof email === 'string' && staff.email !== null && normalizeEmail(email) === normalizeEmail(staff.email)
}

/**
 * Records a purchase at a partner: points by the club rate, the member's tier multiplier and the
 * partner's multiplier. Idempotent by partner + receipt number: a retry returns the first result;
 * the same receipt with another member or amount is refused. Purchases above the club's review
 * threshold are held (`pending`): the receipt is kept and the points wait for an operator.
 */
export async function recordPurchase(db: Firestore, params: PurchaseParams): Promise<RecordedPurchase> {
  const { uid, partner, amount, receiptId, staff, config } = params
  const key = LEDGER_IDS.purchase(partner.id, receiptId)
  const receiptRef = db.doc(paths.receipt(partner.id, receiptId))
  const typed = params.typedReason !== undefined
  const offline = params.offlineScannedAt !== undefined
  const answer = (
    ctx: LedgerContext,
    status: PurchaseResult['status'],
    points: number,
    replayed: boolean,
    previousPurchaseOn: string | null,
  ): RecordedPurchase => ({
    status,
    points,
    displayName: nameAtTill(String(ctx.member.get('name') ?? '')),
    tierId: ctx.state.tierId,
    replayed,
    entryId: ctx.entryId(key),
    previousPurchaseOn,
  })
  return runLedgerOperation<RecordedPurchase>(db, {
    uid,
    key,
    config,
    at: params.at,
    // A household member's purchase pays the household's shared balance.
    forHousehold: true,
    plan: async (ctx) => {
      if (isSelfDealing(staff, ctx.member)) {
        throw new HttpsError('permission-denied', 'Staff cannot record purchases for their own member account.', {
          reason: 'staff-self-purchase',
        })
      }
      const staffDayRef = db.doc(paths.staffDay(staff.uid, ctx.today))
      const [receipt, scan, staffDay] = await Promise.all([
        ctx.tx.get(receiptRef),
        params.cardScanPath ? ctx.tx.get(db.doc(params.cardScanPath)) : null,
        ctx.tx.get(staffDayRef),
      ])
      if (receipt.exists) return replayReceipt(receipt, ctx)
      if (scan?.exists) {
        throw new HttpsError('failed-precondition', 'This card code was already used; ask for the live card.', {
          reason: 'token-reused',
        })
      }
      const day = staffDayOf(staffDay.data())
      const attempt = { amountShekels: amount, typed, offline }
      const refusal = purchaseRefusal(config.purchases, partner, day, attempt)
      if (refusal) {
        throw new HttpsError(refusal.code, `Purchase refused (${refusal.reason}, limit ${refusal.limit}).`, {
          reason: refusal.reason,
          limit: refusal.limit,
        })
      }
      // A referral reward can lend the next tier's earn rate for a while.
      const tier = effectiveTier(ctx.state.tierId, ctx.member.get('tierBoost') as TierBoost | undefined, config.tiers, ctx.today)
      // A paid plan's multiplier, as bought, while its term runs (src/domain/members/plans.ts).
      const points = purchasePoints(amount, config, tier, partner.earnMultiplier * planEarnMultiplier(ctx.member.get('plan'), ctx.today))
      const held = needsReview(config.purchases, amount)
      const flags = [...(typed ? ['typed'] : []), ...(offline ? ['offline'] : []), ...(held ? ['review'] : [])]
      const audit = {
        by: staff.uid,
        tillId: staff.tillId,
        typedReason: params.typedReason ?? null,
        offlineScannedAt: params.offlineScannedAt ? Timestamp.fromDate(params.offlineScannedAt) : null,
        flags,
      }
      const stats = purchaseStatsOf(ctx.member.get('purchaseStats'))
      const previousPurchaseOn = stats.lastOn
      const commonWrites = (tx: Transaction) => {
        if (params.cardScanPath) {
          tx.create(db.doc(params.cardScanPath), {
            uid,
            partnerId: partner.id,
            receiptId,
            scannedAt: Timestamp.fromDate(params.offlineScannedAt ?? ctx.now),
          })
        }
        tx.set(staffDayRef, { ...afterPurchase(day, attempt), partnerId: partner.id, day: ctx.today })
        tx.create(receiptRef, {
          uid,
          memberNo: ctx.member.get('memberNo'),
          partnerId: partner.id,
          receiptId,
          amountShekels: amount,
          points,
          // Where the points are: the owner's ledger for a household member's purchase.
          ledgerUid: ctx.uid,
          entryId: ctx.entryId(key),
          status: held ? 'pending' : 'recorded',
          scanned: !typed,
          previousPurchaseOn,
          ...audit,
          recordedAt: Timestamp.fromDate(ctx.now),
        })
        recordAudit(tx, db, {
          actor: { uid: staff.uid, role: 'staff', partnerId: partner.id, tillId: staff.tillId },
          action: 'recordPurchase',
          memberUid: uid,
          partnerId: partner.id,
          target: receiptId,
          details: {
            amountShekels: amount,
            points,
            status: held ? 'pending' : 'recorded',
            typed,
            offline,
            typedReason: params.typedReason ?? null,
          },
        })
        writeTillLog(
          tx,
          db,
          tillLogId('purchase', partner.id, receiptId),
          {
            kind: 'purchase',
            partnerId: partner.id,
            tillId: staff.tillId,
            by: staff.uid,
            receiptId,
            amountShekels: amount,
            points,
            displayName: nameAtTill(String(ctx.member.get('name') ?? '')),
            ref: null,
            name: null,
          },
          ctx.now,
          ctx.today,
        )
      }
      if (held) {
        return {
          state: ctx.state,
          entries: [],
          memberFields: { pendingPoints: FieldValue.increment(points) },
          writes: commonWrites,
          result: answer(ctx, 'pending', points, false, previousPurchaseOn),
        }
      }
      const planned = planCredit(ctx, {
        key,
        points,
        source: 'purchase',
        reason: 'purchase',
        ref: receiptId,
        partnerId: partner.id,
        by: staff.uid,
        spend: amount,
        details: { amountShekels: amount, receiptId, tillId: staff.tillId, flags, previousPurchaseOn },
      })
      // The running aggregates segment scoring reads, and the lift of offers the member is measured
      // for; a purchase held for review counts in neither.
      const lifts = liftCounts(assignmentsOf(ctx.member.get('offers')), previousPurchaseOn, ctx.today)
      return {
        ...planned,
        memberFields: { purchaseStats: addPurchase(stats, ctx.today, amount) },
        writes: (tx) => {
          commonWrites(tx)
          for (const lift of lifts) {
            tx.set(
              db.doc(paths.offerStats(lift.offerId, lift.from)),
              {
                offerId: lift.offerId,
                from: lift.from,
                [lift.group]: {
                  purchases: FieldValue.increment(1),
                  spendShekels: FieldValue.increment(amount),
                  buyers: FieldValue.increment(lift.firstInWindow ? 1 : 0),
                },
              },
              { merge: true },
            )
          }
        },
        result: { ...answer(ctx, 'recorded', points, false, previousPurchaseOn), tierId: planned.state.tierId },
      }
    },
    replay: (entry, ctx) => {
      if (Number(entry.get('amountShekels')) !== amount) {
        throw new HttpsError('failed-precondition', 'This receipt was already recorded with another amount.', {
          reason: 'receipt-conflict',
        })
      }
      const previous = entry.get('previousPurchaseOn')
      return answer(ctx, 'recorded', Number(entry.get('points')), true, typeof previous === 'string' ? previous : null)
    },
  })

  /** The receipt is known: the same purchase sent again gets its first answer; anything else is refused. */
  function replayReceipt(receipt: DocumentSnapshot, ctx: LedgerContext) {
    if (receipt.get('uid') !== uid || Number(receipt.get('amountShekels')) !== amount) {
      throw new HttpsError('failed-precondition', 'This receipt number was already recorded for another purchase.', {
        reason: 'receipt-conflict',
      })
    }
    const status = receipt.get('status')
    if (status === 'refused') {
      throw new HttpsError('failed-precondition', 'An operator refused this purchase.', { reason: 'purchase-refused' })
    }
    return {
      state: ctx.state,
      entries: [],
      result: answer(
        ctx,
        status === 'pending' ? 'pending' : 'recorded',
        Number(receipt.get('points')),
        true,
        typeof receipt.get('previousPurchaseOn') === 'string' ? receipt.get('previousPurchaseOn') : null,
      ),
    }
  }
}
