import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore'
import { addMonths, monthOf } from '../../../src/domain/calendar'
import type { ClubConfig } from '../../../src/domain/club-config'
import { LEDGER_IDS, paths } from '../../../src/domain/paths'
import { ladderStepFor, payoutRefusal } from '../../../src/domain/referrals'
import { findTier } from '../../../src/domain/tiers'
import { planCredit } from '../ledger/award'
import { runLedgerOperation } from '../ledger/transaction'

export type ReferralPayout =
  | { paid: true; points: number; nth: number }
  | { paid: false; reason: 'not-referred' | 'already-settled' | 'disposable-email' | 'monthly-cap' }

/**
 * Pays the member who brought `friendUid`, once, when the friend first really buys or scans in.
 * The reward grows with the number of the referrer's friends who qualified (the ladder); a step
 * can add a month of the next tier's benefits. The referrer's ledger entry `referral-<friend>`
 * is the idempotency key, so parallel and repeated triggers pay once.
 */
export async function payReferral(db: Firestore, friendUid: string, config: ClubConfig): Promise<ReferralPayout> {
  const referralRef = db.doc(paths.referral(friendUid))
  const referral = await referralRef.get()
  if (!referral.exists) return { paid: false, reason: 'not-referred' }
  if (referral.get('status') !== 'joined') return { paid: false, reason: 'already-settled' }
  const referrerUid = String(referral.get('referrerUid'))
  const friend = await db.doc(paths.member(friendUid)).get()
  const usageRef = db.doc(paths.usage(referrerUid, 'referrals'))
  return runLedgerOperation<ReferralPayout>(db, {
    uid: referrerUid,
    key: LEDGER_IDS.referralReward(friendUid),
    config,
    plan: async (ctx) => {
      const [current, usage] = await Promise.all([ctx.tx.get(referralRef), ctx.tx.get(usageRef)])
      if (current.get('status') !== 'joined') return { state: ctx.state, entries: [], result: { paid: false, reason: 'already-settled' } }
      const month = monthOf(ctx.today)
      const paidThisMonth = usage.get('month') === month ? Number(usage.get('count') ?? 0) : 0
      const refusal = payoutRefusal(friend.get('email') ?? null, paidThisMonth, config.referrals)
      if (refusal) {
        return {
          state: ctx.state,
          entries: [],
          writes: (tx) => tx.update(referralRef, { status: 'refused', refusal, settledAt: Timestamp.fromDate(ctx.now) }),
          result: { paid: false, reason: refusal },
        }
      }
      const nth = Number(ctx.member.get('referralStats.qualified') ?? 0) + 1
      const step = ladderStepFor(nth, config.referrals.ladder)
      const points = step?.points ?? 0
      const planned = planCredit(ctx, {
        key: LEDGER_IDS.referralReward(friendUid),
        points,
        source: 'referral',
        reason: 'referral_reward',
        ref: String(current.get('friendFirstName') ?? ''),
        by: 'system',
        details: { friendUid, nth },
      })
      // A month (or more) of the next tier's benefits: the multiplier of that tier at the till.
      let boost: Record<string, unknown> = {}
      if (step && step.tierBoostMonths > 0) {
        const tiers = [...config.tiers].sort((a, b) => a.threshold - b.threshold)
        const currentTier = findTier(planned.state.tierId, tiers)
        const next = tiers.find((t) => currentTier && t.threshold > currentTier.threshold)
        if (next) boost = { tierBoost: { tierId: next.id, until: addMonths(ctx.today, step.tierBoostMonths) } }
      }
      return {
        ...planned,
        memberFields: {
          'referralStats.qualified': FieldValue.increment(1),
          'referralStats.pointsEarned': FieldValue.increment(points),
          ...boost,
        },
        writes: (tx) => {
          tx.update(referralRef, { status: 'qualified', qualifiedAt: Timestamp.fromDate(ctx.now), rewardPoints: points })
          tx.set(usageRef, { month, count: paidThisMonth + 1 })
        },
        result: { paid: true, points, nth },
      }
    },
    replay: () => ({ paid: false, reason: 'already-settled' }),
  })
}
