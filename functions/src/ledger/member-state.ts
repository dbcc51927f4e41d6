import { FieldValue, Timestamp, type DocumentData } from 'firebase-admin/firestore'
import type { LocalDate } from '../../../src/domain/shared/calendar'
import { categoryOf, type LedgerReason, type LedgerSource, type LedgerType } from '../../../src/domain/points/ledger'
import type { LotSlice } from '../../../src/domain/points/lots'
import { pointsSummary, type PointsPolicy, type PointsState } from '../../../src/domain/points/points'
import { dutySummaryOf } from '../../../src/domain/earn/reserve-duty'

/** Reads the points state off a member document (fields a member can never write). */
export function pointsStateOf(data: DocumentData): PointsState {
  return {
    balance: Number(data.balance ?? 0),
    lifetimePoints: Number(data.lifetimePoints ?? 0),
    pointsDebt: Number(data.pointsDebt ?? 0),
    expiryBuckets: { ...(data.expiryBuckets ?? {}) },
    qualifyingMonths: { ...(data.qualifyingMonths ?? {}) },
    tierId: String(data.tierId ?? ''),
    tierYearEnds: String(data.tierYearEnds ?? '0000-01-01'),
    pauses: dutySummaryOf(data.reserveDuty).pauses,
  }
}

/** The member-document fields that carry the points state and its summary. */
export function pointsFields(state: PointsState, policy: PointsPolicy, today: LocalDate) {
  // The pauses belong to the reserve-duty summary, which only the duty callables write.
  const fields: Omit<PointsState, 'pauses'> & { pauses?: unknown } = { ...state }
  delete fields.pauses
  return { ...fields, ...pointsSummary(state, policy, today) }
}

export interface EntryDraft {
  id: string
  type: LedgerType
  points: number
  source: LedgerSource
  reason: LedgerReason
  ref?: string | null
  partnerId?: string | null
  by: string
  lots: LotSlice[]
  note?: string | null
  /** Facts particular to the entry: amountShekels, rewardId, couponCode, reverses, shortfall … */
  details?: Record<string, unknown>
}

export function entryData(draft: EntryDraft, balanceAfter: number, at: Date) {
  return {
    type: draft.type,
    category: categoryOf(draft.type, draft.points),
    points: draft.points,
    source: draft.source,
    reason: draft.reason,
    ref: draft.ref ?? null,
    partnerId: draft.partnerId ?? null,
    by: draft.by,
    lots: draft.lots,
    note: draft.note ?? null,
    balanceAfter,
    createdAt: Timestamp.fromDate(at),
    // The commit's own time: the reports fold entries in this order (a backdated or slow
    // transaction's createdAt can be earlier than entries already folded; its commit time cannot).
    recordedAt: FieldValue.serverTimestamp(),
    ...(draft.details ?? {}),
  }
}
