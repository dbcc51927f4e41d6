import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import {
  competitionPhase,
  rankByVotes,
  type CloseCompetitionInput,
  type CloseCompetitionResult,
  type CompetitionWinner,
  type VoteEntryInput,
  type VoteEntryResult,
} from '../../../src/domain/community/competitions'
import { pickShard, sumCounters } from '../../../src/domain/community/posts'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { COLLECTIONS, LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { awardPoints } from '../ledger/award'
import type { Caller } from '../lib/roles'
import { createPost } from './posts'
import { loadCompetition, wrongPhase } from './competition-entry'
import { auditActor, recordAudit } from '../admin/audit'

/**
 * `voteEntry`: one vote per member per competition, during the voting window, for a published
 * entry of that competition that is not their own. The vote and its count (a shard of the entry's
 * counters) are written together; a retry of the same vote answers as the first did.
 */
export async function voteEntry(db: Firestore, params: { uid: string; input: VoteEntryInput; at?: Date }): Promise<VoteEntryResult> {
  const { uid, input } = params
  const now = params.at ?? new Date()
  const voteRef = db.doc(paths.competitionVote(input.competitionId, uid))
  const postRef = db.doc(paths.post(input.postId))
  return db.runTransaction(async (tx) => {
    const [vote, post, { competition, closed }] = await Promise.all([tx.get(voteRef), tx.get(postRef), loadCompetition(db, input.competitionId, tx)])
    if (vote.exists) {
      if (vote.get('postId') === input.postId) return { postId: input.postId, replayed: true }
      throw new HttpsError('failed-precondition', 'You already voted in this competition.', { reason: 'competition-already-voted' })
    }
    const phase = competitionPhase(competition, now.getTime(), closed)
    if (phase !== 'voting') throw wrongPhase(phase, 'voting')
    if (!post.exists || post.get('status') !== 'published' || post.get('competitionId') !== input.competitionId) {
      throw new HttpsError('not-found', 'No such entry in this competition.', { reason: 'content-not-found' })
    }
    if (post.get('authorUid') === uid) {
      throw new HttpsError('failed-precondition', 'You cannot vote for your own entry.', { reason: 'own-content' })
    }
    const shard = pickShard()
    tx.create(voteRef, { postId: input.postId, shard, requestId: input.requestId, at: Timestamp.fromDate(now) })
    tx.update(db.doc(paths.postCounter(input.postId, shard)), { votes: FieldValue.increment(1) })
    return { postId: input.postId, replayed: false }
  }, { maxAttempts: 10 })
}

const PLACE = { he: ['ראשון', 'שני', 'שלישי', 'רביעי', 'חמישי'], en: ['1st', '2nd', '3rd', '4th', '5th'] }

/**
 * `closeCompetition` (operators), after voting ends: the winners by votes (ties to the earlier
 * entry) or as the club chose, each prize paid once through the ledger, the competition marked
 * closed with its winners, and the result announced in the feed. Closing again answers the same.
 */
export async function closeCompetition(
  db: Firestore,
  params: { caller: Caller; input: CloseCompetitionInput; config: ClubConfig; at?: Date },
): Promise<CloseCompetitionResult> {
  const { caller, input, config } = params
  const now = params.at ?? new Date()
  const ref = db.doc(paths.competition(input.competitionId))
  const { competition, closed } = await loadCompetition(db, input.competitionId)
  if (closed) {
    const snap = await ref.get()
    return { winners: snap.get('winners') as CompetitionWinner[], postId: String(snap.get('announcementId')), replayed: true }
  }
  const phase = competitionPhase(competition, now.getTime())
  if (phase !== 'judging') throw wrongPhase(phase, 'judging')

  const entries = await db.collection(COLLECTIONS.posts).where('competitionId', '==', competition.id).where('status', '==', 'published').get()
  const tallies = await Promise.all(
    entries.docs.map(async (doc) => {
      const shards = await db.collection(paths.postCounters(doc.id)).get()
      return {
        postId: doc.id,
        votes: sumCounters(shards.docs.map((s) => s.data())).votes,
        postedAt: (doc.get('createdAt') as Timestamp).toMillis(),
      }
    }),
  )
  let ranked = rankByVotes(tallies, competition.prizes.length)
  if (competition.winnersBy === 'club') {
    const chosen = input.winners ?? []
    if (chosen.length === 0 || chosen.some((id) => !tallies.some((t) => t.postId === id)) || new Set(chosen).size !== chosen.length) {
      throw new HttpsError('invalid-argument', 'Invalid input — winners: entries of this competition, each once', {
        reason: 'competition-winners',
        fields: [{ path: 'winners', message: 'entries of this competition' }],
      })
    }
    ranked = chosen.slice(0, competition.prizes.length).map((id) => tallies.find((t) => t.postId === id)!)
  }
  const byId = new Map(entries.docs.map((doc) => [doc.id, doc]))
  const winners: CompetitionWinner[] = ranked.map((t, i) => ({
    postId: t.postId,
    rank: i + 1,
    points: competition.prizes[i] ?? 0,
    authorName: String(byId.get(t.postId)!.get('authorName') ?? ''),
    votes: t.votes,
  }))
  for (const winner of winners) {
    const authorUid = String(byId.get(winner.postId)!.get('authorUid'))
    if (winner.points <= 0 || !(await db.doc(paths.member(authorUid)).get()).exists) continue
    await awardPoints(db, {
      uid: authorUid,
      config,
      at: params.at,
      forHousehold: true,
      spec: {
        key: LEDGER_IDS.competitionPrize(competition.id),
        points: winner.points,
        source: 'competition',
        reason: 'competition_prize',
        ref: competition.id,
        by: caller.uid,
        details: { rank: winner.rank, postId: winner.postId },
      },
    })
  }
  const lines = (locale: 'he' | 'en') =>
    winners.length === 0
      ? locale === 'he' ? 'לא נבחרו זוכים.' : 'No winners this time.'
      : winners.map((w) => `${PLACE[locale][w.rank - 1]}: ${w.authorName}`).join('\n')
  const announcement = await createPost(db, {
    caller,
    input: {
      requestId: `competition-${competition.id}`,
      text: `${competition.title.he} — הזוכים\n${lines('he')}\n\n${competition.title.en} — the winners\n${lines('en')}`,
      announcement: { pinned: false, cta: { label: competition.title.he, path: `/community/competitions/${competition.id}` } },
    },
    config,
    at: params.at,
  })
  // Closed and logged once: of two closings at the same moment, the second finds it closed.
  return db.runTransaction(async (tx) => {
    const current = await tx.get(ref)
    if (current.get('closed') === true) {
      return { winners: current.get('winners') as CompetitionWinner[], postId: String(current.get('announcementId')), replayed: true }
    }
    tx.update(ref, { closed: true, closedAt: Timestamp.fromDate(now), closedBy: caller.uid, winners, announcementId: announcement.postId })
    recordAudit(tx, db, {
      actor: auditActor(caller),
      action: 'closeCompetition',
      memberUid: null,
      partnerId: null,
      target: competition.id,
      details: { winners: winners.map((w) => w.postId).join(','), announcementId: announcement.postId },
    })
    return { winners, postId: announcement.postId, replayed: false }
  })
}
