import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { RedeemResult } from '../../../src/domain/contracts/callable-results'
import { RewardSchema, type ClubConfig } from '../../../src/domain/shared/club-config'
import { generateCouponCode } from '../../../src/domain/points/coupon-code'
import { debit } from '../../../src/domain/points/points'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { redeemability } from '../../../src/domain/points/rewards'
import { effectiveTier, type TierBoost } from '../../../src/domain/points/tiers'
import { runLedgerOperation } from '../ledger/transaction'
import { activeCouponsAfter } from './coupon-count'

export type { RedeemResult }

const REFUSALS = {
  inactive: 'This reward is no longer offered.',
  tier: 'This reward is for a higher tier.',
  'out-of-stock': 'This reward is out of stock.',
  points: 'Not enough points for this reward.',
} as const

/**
 * Spends points on a reward and issues a single-use coupon, in one transaction with the stock:
 * concurrent redemptions of the last item serialise on the reward document, so stock never
 * goes below zero. Idempotent by the client's request id.
 */
export async function redeemReward(
  db: Firestore,
  params: { uid: string; rewardId: string; requestId: string; config: ClubConfig; random: () => number; at?: Date },
): Promise<RedeemResult> {
  const key = LEDGER_IDS.redemption(params.requestId)
  const rewardRef = db.doc(paths.reward(params.rewardId))
  return runLedgerOperation<RedeemResult>(db, {
    uid: params.uid,
    key,
    config: params.config,
    at: params.at,
    plan: async (ctx) => {
      // The shared balance is the owner's to spend (src/domain/members/household.ts).
      if (ctx.member.get('household')) {
        throw new HttpsError('failed-precondition', 'Only the household owner redeems the shared points.', { reason: 'household-redeem-owner' })
      }
      const snap = await ctx.tx.get(rewardRef)
      const parsed = RewardSchema.safeParse(snap.data())
      if (!snap.exists || !parsed.success) throw new HttpsError('not-found', 'No such reward.', { reason: 'unknown-reward' })
      const reward = parsed.data
      // A lent tier opens its exclusive rewards too, while it lasts.
      const tier = effectiveTier(ctx.state.tierId, ctx.member.get('tierBoost') as TierBoost | undefined, ctx.config.tiers, ctx.today)
      const verdict = redeemability(reward, { tierId: tier.id, balance: ctx.state.balance })
      if (verdict !== 'ok') {
        const reason = verdict === 'points' ? 'insufficient-points' : verdict
        throw new HttpsError('failed-precondition', REFUSALS[verdict], { reason, needed: reward.cost, balance: ctx.state.balance })
      }
      let couponRef = db.doc(paths.coupon(generateCouponCode(params.random)))
      while ((await ctx.tx.get(couponRef)).exists) couponRef = db.doc(paths.coupon(generateCouponCode(params.random)))
      const activeCoupons = await activeCouponsAfter(ctx.tx, db, ctx.member, 1)
      const taken = debit(ctx.state, reward.cost)
      const expiresAt = new Date(ctx.now.getTime() + ctx.config.couponValidityDays * 86_400_000)
      return {
        state: taken.state,
        entries: [
          {
            id: key,
            type: 'redeem',
            points: -reward.cost,
            source: 'reward',
            reason: 'reward_redemption',
            ref: reward.id,
            partnerId: reward.partnerId,
            by: params.uid,
            lots: taken.taken,
            // The name as it was, so the history reads right even after the reward is retired.
            details: { rewardId: reward.id, couponCode: couponRef.id, rewardName: reward.name },
          },
        ],
        writes: (tx) => {
          if (reward.stock !== null) tx.update(rewardRef, { stock: reward.stock - 1 })
          tx.create(couponRef, {
            code: couponRef.id,
            uid: params.uid,
            memberNo: ctx.member.get('memberNo'),
            rewardId: reward.id,
            name: reward.name,
            kind: reward.kind,
            valueShekels: reward.valueShekels,
            partnerId: reward.partnerId,
            cost: reward.cost,
            status: 'active',
            redemptionEntryId: key,
            issuedAt: Timestamp.fromDate(ctx.now),
            expiresAt: Timestamp.fromDate(expiresAt),
            usedAt: null,
            usedAtPartner: null,
          })
        },
        // The card shows this count instead of reading the coupons.
        memberFields: { activeCoupons },
        result: {
          code: couponRef.id,
          rewardId: reward.id,
          expiresAt: expiresAt.toISOString(),
          balance: taken.state.balance,
          replayed: false,
        },
      }
    },
    replay: async (entry, ctx) => {
      const coupon = await ctx.tx.get(db.doc(paths.coupon(String(entry.get('couponCode')))))
      return {
        code: coupon.id,
        rewardId: String(coupon.get('rewardId')),
        expiresAt: coupon.get('expiresAt').toDate().toISOString(),
        balance: ctx.state.balance,
        replayed: true,
      }
    },
  })
}
