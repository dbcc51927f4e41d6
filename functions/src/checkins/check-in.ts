import type { Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { CheckInResult } from '../../../src/domain/callable-results'
import { localDate, monthOf } from '../../../src/domain/calendar'
import { addVisit, checkLocation, type MonthVisits } from '../../../src/domain/check-in'
import type { ClubConfig } from '../../../src/domain/club-config'
import { LEDGER_IDS, paths } from '../../../src/domain/paths'
import { parsePosterCode, verifyPosterCode } from '../../../src/domain/poster-code'
import { planCredit } from '../ledger/award'
import type { EntryDraft } from '../ledger/member-state'
import { runLedgerOperation } from '../ledger/transaction'
import { loadPartner } from '../lib/lookups'
import { posterKey } from '../partners/poster-key'

const VISITS_RULE = 'visits'

/**
 * A member scans in at a partner: a genuine poster, optionally a position near the store, at most
 * once per partner per day (the day's entry id is the key), and a bonus the first time in a month
 * that the member has visited enough different partners.
 */
export async function checkIn(
  db: Firestore,
  params: { uid: string; code: string; location: { lat: number; lng: number; accuracy: number } | null; config: ClubConfig; at?: Date },
): Promise<CheckInResult> {
  const poster = parsePosterCode(params.code)
  if (!poster || !(await verifyPosterCode(await posterKey(db), poster))) {
    throw new HttpsError('failed-precondition', 'This is not a genuine club poster.', { reason: 'poster-forged' })
  }
  const partner = await loadPartner(db, poster.partnerId)
  const { config } = params
  const where = checkLocation(config.checkIn, partner.location, params.location)
  if (where !== 'ok') {
    throw new HttpsError('failed-precondition', where === 'too-far' ? 'You seem to be far from this store.' : 'Share your location to scan in.', {
      reason: where,
    })
  }
  const usageRef = db.doc(paths.usage(params.uid, VISITS_RULE))
  const dayKey = (today: string) => LEDGER_IDS.checkIn(partner.id, today)
  // The key needs today's date in the club's calendar; the transaction reckons it the same way.
  const today = localDate(params.at ?? new Date(), config.timeZone)
  return runLedgerOperation<CheckInResult>(db, {
    uid: params.uid,
    key: dayKey(today),
    config,
    at: params.at,
    plan: async (ctx) => {
      const usage = await ctx.tx.get(usageRef)
      const visits = addVisit(usage.exists ? (usage.data() as MonthVisits) : null, monthOf(today), partner.id, config.checkIn.streakGoal)
      const first = planCredit(ctx, {
        key: dayKey(today),
        points: partner.checkInPoints,
        source: 'check-in',
        reason: 'check_in',
        ref: partner.id,
        partnerId: partner.id,
        by: params.uid,
      })
      let state = first.state
      const entries: EntryDraft[] = [...first.entries]
      const bonus = visits.bonusNow ? config.checkIn.streakBonusPoints : 0
      if (bonus > 0) {
        const streak = planCredit({ ...ctx, state }, {
          key: LEDGER_IDS.visitStreak(monthOf(today)),
          points: bonus,
          source: 'check-in',
          reason: 'visit_streak',
          ref: monthOf(today),
          by: 'system',
        })
        state = streak.state
        entries.push(...streak.entries)
      }
      return {
        state,
        entries,
        writes: (tx) => tx.set(usageRef, visits.visits),
        result: {
          partnerId: partner.id,
          points: partner.checkInPoints + bonus,
          alreadyToday: false,
          visitsThisMonth: visits.visits.partners.length,
          streakGoal: config.checkIn.streakGoal,
          streakBonus: bonus,
          balance: state.balance,
        },
      }
    },
    replay: async (_entry, ctx) => {
      const usage = await ctx.tx.get(usageRef)
      return {
        partnerId: partner.id,
        points: 0,
        alreadyToday: true,
        visitsThisMonth: usage.exists ? (usage.get('partners') ?? []).length : 0,
        streakGoal: config.checkIn.streakGoal,
        streakBonus: 0,
        balance: ctx.state.balance,
      }
    },
  })
}
