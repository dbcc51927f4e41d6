import {
  FieldValue,
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
import { householdEntryId, type HouseholdLink, type SharedPoints } from '../../../src/domain/members/household'
import { entryData, pointsFields, pointsStateOf, type EntryDraft } from './member-state'

export interface LedgerContext {
  tx: Transaction
  db: Firestore
  /** Whose ledger and balance: the acting member, or the owner of their household. */
  uid: string
  /** Who acted (scanned their card, visited, earned); differs from `uid` for a household member. */
  earnerUid: string
  /** The acting member's document (their name, email, usage copies). */
  member: DocumentSnapshot
  /** The id an entry drafted as `id` is written under in `uid`'s ledger. */
  entryId: (id: string) => string
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
  /**
   * An earning a household member makes for the household: planned on the owner's balance, its
   * entries written to the owner's ledger under ids of the member (`householdEntryId`) and marked
   * `earnedBy`. `memberFields` still go to the acting member's document.
   */
  forHousehold?: boolean
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
  const earnerRef = db.doc(paths.member(op.uid))
  try {
    return await db.runTransaction(async (tx) => {
      const { member, holder, existing, ledgerUid, entryId } = await readParties(tx, db, op, earnerRef)
      // Taken after the reads: a transaction that waited for another sees a later time.
      const now = op.at ?? new Date()
      const ctx: LedgerContext = {
        tx,
        db,
        uid: ledgerUid,
        earnerUid: op.uid,
        member,
        entryId,
        state: pointsStateOf(holder.data() ?? {}),
        config: op.config,
        now,
        today: localDate(op.asOf ?? now, op.config.timeZone),
      }
      if (existing.exists) return op.replay(existing, ctx)
      const plan = await op.plan(ctx)
      writePlan(tx, holder, ctx, plan)
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

/**
 * The acting member's document, and the one whose balance the operation changes: the same, or
 * for a household earning the owner's (read in the same transaction, so a removal that commits
 * first sends the earning back to the member's own balance).
 */
async function readParties<T>(tx: Transaction, db: Firestore, op: LedgerOperation<T>, earnerRef: DocumentReference) {
  // Both at once, as for any member: the household's documents are read only for a household member.
  const [member, own] = await Promise.all([tx.get(earnerRef), tx.get(db.doc(paths.ledgerEntry(op.uid, op.key)))])
  if (!member.exists) throw new HttpsError('not-found', 'No such member.')
  const ownerUid = op.forHousehold ? (member.get('household') as HouseholdLink | undefined)?.ownerUid : undefined
  // The same operation already applied in the household the member last left (a visit of the same
  // day, a retried claim) replays too, rather than paying again into the balance they earn for now.
  const formerUid = op.forHousehold ? (member.get('formerHousehold') as { ownerUid?: unknown } | undefined)?.ownerUid : undefined
  const formerRef = typeof formerUid === 'string' && formerUid !== ownerUid ? db.doc(paths.ledgerEntry(formerUid, householdEntryId(op.uid, op.key))) : null
  if (!ownerUid) {
    const former = formerRef && !own.exists ? await tx.get(formerRef) : null
    return { member, holder: member, existing: former?.exists ? former : own, ledgerUid: op.uid, entryId: (id: string) => id }
  }
  const entryId = (id: string) => householdEntryId(op.uid, id)
  const [holder, existing, former] = await Promise.all([
    tx.get(db.doc(paths.member(ownerUid))),
    tx.get(db.doc(paths.ledgerEntry(ownerUid, entryId(op.key)))),
    formerRef ? tx.get(formerRef) : null,
  ])
  if (!holder.exists) throw new HttpsError('not-found', 'No such member.')
  // The same operation already applied to the member's own balance (before they joined) replays too.
  return { member, holder, existing: own.exists ? own : former?.exists ? former : existing, ledgerUid: ownerUid, entryId }
}

function writePlan<T>(tx: Transaction, holder: DocumentSnapshot, ctx: LedgerContext, plan: LedgerPlan<T>) {
  // An answer that changes nothing (a replay found by other means) writes nothing.
  if (plan.entries.length === 0 && !plan.writes && !plan.memberFields) return
  const shared = ctx.uid !== ctx.earnerUid
  let balance = ctx.state.balance
  let earned = 0
  plan.entries.forEach((draft, i) => {
    balance += draft.points
    if (draft.points > 0) earned += draft.points
    // Entries of one operation keep their order when sorted by time.
    const at = new Date(ctx.now.getTime() + i)
    const data = entryData(draft, balance, at)
    tx.create(ctx.db.doc(paths.ledgerEntry(ctx.uid, ctx.entryId(draft.id))), shared ? { ...data, earnedBy: ctx.earnerUid } : data)
  })
  if (balance !== plan.state.balance || plan.state.balance < 0) {
    // The engine and the entries disagree: refuse rather than write a ledger that does not add up.
    throw new HttpsError('internal', 'Ledger entries do not match the new balance.')
  }
  plan.writes?.(tx)
  const tierChanged = plan.state.tierId !== ctx.state.tierId
  const updatedAt = Timestamp.fromDate(ctx.now)
  tx.update(holder.ref, {
    ...pointsFields(plan.state, ctx.config, ctx.today),
    ...(tierChanged ? { tierSince: updatedAt } : {}),
    ...(shared ? {} : (plan.memberFields ?? {})),
    updatedAt,
  })
  if (shared) {
    if (plan.memberFields) tx.update(ctx.member.ref, { ...plan.memberFields, updatedAt })
    if (earned > 0) tx.update(ctx.db.doc(paths.householdMember(ctx.uid, ctx.earnerUid)), { earned: FieldValue.increment(earned) })
  }
  mirrorToHousehold(tx, holder, plan.state, ctx.state, updatedAt)
}

/**
 * Household members' cards read only their own document: every change of an owner's balance or
 * tier is copied onto each member's document in the same transaction.
 */
function mirrorToHousehold(tx: Transaction, holder: DocumentSnapshot, next: PointsState, before: PointsState, updatedAt: Timestamp) {
  const uids = (holder.get('householdMembers') ?? []) as string[]
  if (uids.length === 0 || (next.balance === before.balance && next.tierId === before.tierId)) return
  const sharedPoints: SharedPoints = { balance: next.balance, tierId: next.tierId }
  for (const uid of uids) tx.update(holder.ref.firestore.doc(paths.member(uid)), { sharedPoints, updatedAt })
}
