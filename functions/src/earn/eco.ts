import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions'
import { HttpsError } from 'firebase-functions/v2/https'
import { type ConfirmEcoActionResult, type EcoAction, type EcoRefusal, type StaffEcoDay, ecoConfirmation } from '../../../src/domain/earn/eco'
import { nameAtTill } from '../../../src/domain/members/member'
import type { RuleUsage } from '../../../src/domain/points/earning'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { LEDGER_IDS, idOf, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation, type LedgerContext } from '../ledger/transaction'
import { isSelfDealing, type Recorder } from '../purchases/record'
import { tillLogId, writeTillLog } from '../purchases/till-log'
import { grantBadges } from './badges'
import { recordAudit } from '../admin/audit'

/** An eco refusal as the callable's error: its code, its reason and any limit, for the till to explain. */
export function refuseEco(refusal: EcoRefusal): never {
  const limit = 'limit' in refusal ? { limit: refusal.limit } : {}
  throw new HttpsError(refusal.code, `Eco action refused (${refusal.reason}).`, { reason: refusal.reason, ...limit })
}

/**
 * Pays one confirmed eco action. Idempotent by the till's request id: a retry (or twenty at once)
 * finds the ledger entry and gets the first answer. The card token, the member's and the staff
 * account's daily counters and the points commit together, so a refusal changes nothing.
 */
export async function confirmEco(
  firestore: Firestore,
  params: { uid: string; action: EcoAction; partnerId: string; requestId: string; scanPath: string; staff: Recorder; config: ClubConfig },
): Promise<ConfirmEcoActionResult> {
  const { uid, action, partnerId, staff, config } = params
  const key = LEDGER_IDS.ecoAction(params.requestId)
  const usageRef = firestore.doc(paths.usage(uid, idOf('eco', action.id)))
  const answer = (ctx: LedgerContext, points: number, replayed: boolean, tierId = ctx.state.tierId): ConfirmEcoActionResult => ({
    actionId: action.id,
    points,
    displayName: nameAtTill(String(ctx.member.get('name') ?? '')),
    tierId,
    replayed,
  })
  return runLedgerOperation<ConfirmEcoActionResult>(firestore, {
    uid,
    key,
    config,
    forHousehold: true,
    plan: async (ctx) => {
      if (isSelfDealing(staff, ctx.member)) {
        throw new HttpsError('permission-denied', 'Staff cannot confirm eco actions for their own member account.', {
          reason: 'staff-self-purchase',
        })
      }
      const staffDayRef = firestore.doc(paths.staffEcoDay(staff.uid, ctx.today))
      const [scan, usage, staffDay] = await Promise.all([ctx.tx.get(firestore.doc(params.scanPath)), ctx.tx.get(usageRef), ctx.tx.get(staffDayRef)])
      if (scan.exists) {
        throw new HttpsError('failed-precondition', 'This card code was already used; ask for the live card.', { reason: 'token-reused' })
      }
      const verdict = ecoConfirmation(
        config.eco,
        action,
        usage.exists ? (usage.data() as RuleUsage) : null,
        staffDay.exists ? (staffDay.data() as StaffEcoDay) : null,
        ctx.today,
      )
      if (!verdict.ok) refuseEco(verdict.refusal)
      const planned = planCredit(ctx, {
        key,
        points: action.points,
        source: 'eco',
        reason: 'eco_action',
        ref: action.id,
        partnerId,
        by: staff.uid,
        details: { actionId: action.id, tillId: staff.tillId, requestId: params.requestId },
      })
      return {
        ...planned,
        writes: (tx) => {
          tx.create(firestore.doc(params.scanPath), { uid, partnerId, ecoActionId: action.id, requestId: params.requestId, scannedAt: Timestamp.fromDate(ctx.now) })
          tx.set(usageRef, verdict.usage)
          tx.set(staffDayRef, { ...verdict.staffDay, partnerId })
          recordAudit(tx, firestore, {
            actor: { uid: staff.uid, role: 'staff', partnerId, tillId: staff.tillId },
            action: 'confirmEcoAction',
            memberUid: uid,
            partnerId,
            target: action.id,
            details: { points: action.points, requestId: params.requestId },
          })
          writeTillLog(
            tx,
            firestore,
            tillLogId('eco', uid, params.requestId),
            {
              kind: 'eco',
              partnerId,
              tillId: staff.tillId,
              by: staff.uid,
              receiptId: null,
              amountShekels: null,
              points: action.points,
              displayName: nameAtTill(String(ctx.member.get('name') ?? '')),
              ref: action.id,
              name: null,
            },
            ctx.now,
            ctx.today,
          )
        },
        // The member's copy for the Earn hub (an activity rule of the same id shows it there).
        memberFields: { [`earnUsage.${action.id}`]: verdict.usage },
        result: answer(ctx, action.points, false, planned.state.tierId),
      }
    },
    replay: (entry, ctx) => {
      if (entry.get('ref') !== action.id) {
        throw new HttpsError('failed-precondition', 'This request was already used for another eco action.', { reason: 'eco-request-conflict' })
      }
      return answer(ctx, Number(entry.get('points')), true)
    },
  })
}

/** How many eco actions the member has had confirmed (for the eco badge), from the ledger. */
async function ecoActionCount(firestore: Firestore, uid: string): Promise<number> {
  const snap = await firestore.collection(paths.ledger(uid)).where('reason', '==', 'eco_action').count().get()
  return snap.data().count
}

/**
 * After a paid confirmation: the eco badge, counted from the ledger. Outside the payment and never
 * failing it — a badge missed here is granted by the next confirmation, which counts again.
 */
export async function grantEcoBadges(firestore: Firestore, uid: string): Promise<void> {
  try {
    await grantBadges(firestore, uid, { ecoActions: await ecoActionCount(firestore, uid) })
  } catch (error) {
    logger.error('eco badge not granted', { uid, error: String(error) })
  }
}
