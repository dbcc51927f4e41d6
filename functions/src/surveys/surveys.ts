import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { z } from 'zod'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { SURVEY_STAT_SHARDS, statsDelta } from '../../../src/domain/earn/survey-results'
import { answersSchemaFor, surveyFromData } from '../../../src/domain/earn/surveys-schema'
import {
  surveyAvailability,
  surveyFlags,
  type SubmitSurveyInput,
  type SubmitSurveyResult,
  type Survey,
  type SurveyFlag,
} from '../../../src/domain/earn/surveys'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation } from '../ledger/transaction'
import { parseInput } from '../lib/errors'

/** A survey as stored, whatever its status; a missing or malformed one is `not-found` to everyone. */
export async function loadSurvey(db: Firestore, surveyId: string): Promise<Survey> {
  const snap = await db.doc(paths.survey(surveyId)).get()
  const parsed = snap.exists ? surveyFromData(surveyId, snap.data() ?? {}) : null
  if (!parsed?.success) throw new HttpsError('not-found', 'No such survey.', { reason: 'unknown-survey' })
  return parsed.data
}

/** Refuses a member the survey is not open to now: unpublished, outside its window or not aimed at them. */
export async function requireOpenSurvey(db: Firestore, survey: Survey, uid: string, now: Date): Promise<void> {
  const member = await db.doc(paths.member(uid)).get()
  if (!member.exists) throw new HttpsError('failed-precondition', 'Join the club first.', { reason: 'not-a-member' })
  const availability = surveyAvailability(
    survey,
    { tierId: String(member.get('tierId') ?? ''), interests: (member.get('interests') as string[] | undefined) ?? [] },
    now,
  )
  switch (availability) {
    case 'open':
      return
    case 'not-published':
      throw new HttpsError('not-found', 'No such survey.', { reason: 'unknown-survey' })
    case 'not-open':
      throw new HttpsError('failed-precondition', 'This survey has not opened yet.', { reason: 'survey-not-open' })
    case 'closed':
      throw new HttpsError('failed-precondition', 'This survey has closed.', { reason: 'survey-closed' })
    case 'not-targeted':
      throw new HttpsError('permission-denied', 'This survey is for other members.', { reason: 'survey-not-for-you' })
  }
}

/** What the response keeps of its first answer, so a retry of the same request gets it again. */
interface RecordedOutcome {
  paid: boolean
  points: number
  flags: SurveyFlag[]
  balance: number | null
}

function replayOf(response: DocumentSnapshot, surveyId: string, requestId: string): SubmitSurveyResult {
  if (response.get('requestId') !== requestId) {
    throw new HttpsError('failed-precondition', 'You have already answered this survey.', { reason: 'survey-already-answered' })
  }
  const outcome = response.get('outcome') as RecordedOutcome
  return { surveyId, ...outcome, replayed: true }
}

/**
 * The shard counters as Firestore increments (the shape of `statsDelta`, each number an
 * increment). Zeros and empty maps are left out: in a merge, an empty map is written as a value
 * and would wipe the counters other responses added under it.
 */
function increments(value: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(value).flatMap(([key, inner]): [string, unknown][] => {
    if (typeof inner === 'number') return inner === 0 ? [] : [[key, FieldValue.increment(inner)]]
    const nested = increments(inner as Record<string, unknown>)
    return Object.keys(nested).length === 0 ? [] : [[key, nested]]
  })
  return Object.fromEntries(entries)
}

/**
 * A member's answers to a survey: checked against the survey, judged by the fraud rules and
 * stored once per member (`surveys/{id}/responses/{uid}`), with the reward paid in the same
 * transaction when nothing is flagged (the ledger entry `survey~<id>` makes it once). The
 * response's request id answers a retry; another submission is `survey-already-answered`.
 */
export async function submitSurvey(
  db: Firestore,
  params: { uid: string; input: SubmitSurveyInput; config: ClubConfig; random: () => number },
): Promise<SubmitSurveyResult> {
  const { uid, input, config } = params
  const survey = await loadSurvey(db, input.surveyId)
  const responseRef = db.doc(paths.surveyResponse(survey.id, uid))
  // A retry is answered before the window is judged: the survey may have closed since the first try.
  const previous = await responseRef.get()
  if (previous.exists) return replayOf(previous, survey.id, input.requestId)

  const now = new Date()
  await requireOpenSurvey(db, survey, uid, now)
  const { answers } = parseInput(z.object({ answers: answersSchemaFor(survey) }), { answers: input.answers })
  // The start is the server's record of the first opening (startSurvey), never a time the phone sends.
  const start = await db.doc(paths.surveyStart(survey.id, uid)).get()
  if (!start.exists) {
    throw new HttpsError('failed-precondition', 'Open the survey before answering it.', { reason: 'survey-not-started' })
  }
  const startedAt = (start.get('startedAt') as Timestamp).toDate()
  const elapsedSeconds = (now.getTime() - startedAt.getTime()) / 1000
  const flags = surveyFlags(survey, answers, elapsedSeconds)
  const shardRef = db.doc(paths.surveyStatsShard(survey.id, Math.floor(params.random() * SURVEY_STAT_SHARDS)))
  const stats = increments({ ...statsDelta(survey, answers, flags) })
  const responseData = (outcome: RecordedOutcome) => ({
    uid,
    surveyId: survey.id,
    requestId: input.requestId,
    answers,
    outcome,
    startedAt: Timestamp.fromDate(startedAt),
    elapsedSeconds: Math.round(elapsedSeconds),
    submittedAt: Timestamp.fromDate(now),
  })

  if (flags.length > 0) {
    return db.runTransaction(async (tx) => {
      const response = await tx.get(responseRef)
      if (response.exists) return replayOf(response, survey.id, input.requestId)
      const outcome: RecordedOutcome = { paid: false, points: 0, flags, balance: null }
      tx.create(responseRef, responseData(outcome))
      tx.set(shardRef, stats, { merge: true })
      return { surveyId: survey.id, ...outcome, replayed: false }
    })
  }

  const key = LEDGER_IDS.survey(survey.id)
  return runLedgerOperation<SubmitSurveyResult>(db, {
    uid,
    key,
    config,
    forHousehold: true,
    plan: async (ctx) => {
      const response = await ctx.tx.get(responseRef)
      // A flagged response recorded meanwhile has no ledger entry: it still settles the survey.
      if (response.exists) return { state: ctx.state, entries: [], result: replayOf(response, survey.id, input.requestId) }
      const planned = planCredit(ctx, { key, points: survey.points, source: 'survey', reason: 'survey', ref: survey.id, by: uid })
      const outcome: RecordedOutcome = { paid: true, points: survey.points, flags: [], balance: planned.state.balance }
      return {
        ...planned,
        writes: (tx) => {
          tx.create(responseRef, responseData(outcome))
          tx.set(shardRef, stats, { merge: true })
        },
        result: { surveyId: survey.id, ...outcome, replayed: false },
      }
    },
    replay: async (_entry, ctx) => replayOf(await ctx.tx.get(responseRef), survey.id, input.requestId),
  })
}
