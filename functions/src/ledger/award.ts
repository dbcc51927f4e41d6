import type { Firestore } from 'firebase-admin/firestore'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { QUALIFYING_SOURCES, credit } from '../../../src/domain/points/points'
import { LEDGER_IDS } from '../../../src/domain/shared/paths'
import type { EntryDraft } from './member-state'
import { runLedgerOperation, type LedgerContext, type LedgerPlan } from './transaction'

/** A credit: the fields of its earn entry, plus the spend it counts toward a spend-measured tier. */
export type CreditSpec = Pick<EntryDraft, 'points' | 'source' | 'reason' | 'ref' | 'partnerId' | 'by' | 'note' | 'details'> & {
  key: string
  /** `adjust` for an operator's positive correction; otherwise `earn`. */
  type?: 'earn' | 'adjust'
  /** ₪ that count toward a spend-measured tier. */
  spend?: number
}

/**
 * Plans a credit: the earn entry (a new lot) and, when the member owes points from an earlier
 * refund, the entry that pays the debt off first.
 */
export function planCredit(ctx: LedgerContext, spec: CreditSpec): Pick<LedgerPlan<never>, 'state' | 'entries'> {
  const qualifies = QUALIFYING_SOURCES.includes(spec.source)
  const result = credit(
    ctx.state,
    spec.points,
    {
      earnedOn: ctx.today,
      today: ctx.today,
      qualifying: qualifies ? { points: spec.points, spend: spec.spend ?? 0 } : undefined,
    },
    ctx.config,
  )
  const entries: EntryDraft[] = [
    {
      id: spec.key,
      type: spec.type ?? 'earn',
      points: spec.points,
      source: spec.source,
      reason: spec.reason,
      ref: spec.ref,
      partnerId: spec.partnerId,
      by: spec.by,
      lots: spec.points > 0 ? [result.lot] : [],
      note: spec.note,
      details: spec.details,
    },
  ]
  if (result.recovered) {
    entries.push({
      id: LEDGER_IDS.debtRecovery(spec.key),
      type: 'adjust',
      points: -result.recovered.points,
      source: spec.source,
      reason: 'debt_recovery',
      ref: spec.key,
      by: 'system',
      lots: result.recovered.taken,
    })
  }
  return { state: result.state, entries }
}

/** A plain award (gift, activity): idempotent by its key; replays report the first result. */
export async function awardPoints(
  db: Firestore,
  params: { uid: string; config: ClubConfig; at?: Date; asOf?: Date; spec: CreditSpec; memberFields?: Record<string, unknown>; forHousehold?: boolean },
): Promise<{ points: number; balance: number; replayed: boolean }> {
  return runLedgerOperation<{ points: number; balance: number; replayed: boolean }>(db, {
    uid: params.uid,
    key: params.spec.key,
    config: params.config,
    at: params.at,
    asOf: params.asOf,
    forHousehold: params.forHousehold,
    plan: (ctx) => {
      const planned = planCredit(ctx, params.spec)
      return {
        ...planned,
        memberFields: params.memberFields,
        result: { points: params.spec.points, balance: planned.state.balance, replayed: false },
      }
    },
    replay: (entry, ctx) => ({ points: Number(entry.get('points')), balance: ctx.state.balance, replayed: true }),
  })
}
