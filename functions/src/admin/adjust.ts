import type { Firestore, Transaction } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { debit } from '../../../src/domain/points/points'
import { LEDGER_IDS } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation } from '../ledger/transaction'
import { recordAudit } from './audit'

/** An operator's correction, with a mandatory note; a debit never takes the balance below zero. */
export async function adjustPoints(
  db: Firestore,
  params: { uid: string; points: number; note: string; requestId: string; by: string; config: ClubConfig },
): Promise<{ balance: number; replayed: boolean }> {
  const key = LEDGER_IDS.adjustment(params.requestId)
  const writes = (tx: Transaction) =>
    recordAudit(tx, db, {
      actor: { uid: params.by, role: 'admin', partnerId: null, tillId: null },
      action: 'adjustPoints',
      memberUid: params.uid,
      partnerId: null,
      target: key,
      details: { points: params.points, note: params.note, requestId: params.requestId },
    })
  return runLedgerOperation<{ balance: number; replayed: boolean }>(db, {
    uid: params.uid,
    key,
    config: params.config,
    plan: (ctx) => {
      if (params.points > 0) {
        const planned = planCredit(ctx, {
          key,
          type: 'adjust',
          points: params.points,
          source: 'admin',
          reason: 'admin_adjustment',
          by: params.by,
          note: params.note,
        })
        return { ...planned, writes, result: { balance: planned.state.balance, replayed: false } }
      }
      const taken = debit(ctx.state, -params.points)
      return {
        state: taken.state,
        entries: [
          {
            id: key,
            type: 'adjust',
            points: params.points,
            source: 'admin',
            reason: 'admin_adjustment',
            by: params.by,
            lots: taken.taken,
            note: params.note,
          },
        ],
        writes,
        result: { balance: taken.state.balance, replayed: false },
      }
    },
    replay: (entry, ctx) => {
      if (Number(entry.get('points')) !== params.points) {
        throw new HttpsError('failed-precondition', 'This request id was already used for another adjustment.', {
          reason: 'request-conflict',
        })
      }
      return { balance: ctx.state.balance, replayed: true }
    },
  })
}
