import { Timestamp, type Firestore, type Transaction } from 'firebase-admin/firestore'
import type { TillDayKind } from '../../../src/domain/partners/till-day'
import type { LocalDate } from '../../../src/domain/shared/calendar'
import type { LocalizedText } from '../../../src/domain/shared/locale'
import { idOf, paths } from '../../../src/domain/shared/paths'

/** One row of a till's day, as the action that made it knows it. */
export interface TillLogInput {
  kind: TillDayKind
  partnerId: string
  tillId: string | null
  /** The staff account that did it. */
  by: string
  receiptId: string | null
  amountShekels: number | null
  points: number
  displayName: string
  ref: string | null
  name: LocalizedText | null
}

/**
 * The row's id from what makes the action unique (its idempotency key's parts), so an action
 * retried or sent twenty times at once writes one row.
 */
export function tillLogId(kind: TillDayKind, ...parts: string[]): string {
  return idOf(kind, ...parts)
}

/**
 * Writes the row in the action's own transaction: a refused action leaves none. The club day is
 * stored beside the time so the list is one equality-and-order query on an index.
 */
export function writeTillLog(tx: Transaction, db: Firestore, id: string, entry: TillLogInput, at: Date, day: LocalDate): void {
  tx.set(db.doc(paths.tillLogEntry(id)), { ...entry, day, at: Timestamp.fromDate(at) })
}
