import { FieldValue, Timestamp, type DocumentData, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import {
  activeCampaign,
  agorotOf,
  CharitySchema,
  DONATION_SHARDS,
  donationRefusal,
  matchFor,
  receiptNumber,
  shardBudget,
  shardOf,
  shekelsOf,
  takeFromBudget,
  type DonateResult,
  type DonationReceipt,
} from '../../../src/domain/earn/charities'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { debit } from '../../../src/domain/points/points'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { runLedgerOperation } from '../ledger/transaction'

export type { DonateResult }

function receiptOf(id: string, data: DocumentData): DonationReceipt {
  return {
    id,
    receiptNo: String(data.receiptNo),
    charityId: String(data.charityId),
    charityName: data.charityName,
    points: Number(data.points),
    valueShekels: Number(data.valueShekels),
    matchedPoints: Number(data.matchedPoints),
    matchedShekels: Number(data.matchedShekels),
    matchPartnerId: typeof data.matchPartnerId === 'string' ? data.matchPartnerId : null,
    campaignId: typeof data.campaignId === 'string' ? data.campaignId : null,
    createdAt: (data.createdAt as Timestamp).toDate().toISOString(),
  }
}

/**
 * Gives a member's points to a charity: one ledger debit, a receipt, and the charity's running
 * totals, in one transaction. The totals are spread over shard documents picked at random, so
 * a busy charity has no single document every donation waits for; a matching campaign's budget
 * is split over the same shards, so it is never overspent. Idempotent by the member's request id.
 */
export async function donatePoints(
  db: Firestore,
  params: { uid: string; charityId: string; points: number; requestId: string; config: ClubConfig; random: () => number; at?: Date },
): Promise<DonateResult> {
  const key = LEDGER_IDS.donation(params.requestId)
  const charityRef = db.doc(paths.charity(params.charityId))
  const donationRef = db.doc(paths.donation(params.uid, params.requestId))
  return runLedgerOperation<DonateResult>(db, {
    uid: params.uid,
    key,
    config: params.config,
    at: params.at,
    plan: async (ctx) => {
      // The shared balance is the owner's to spend, as with rewards (src/domain/members/household.ts).
      if (ctx.member.get('household')) {
        throw new HttpsError('failed-precondition', 'Only the household owner spends the shared points.', { reason: 'household-redeem-owner' })
      }
      const snap = await ctx.tx.get(charityRef)
      const parsed = CharitySchema.safeParse(snap.data())
      if (!snap.exists || !parsed.success) throw new HttpsError('not-found', 'No such charity.', { reason: 'unknown-charity' })
      const charity = parsed.data
      const refusal = donationRefusal(charity, params.points, ctx.state.balance)
      if (refusal === 'charity-inactive') {
        throw new HttpsError('failed-precondition', 'This charity no longer takes donations.', { reason: refusal })
      }
      if (refusal === 'below-minimum') {
        throw new HttpsError('invalid-argument', `Invalid input — points: at least ${charity.minPoints}.`, {
          reason: refusal,
          minPoints: charity.minPoints,
          fields: [{ path: 'points', message: `at least ${charity.minPoints}` }],
        })
      }
      if (refusal === 'insufficient-points') {
        throw new HttpsError('failed-precondition', 'Not enough points for this donation.', {
          reason: refusal,
          needed: params.points,
          balance: ctx.state.balance,
        })
      }

      const start = Math.floor(params.random() * DONATION_SHARDS) % DONATION_SHARDS
      const campaign = activeCampaign(charity.campaigns, ctx.now)
      const wanted = campaign ? matchFor(params.points, campaign.percent) : 0
      // Only what the budget needs is read: the donation's own shard first, the next ones only
      // when that shard's part of the budget is spent.
      const used = new Map<number, number>()
      if (campaign && wanted > 0) {
        let free = 0
        for (let step = 0; step < DONATION_SHARDS && free < wanted; step++) {
          const index = (start + step) % DONATION_SHARDS
          const shard = shardOf((await ctx.tx.get(db.doc(paths.charityShard(charity.id, index)))).data())
          used.set(index, shard.campaigns[campaign.id] ?? 0)
          free += Math.max(0, shardBudget(campaign.capPoints, index) - used.get(index)!)
        }
      }
      const taken = campaign ? takeFromBudget(wanted, campaign.capPoints, (index) => used.get(index) ?? 0, start) : []
      const matchedPoints = taken.reduce((sum, t) => sum + t.points, 0)
      const valueAgorot = agorotOf(params.points, charity.pointValueShekels)
      const matchedAgorot = agorotOf(matchedPoints, charity.pointValueShekels)
      const receiptNo = receiptNumber(ctx.today, params.random)
      const debited = debit(ctx.state, params.points)
      const matched = matchedPoints > 0 && campaign
      const receipt: DonationReceipt = {
        id: donationRef.id,
        receiptNo,
        charityId: charity.id,
        charityName: charity.name,
        points: params.points,
        valueShekels: shekelsOf(valueAgorot),
        matchedPoints,
        matchedShekels: shekelsOf(matchedAgorot),
        matchPartnerId: matched ? campaign.partnerId : null,
        campaignId: matched ? campaign.id : null,
        createdAt: ctx.now.toISOString(),
      }
      return {
        state: debited.state,
        entries: [
          {
            id: key,
            type: 'redeem',
            points: -params.points,
            source: 'donation',
            reason: 'donation',
            ref: charity.id,
            by: params.uid,
            lots: debited.taken,
            // The name as it was, so the history reads right even after the charity is retired.
            details: { charityName: charity.name, donationId: donationRef.id, receiptNo },
          },
        ],
        writes: (tx) => {
          tx.create(donationRef, {
            receiptNo,
            charityId: receipt.charityId,
            charityName: receipt.charityName,
            points: receipt.points,
            valueShekels: receipt.valueShekels,
            matchedPoints: receipt.matchedPoints,
            matchedShekels: receipt.matchedShekels,
            matchPartnerId: receipt.matchPartnerId,
            campaignId: receipt.campaignId,
            uid: params.uid,
            requestId: params.requestId,
            ledgerEntryId: key,
            createdAt: Timestamp.fromDate(ctx.now),
          })
          const budget = new Map(taken.map((t) => [t.index, t.points]))
          for (let index = 0; index < DONATION_SHARDS; index++) {
            const own = index === start
            const part = budget.get(index) ?? 0
            if (!own && part === 0) continue
            tx.set(
              db.doc(paths.charityShard(charity.id, index)),
              {
                ...(own
                  ? {
                      donations: FieldValue.increment(1),
                      points: FieldValue.increment(params.points),
                      valueAgorot: FieldValue.increment(valueAgorot),
                      matchedPoints: FieldValue.increment(matchedPoints),
                      matchedAgorot: FieldValue.increment(matchedAgorot),
                    }
                  : {}),
                ...(part > 0 && campaign ? { campaigns: { [campaign.id]: FieldValue.increment(part) } } : {}),
              },
              { merge: true },
            )
          }
        },
        result: { receipt, balance: debited.state.balance, replayed: false },
      }
    },
    replay: async (_entry, ctx) => {
      const donation = await ctx.tx.get(donationRef)
      return { receipt: receiptOf(donation.id, donation.data() ?? {}), balance: ctx.state.balance, replayed: true }
    },
  })
}
