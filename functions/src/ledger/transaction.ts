import {
  Timestamp,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { localDate, type LocalDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { InsufficientPoints, type PointsState } from '../../../src/domain/points/points'
import { paths } from '../../../src/domain/shared/paths'
import { entryData, pointsFields, pointsStateOf, type EntryDraft } from './member-state'

export interface LedgerContext {
  tx: Transaction
  db: Firestore
  uid: string
  member: DocumentSnapshot
  state: PointsState
  config: ClubConfig
  now: Date
  today: LocalDate
}

export interface LedgerPlan<T> {
  state: PointsState
  /** In order; each entry's balanceAfter follows from the one before. */
  entries: EntryDraft[]
  /** Other writes of the same operation (a coupon, stock, a receipt), done after the reads. */
  writes?: (tx: Transaction) => void
  /** Extra member fields (e.g. birthdayGiftYear) beside the points state. */
  memberFields?: Record<string, unknown>
  result: T
}

export interface LedgerOperation<T> {
  uid: string
  /** The idempotency key: the id of the operation's first ledger entry. */
  key: string
  config: ClubConfig
  /** Backdates the operation (seeding history); live operations take the time inside the transaction. */
  at?: Date
  /**
   * The moment the club's rules are applied for (which day it is for expiry, tiers and caps),
   * when it is not now: a maintenance run "as of" a date. Entries are still stamped with the
   * real time, so the ledger's order is the order things happened.
   */
  asOf?: Date
  /** Reads and decides; throws HttpsError to refuse. Must not write. */
  plan: (ctx: LedgerContext) => Promise<LedgerPlan<T>> | LedgerPlan<T>
  /** The answer when the key was already applied: the same operation replayed. */
  replay: (entry: DocumentSnapshot, ctx: LedgerContext) => Promise<T> | T
}

/** A busy member (a burst of awards, the nightly job) can need more than the default 5 tries. */
const TRANSACTION_ATTEMPTS = 10

/**
 * Every change of points goes through here: in one Firestore transaction it reads the member
 * and the idempotency entry, lets the operation plan, then writes the ledger entries and the
 * member's new state together. Retries and parallel duplicates find the entry and replay.
 */
export async function runLedgerOperation<T>(db: Firestore, op: LedgerOperation<T>): Promise<T> {
  const memberRef = db.doc(paths.member(op.uid))
  const keyRef = db.doc(paths.ledgerEntry(op.uid, op.key))
  try {
    return await db.runTransaction(async (tx) => {
      const [member, existing] = await Promise.all([tx.get(memberRef), tx.get(keyRef)])
      if (!member.exists) throw new HttpsError('not-found', 'No such member.')
      // Taken after the reads: a transaction that waited for another sees a later time.
      const now = op.at ?? new Date()
      const ctx: LedgerContext = {
        tx,
        db,
        uid: op.uid,
        member,
        state: pointsStateOf(member.data() ?? {}),
        config: op.config,
        now,
        today: localDate(op.asOf ?? now, op.config.timeZone),
      }
      if (existing.exists) return op.replay(existing, ctx)
      const plan = await op.plan(ctx)
      writePlan(tx, memberRef, ctx, plan)
      return plan.result
    }, { maxAttempts: TRANSACTION_ATTEMPTS })
  } catch (error) {
    if (error instanceof InsufficientPoints) {
      throw new HttpsError('failed-precondition', `Not enough points: needs ${error.needed}, has ${error.balance}.`, {
        reason: 'insufficient-points',
        needed: error.needed,
        balance: error.balance,
      })
    }
    throw error
  }
}

function writePlan<T>(tx: Transaction, memberRef: DocumentReference, ctx: LedgerContext, plan: LedgerPlan<T>) {
  // An answer that changes nothing (a replay found by other means) writes nothing.
  if (plan.entries.length === 0 && !plan.writes && !plan.memberFields) return
  let balance = ctx.state.balance
  plan.entries.forEach((draft, i) => {
    balance += draft.points
    // Entries of one operation keep their order when sorted by time.
    const at = new Date(ctx.now.getTime() + i)
    tx.create(ctx.db.doc(paths.ledgerEntry(ctx.uid, draft.id)), entryData(draft, balance, at))
  })
  if (balance !== plan.state.balance || plan.state.balance < 0) {
    // The engine and the entries disagree: refuse rather than write a ledger that does not add up.
    throw new HttpsError('internal', 'Ledger entries do not match the new balance.')
  }
  plan.writes?.(tx)
  const tierChanged = plan.state.tierId !== ctx.state.tierId
  tx.update(memberRef, {
    ...pointsFields(plan.state, ctx.config, ctx.today),
    ...(tierChanged ? { tierSince: Timestamp.fromDate(ctx.now) } : {}),
    ...(plan.memberFields ?? {}),
    updatedAt: Timestamp.fromDate(ctx.now),
  })
}
