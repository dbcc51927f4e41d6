import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { CheckInResult } from '../../../src/domain/contracts/callable-results'
import { localDate, monthOf } from '../../../src/domain/shared/calendar'
import { addVisit, checkLocation, parseVisitCode, type MonthVisits, type VisitCode } from '../../../src/domain/partners/check-in'
import type { ClubConfig, Partner } from '../../../src/domain/shared/club-config'
import { verifyCounterCode } from '../../../src/domain/partners/counter-code'
import { fromBase64 } from '../../../src/domain/shared/crypto'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { verifyPosterCode } from '../../../src/domain/partners/poster-code'
import { planCredit } from '../ledger/award'
import type { EntryDraft } from '../ledger/member-state'
import { runLedgerOperation } from '../ledger/transaction'
import { loadPartner } from '../lib/lookups'
import { partnerSecret, type PartnerSecret } from '../partners/partner-secrets'
import { posterKey } from '../partners/poster-key'

const VISITS_RULE = 'visits'

type Location = { lat: number; lng: number; accuracy: number } | null

/** What the day's check-in entry keeps of the first answer, so a retry gets the same one. */
interface RecordedVisit {
  points: number
  visitsThisMonth: number
  streakGoal: number
  streakBonus: number
  balance: number
}

const forged = () => new HttpsError('failed-precondition', 'This is not a genuine club code.', { reason: 'poster-forged' })

/**
 * Why a genuine code does not prove a visit now, or null: a code of the kind the store no longer
 * uses, a replaced poster, a printed visit without a good position near the store, or a screen
 * code from more than a step ago by the server's clock.
 */
async function visitRefusal(
  visit: VisitCode,
  partner: Partner,
  secret: PartnerSecret,
  location: Location,
  config: ClubConfig,
  now: Date,
): Promise<HttpsError | null> {
  if (visit.mode !== partner.visitCode.mode || (visit.mode === 'printed' && visit.version !== secret.posterVersion)) {
    return new HttpsError('failed-precondition', 'This store code was replaced; scan the current one.', { reason: 'poster-replaced' })
  }
  if (visit.mode === 'screen') {
    const verdict = await verifyCounterCode(fromBase64(secret.counterKey), visit, now)
    return verdict === 'ok' ? null : new HttpsError('failed-precondition', 'This code has expired; scan the screen again.', { reason: 'visit-code-expired' })
  }
  const where = checkLocation(config.checkIn, partner.location, location)
  if (where === 'ok') return null
  const messages = {
    'location-required': 'Share your location to record a visit from a poster.',
    'location-inaccurate': 'Your position is not precise enough.',
    'too-far': 'You seem to be far from this store.',
  } as const
  return new HttpsError('failed-precondition', messages[where], { reason: where })
}

/**
 * A member records a visit at a partner: a genuine code of the store's current kind (the counter
 * screen's rotating code, or the current poster with a position near the store), at most once per
 * partner per day (the day's entry id is the key), and a bonus the first time in a month that the
 * member has visited enough different partners. The scan's request id is kept on the day's entry:
 * a retry of the same scan answers as the first time did, another scan the same day is
 * `alreadyToday`.
 */
export async function checkIn(
  db: Firestore,
  params: { uid: string; code: string; requestId: string; location: Location; config: ClubConfig; at?: Date },
): Promise<CheckInResult> {
  const visit = parseVisitCode(params.code)
  if (!visit) throw forged()
  const partner = await loadPartner(db, visit.partnerId)
  const secret = await partnerSecret(db, partner.id)
  const now = params.at ?? new Date()
  const genuine =
    visit.mode === 'printed'
      ? await verifyPosterCode(await posterKey(db), visit)
      : (await verifyCounterCode(fromBase64(secret.counterKey), visit, now)) !== 'forged'
  if (!genuine) throw forged()
  // Judged now but thrown inside the transaction: a retry of a visit already recorded gets its
  // answer even when the code it carried has expired since.
  const refusal = await visitRefusal(visit, partner, secret, params.location, params.config, now)

  const { config } = params
  const usageRef = db.doc(paths.usage(params.uid, VISITS_RULE))
  const today = localDate(now, config.timeZone)
  const dayKey = LEDGER_IDS.checkIn(partner.id, today)
  return runLedgerOperation<CheckInResult>(db, {
    uid: params.uid,
    key: dayKey,
    config,
    at: params.at,
    forHousehold: true,
    plan: async (ctx) => {
      if (refusal) throw refusal
      const usage = await ctx.tx.get(usageRef)
      const visits = addVisit(usage.exists ? (usage.data() as MonthVisits) : null, monthOf(today), partner.id, config.checkIn.streakGoal)
      const bonus = visits.bonusNow ? config.checkIn.streakBonusPoints : 0
      const first = planCredit(ctx, {
        key: dayKey,
        points: partner.checkInPoints,
        source: 'check-in',
        reason: 'check_in',
        ref: partner.id,
        partnerId: partner.id,
        by: params.uid,
      })
      let state = first.state
      const entries: EntryDraft[] = [...first.entries]
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
      const recorded: RecordedVisit = {
        points: partner.checkInPoints + bonus,
        visitsThisMonth: visits.visits.partners.length,
        streakGoal: config.checkIn.streakGoal,
        streakBonus: bonus,
        balance: state.balance,
      }
      entries[0] = { ...entries[0]!, details: { requestId: params.requestId, visitMode: visit.mode, visit: recorded } }
      return {
        state,
        entries,
        writes: (tx) => tx.set(usageRef, visits.visits),
        result: { partnerId: partner.id, alreadyToday: false, replayed: false, ...recorded },
      }
    },
    replay: async (entry: DocumentSnapshot, ctx) => {
      const recorded = entry.get('visit') as RecordedVisit | undefined
      if (recorded && entry.get('requestId') === params.requestId) {
        return { partnerId: partner.id, alreadyToday: false, replayed: true, ...recorded }
      }
      // Another scan the same day: a bad code is still refused as such, a good one is told "today already".
      if (refusal) throw refusal
      const usage = await ctx.tx.get(usageRef)
      return {
        partnerId: partner.id,
        points: 0,
        alreadyToday: true,
        replayed: false,
        visitsThisMonth: usage.exists ? (usage.get('partners') ?? []).length : 0,
        streakGoal: config.checkIn.streakGoal,
        streakBonus: 0,
        balance: ctx.state.balance,
      }
    },
  })
}
