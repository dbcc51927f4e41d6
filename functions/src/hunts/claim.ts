import { Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import {
  HUNT_TRIES_PER_HOUR,
  clueOrder,
  cluePoints,
  huntWindow,
  isRightAnswer,
  recentTries,
  triesResetAt,
  type ClaimClueResult,
} from '../../../src/domain/earn/hunts'
import { nameAtTill } from '../../../src/domain/members/member'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import type { EntryDraft } from '../ledger/member-state'
import { runLedgerOperation, type LedgerContext, type LedgerPlan } from '../ledger/transaction'
import { loadHunt, loadHuntSecret } from './hunt-store'

export interface ClaimClueParams {
  uid: string
  huntId: string
  clueIndex: number
  answer: string
  requestId: string
  config: ClubConfig
  at?: Date
}

/**
 * A member answers a clue. The clue's ledger entry is the key: it is paid once whatever the number
 * of requests. Each request's first answer is kept (server-only) so a retry gets it again, and
 * wrong answers are counted server-side per member and clue, at most `HUNT_TRIES_PER_HOUR` an
 * hour. The last clue also pays the finishing bonus and writes the member's leaderboard line, in
 * the same transaction.
 */
export async function claimClue(db: Firestore, params: ClaimClueParams): Promise<ClaimClueResult> {
  const { uid, huntId, clueIndex } = params
  const hunt = await loadHunt(db, huntId)
  const clue = hunt.clues[clueIndex]
  if (!clue) throw new HttpsError('not-found', 'This hunt has no such clue.', { reason: 'unknown-clue' })
  const { secret, key } = await loadHuntSecret(db, huntId)
  const checkedAt = params.at ?? new Date()
  const right = await isRightAnswer(key, secret, hunt, clueIndex, params.answer, localDate(checkedAt, params.config.timeZone))

  const claimRef = db.doc(paths.huntClaim(uid, huntId, params.requestId))
  const progressRef = db.doc(paths.huntProgress(uid, huntId))
  const triesRef = db.doc(paths.huntTries(uid, huntId, clueIndex))
  const finisherRef = db.doc(paths.huntFinisher(huntId, uid))
  const base = { huntId, clueIndex, replayed: false, alreadySolved: false }

  const firstAnswer = (ctx: LedgerContext, claim: DocumentSnapshot): LedgerPlan<ClaimClueResult> => ({
    state: ctx.state,
    entries: [],
    result: { ...(claim.get('result') as ClaimClueResult), replayed: true },
  })

  return runLedgerOperation<ClaimClueResult>(db, {
    uid,
    key: LEDGER_IDS.huntClue(huntId, clueIndex),
    config: params.config,
    at: params.at,
    forHousehold: true,
    plan: async (ctx) => {
      const [claim, progress, tries] = await Promise.all([ctx.tx.get(claimRef), ctx.tx.get(progressRef), ctx.tx.get(triesRef)])
      if (claim.exists) return firstAnswer(ctx, claim)
      const now = ctx.now.getTime()
      const window = huntWindow(hunt, now)
      if (window !== 'open') {
        throw new HttpsError('failed-precondition', 'This treasure hunt is not open now.', {
          reason: window === 'upcoming' ? 'hunt-not-started' : 'hunt-ended',
        })
      }
      const solved = Number(progress.get('solved') ?? 0)
      if (clueOrder(solved, clueIndex) !== 'next') {
        throw new HttpsError('failed-precondition', 'Solve the clues before this one first.', { reason: 'hunt-clue-locked' })
      }
      const recent = recentTries((tries.get('tries') as number[] | undefined) ?? [], now)
      const resetAt = triesResetAt(recent)
      if (resetAt !== null) {
        throw new HttpsError('resource-exhausted', 'Too many wrong answers to this clue. Try again later.', {
          reason: 'hunt-too-many-tries',
          retryAt: new Date(resetAt).toISOString(),
        })
      }

      if (!right) {
        const next = [...recent, now]
        const result: ClaimClueResult = {
          ...base,
          correct: false,
          points: 0,
          finishBonus: 0,
          finished: false,
          solved,
          triesLeft: HUNT_TRIES_PER_HOUR - next.length,
          balance: ctx.state.balance,
        }
        return {
          state: ctx.state,
          entries: [],
          writes: (tx) => {
            tx.set(triesRef, { uid, huntId, clueIndex, tries: next })
            tx.set(claimRef, { uid, huntId, clueIndex, result, at: Timestamp.fromMillis(now) })
          },
          result,
        }
      }

      const points = cluePoints(hunt, clueIndex)
      const finished = clueIndex === hunt.clues.length - 1
      const paid = planCredit(ctx, {
        key: LEDGER_IDS.huntClue(huntId, clueIndex),
        points: points.clue,
        source: 'hunt',
        reason: 'hunt_clue',
        ref: huntId,
        partnerId: clue.partnerId,
        by: uid,
        details: { requestId: params.requestId, clueIndex },
      })
      let state = paid.state
      const entries: EntryDraft[] = [...paid.entries]
      if (points.bonus > 0) {
        const bonus = planCredit({ ...ctx, state }, {
          key: LEDGER_IDS.huntFinished(huntId),
          points: points.bonus,
          source: 'hunt',
          reason: 'hunt_finished',
          ref: huntId,
          by: 'system',
        })
        state = bonus.state
        entries.push(...bonus.entries)
      }
      const result: ClaimClueResult = {
        ...base,
        correct: true,
        points: points.clue + points.bonus,
        finishBonus: points.bonus,
        finished,
        solved: clueIndex + 1,
        triesLeft: HUNT_TRIES_PER_HOUR - recent.length,
        balance: state.balance,
      }
      const at = Timestamp.fromMillis(now)
      return {
        state,
        entries,
        writes: (tx) => {
          tx.set(progressRef, {
            huntId,
            solved: clueIndex + 1,
            points: Number(progress.get('points') ?? 0) + result.points,
            startedAt: progress.get('startedAt') ?? at,
            finishedAt: finished ? at : null,
            updatedAt: at,
          })
          // One document per finisher: 50 finishing at once never contend on a shared one.
          if (finished) tx.set(finisherRef, { uid, name: nameAtTill(String(ctx.member.get('name') ?? '')), finishedAt: at })
          tx.set(claimRef, { uid, huntId, clueIndex, result, at })
        },
        result,
      }
    },
    replay: async (_entry, ctx) => {
      const [claim, progress] = await Promise.all([ctx.tx.get(claimRef), ctx.tx.get(progressRef)])
      if (claim.exists) return { ...(claim.get('result') as ClaimClueResult), replayed: true }
      // Solved already by another request: the answer is judged, nothing is paid or counted.
      return {
        ...base,
        correct: right,
        points: 0,
        finishBonus: 0,
        finished: progress.get('finishedAt') != null,
        solved: Number(progress.get('solved') ?? clueIndex + 1),
        triesLeft: HUNT_TRIES_PER_HOUR,
        balance: ctx.state.balance,
        alreadySolved: true,
      }
    },
  })
}
