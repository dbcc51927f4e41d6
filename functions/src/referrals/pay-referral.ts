import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { addMonths, monthOf } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import type { LotSlice } from '../../../src/domain/points/lots'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { debit } from '../../../src/domain/points/points'
import { ladderStepFor, lentTierAfterReward, payoutRefusal, velocityCheck, type PayoutRefusal } from '../../../src/domain/referrals/referrals'
import { findTier } from '../../../src/domain/points/tiers'
import { planCredit } from '../ledger/award'
import type { EntryDraft } from '../ledger/member-state'
import { runLedgerOperation, type LedgerContext, type LedgerPlan } from '../ledger/transaction'
import { recordAudit } from '../admin/audit'

/** The purchase that made the friend a real customer, kept server-only for a refund to find. */
export interface QualifyingReceipt {
  partnerId: string
  receiptId: string
  entryId: string
  amountShekels: number
}

export type ReferralDecision =
  | { outcome: 'qualified'; points: number; nth: number }
  | { outcome: 'held' }
  | { outcome: 'refused'; reason: PayoutRefusal }
  | { outcome: 'unchanged'; status: string }

/** The referrer's usage doc: rewards this month, and recent qualifications for the velocity hold. */
function usageOf(usage: DocumentSnapshot, month: string) {
  return {
    paidThisMonth: usage.get('month') === month ? Number(usage.get('count') ?? 0) : 0,
    recent: ((usage.get('recent') ?? []) as unknown[]).map(Number).filter(Number.isFinite),
  }
}

/**
 * The referrer's reward for one friend, planned inside the referrer's ledger transaction: the
 * ladder step for their nth qualified friend, and the lent tier when the step comes with one and
 * none is running already (a lent tier never stretches).
 */
function planReward(ctx: LedgerContext, referral: DocumentSnapshot, friendUid: string): Pick<LedgerPlan<never>, 'state' | 'entries' | 'memberFields'> & {
  points: number
  nth: number
  lentTier: { tierId: string; until: string } | null
} {
  const nth = Number(ctx.member.get('referralStats.qualified') ?? 0) + 1
  const step = ladderStepFor(nth, ctx.config.referrals.ladder)
  const points = step?.points ?? 0
  const planned = planCredit(ctx, {
    key: LEDGER_IDS.referralReward(friendUid),
    points,
    source: 'referral',
    reason: 'referral_reward',
    ref: String(referral.get('friendFirstName') ?? ''),
    by: 'system',
    details: { friendUid, nth },
  })
  let offered: { tierId: string; until: string } | null = null
  if (step && step.tierBoostMonths > 0) {
    const tiers = [...ctx.config.tiers].sort((a, b) => a.threshold - b.threshold)
    const currentTier = findTier(planned.state.tierId, tiers)
    const next = tiers.find((t) => currentTier && t.threshold > currentTier.threshold)
    if (next) offered = { tierId: next.id, until: addMonths(ctx.today, step.tierBoostMonths) }
  }
  const lentTier = lentTierAfterReward(ctx.member.get('tierBoost') ?? null, offered, ctx.today)
  return {
    ...planned,
    memberFields: {
      'referralStats.qualified': FieldValue.increment(1),
      'referralStats.pointsEarned': FieldValue.increment(points),
      ...(lentTier ? { tierBoost: lentTier } : {}),
    },
    points,
    nth,
    lentTier,
  }
}

/**
 * The friend qualified: decides, in the referrer's ledger transaction, whether both sides are
 * paid now, held for an operator (too many friends of one referrer at once), or refused (a
 * throwaway address, the monthly cap). Pays the referrer when paid; the friend's gift follows in
 * `payFriendGift`. The referrer's entry `referral~<friend>` is the idempotency key.
 */
export async function decideReferral(
  db: Firestore,
  friendUid: string,
  receipt: QualifyingReceipt,
  disposable: boolean,
  config: ClubConfig,
): Promise<ReferralDecision> {
  const referralRef = db.doc(paths.referral(friendUid))
  const referral = await referralRef.get()
  if (!referral.exists) return { outcome: 'unchanged', status: 'none' }
  if (referral.get('status') !== 'joined') return { outcome: 'unchanged', status: String(referral.get('status')) }
  const referrerUid = String(referral.get('referrerUid'))
  const usageRef = db.doc(paths.usage(referrerUid, 'referrals'))
  const settlementRef = db.doc(paths.referralSettlement(friendUid))
  return runLedgerOperation<ReferralDecision>(db, {
    uid: referrerUid,
    key: LEDGER_IDS.referralReward(friendUid),
    config,
    plan: async (ctx) => {
      const [current, usageSnap] = await Promise.all([ctx.tx.get(referralRef), ctx.tx.get(usageRef)])
      const status = String(current.get('status'))
      if (status !== 'joined') return { state: ctx.state, entries: [], result: { outcome: 'unchanged', status } }
      const at = Timestamp.fromDate(ctx.now)
      const month = monthOf(ctx.today)
      const usage = usageOf(usageSnap, month)
      const settlement = { ...receipt, friendUid, referrerUid, qualifiedAt: at }
      const refusal = payoutRefusal(disposable, usage.paidThisMonth, config.referrals)
      if (refusal) {
        return {
          state: ctx.state,
          entries: [],
          writes: (tx) => {
            tx.update(referralRef, { status: 'refused', refusal, settledAt: at })
            tx.set(settlementRef, settlement)
          },
          result: { outcome: 'refused', reason: refusal },
        }
      }
      const velocity = velocityCheck(usage.recent, ctx.now.getTime(), config.referrals)
      if (velocity.hold) {
        return {
          state: ctx.state,
          entries: [],
          writes: (tx) => {
            tx.update(referralRef, { status: 'held', heldAt: at, settledAt: at })
            tx.set(settlementRef, settlement)
            tx.set(usageRef, { month, count: usage.paidThisMonth, recent: velocity.recent })
          },
          result: { outcome: 'held' },
        }
      }
      const reward = planReward(ctx, current, friendUid)
      return {
        state: reward.state,
        entries: reward.entries,
        memberFields: reward.memberFields,
        writes: (tx) => {
          tx.update(referralRef, { status: 'qualified', qualifiedAt: at, settledAt: at, rewardPoints: reward.points, lentTier: reward.lentTier })
          tx.set(settlementRef, settlement)
          tx.set(usageRef, { month, count: usage.paidThisMonth + 1, recent: velocity.recent })
        },
        result: { outcome: 'qualified', points: reward.points, nth: reward.nth },
      }
    },
    replay: () => ({ outcome: 'unchanged', status: 'qualified' }),
  })
}

export type ReviewOutcome = { status: 'qualified' | 'refused'; replayed: boolean }

/**
 * An operator's decision on a held referral: approve pays the referrer now (the ladder step of
 * that moment, no cap or velocity check: a person decided) and then the friend; refuse pays
 * neither. Repeating the same decision answers as before; the other decision is refused.
 */
export async function reviewHeldReferral(
  db: Firestore,
  params: { friendUid: string; approve: boolean; note: string; by: string; config: ClubConfig },
): Promise<ReviewOutcome> {
  const { friendUid, approve, note, by, config } = params
  const referralRef = db.doc(paths.referral(friendUid))
  const referral = await referralRef.get()
  if (!referral.exists) throw new HttpsError('not-found', 'No referral for this member.', { reason: 'unknown-referral' })
  const answerFor = (snap: DocumentSnapshot): ReviewOutcome | null => {
    const decided = snap.get('review.approve')
    if (typeof decided !== 'boolean') return null
    if (decided !== approve) {
      throw new HttpsError('failed-precondition', 'This referral was already reviewed the other way.', { reason: 'referral-not-held' })
    }
    return { status: approve ? 'qualified' : 'refused', replayed: true }
  }
  const notHeld = () => new HttpsError('failed-precondition', 'This referral is not waiting for review.', { reason: 'referral-not-held' })
  const audit = (tx: Transaction, details: Record<string, string | number | boolean | null>) =>
    recordAudit(tx, db, {
      actor: { uid: by, role: 'admin', partnerId: null, tillId: null },
      action: 'reviewReferral',
      memberUid: friendUid,
      partnerId: null,
      target: friendUid,
      details: { approve, note, referrerUid: String(referral.get('referrerUid') ?? ''), ...details },
    })
  const earlier = answerFor(referral)
  if (earlier) return earlier
  if (referral.get('status') !== 'held') throw notHeld()

  if (!approve) {
    return db.runTransaction(async (tx) => {
      const current = await tx.get(referralRef)
      const replay = answerFor(current)
      if (replay) return replay
      if (current.get('status') !== 'held') throw notHeld()
      const at = Timestamp.now()
      tx.update(referralRef, { status: 'refused', refusal: 'review-refused', review: { approve, note, by, at } })
      audit(tx, {})
      return { status: 'refused' as const, replayed: false }
    })
  }

  const referrerUid = String(referral.get('referrerUid'))
  const usageRef = db.doc(paths.usage(referrerUid, 'referrals'))
  return runLedgerOperation<ReviewOutcome>(db, {
    uid: referrerUid,
    key: LEDGER_IDS.referralReward(friendUid),
    config,
    plan: async (ctx) => {
      const [current, usageSnap] = await Promise.all([ctx.tx.get(referralRef), ctx.tx.get(usageRef)])
      const replay = answerFor(current)
      if (replay) return { state: ctx.state, entries: [], result: replay }
      if (current.get('status') !== 'held') throw notHeld()
      const at = Timestamp.fromDate(ctx.now)
      const month = monthOf(ctx.today)
      const usage = usageOf(usageSnap, month)
      const reward = planReward(ctx, current, friendUid)
      return {
        state: reward.state,
        entries: reward.entries,
        memberFields: reward.memberFields,
        writes: (tx) => {
          tx.update(referralRef, {
            status: 'qualified',
            qualifiedAt: at,
            rewardPoints: reward.points,
            lentTier: reward.lentTier,
            review: { approve, note, by, at },
          })
          tx.set(usageRef, { month, count: usage.paidThisMonth + 1, recent: usage.recent }, { merge: true })
          audit(tx, { rewardPoints: reward.points })
        },
        result: { status: 'qualified', replayed: false },
      }
    },
    replay: () => ({ status: 'qualified', replayed: true }),
  })
}

/**
 * The friend's gift, once the referral is qualified: its own fixed entry in the friend's ledger,
 * so a retry (the next purchase, a repeated review) pays it once, and never after a claw-back.
 */
export async function payFriendGift(db: Firestore, friendUid: string, config: ClubConfig): Promise<boolean> {
  const points = config.referrals.friendWelcomePoints
  if (points <= 0) return false
  const referralRef = db.doc(paths.referral(friendUid))
  return runLedgerOperation<boolean>(db, {
    uid: friendUid,
    key: LEDGER_IDS.referralWelcome,
    config,
    plan: async (ctx) => {
      const referral = await ctx.tx.get(referralRef)
      if (referral.get('status') !== 'qualified') return { state: ctx.state, entries: [], result: false }
      const planned = planCredit(ctx, {
        key: LEDGER_IDS.referralWelcome,
        points,
        source: 'referral',
        reason: 'referral_welcome',
        by: 'system',
        details: { referrerUid: String(referral.get('referrerUid')) },
      })
      return { ...planned, result: true }
    },
    replay: () => false,
  })
}

/** A reversal entry that takes back one referral credit; what was spent already becomes debt. */
function planTakeBack(ctx: LedgerContext, key: string, credit: DocumentSnapshot, ref: string | undefined) {
  const points = Number(credit.get('points') ?? 0)
  const lots = (credit.get('lots') ?? []) as LotSlice[]
  const taken = debit(ctx.state, points, { allowShortfall: true, prefer: lots[0]?.expiresOn })
  const entry: EntryDraft = {
    id: key,
    type: 'reversal',
    // Written as a difference so a reversal of nothing is 0, not -0.
    points: taken.shortfall - points,
    source: 'referral',
    reason: 'referral_clawback',
    ref,
    by: 'system',
    lots: taken.taken,
    details: { reverses: credit.id, shortfall: taken.shortfall },
  }
  return { state: taken.state, entries: [entry], points }
}

/**
 * The qualifying purchase was refunded in time: the referrer's reward comes back out (and the lent
 * tier ends if this reward lent it), the referral becomes `clawed-back`; a held one is refused.
 */
export async function clawBackReferrer(db: Firestore, friendUid: string, config: ClubConfig): Promise<string> {
  const referralRef = db.doc(paths.referral(friendUid))
  const referral = await referralRef.get()
  const status = String(referral.get('status'))
  if (status === 'held') {
    return db.runTransaction(async (tx) => {
      const current = await tx.get(referralRef)
      if (current.get('status') !== 'held') return String(current.get('status'))
      tx.update(referralRef, { status: 'refused', refusal: 'refunded', settledAt: Timestamp.now() })
      return 'refused'
    })
  }
  if (status !== 'qualified') return status
  const referrerUid = String(referral.get('referrerUid'))
  return runLedgerOperation<string>(db, {
    uid: referrerUid,
    key: LEDGER_IDS.referralRewardClawback(friendUid),
    config,
    plan: async (ctx) => {
      const [current, reward] = await Promise.all([
        ctx.tx.get(referralRef),
        ctx.tx.get(db.doc(paths.ledgerEntry(referrerUid, LEDGER_IDS.referralReward(friendUid)))),
      ])
      if (current.get('status') !== 'qualified' || !reward.exists) return { state: ctx.state, entries: [], result: String(current.get('status')) }
      const planned = planTakeBack(ctx, LEDGER_IDS.referralRewardClawback(friendUid), reward, String(current.get('friendFirstName') ?? ''))
      const lent = current.get('lentTier') as { tierId: string; until: string } | null | undefined
      const running = ctx.member.get('tierBoost') as { tierId: string; until: string } | null | undefined
      const endsLentTier = !!lent && !!running && running.tierId === lent.tierId && running.until === lent.until
      return {
        state: planned.state,
        entries: planned.entries,
        memberFields: {
          'referralStats.qualified': FieldValue.increment(-1),
          'referralStats.pointsEarned': FieldValue.increment(-planned.points),
          ...(endsLentTier ? { tierBoost: FieldValue.delete() } : {}),
        },
        writes: (tx) => tx.update(referralRef, { status: 'clawed-back', clawedBackAt: Timestamp.fromDate(ctx.now) }),
        result: 'clawed-back',
      }
    },
    replay: () => 'clawed-back',
  })
}

/** The friend's gift comes back out after a claw-back (when it had been paid). */
export async function clawBackFriendGift(db: Firestore, friendUid: string, config: ClubConfig): Promise<void> {
  const referralRef = db.doc(paths.referral(friendUid))
  await runLedgerOperation<void>(db, {
    uid: friendUid,
    key: LEDGER_IDS.referralWelcomeClawback,
    config,
    plan: async (ctx) => {
      const [referral, gift] = await Promise.all([
        ctx.tx.get(referralRef),
        ctx.tx.get(db.doc(paths.ledgerEntry(friendUid, LEDGER_IDS.referralWelcome))),
      ])
      if (referral.get('status') !== 'clawed-back' || !gift.exists) return { state: ctx.state, entries: [], result: undefined }
      const planned = planTakeBack(ctx, LEDGER_IDS.referralWelcomeClawback, gift, undefined)
      return { state: planned.state, entries: planned.entries, result: undefined }
    },
    replay: () => undefined,
  })
}
