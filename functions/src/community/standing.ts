import { HttpsError } from 'firebase-functions/v2/https'
import type { DocumentReference, DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { pace } from '../../../src/domain/community/posts'
import { awardActivity } from '../activities/award-activity'
import { commitIfUnchanged } from '../lib/optimistic'

/** A member's standing as the pace and the mute see it (the document may not exist yet). */
export interface Standing {
  posts: number[]
  comments: number[]
  mutedUntil: number | null
}

export function standingOf(snap: DocumentSnapshot): Standing {
  const times = (field: string) => (Array.isArray(snap.get(field)) ? (snap.get(field) as unknown[]).map(Number).filter(Number.isFinite) : [])
  const muted = snap.get('mutedUntil')
  return { posts: times('posts'), comments: times('comments'), mutedUntil: muted ? muted.toMillis() : null }
}

const WAIT = {
  'too-soon': 'Please wait a little before posting again.',
  'daily-limit': 'You reached the limit for today.',
  'first-day-limit': 'New members can post a little less on their first day.',
} as const

/**
 * Refuses a muted member (`permission-denied`, with the end of the mute) or one going too fast
 * (`resource-exhausted`, with the wait in seconds the app shows); returns the times to keep.
 */
export function checkPace(kind: 'post' | 'comment', standing: Standing, now: Date, joinedAt: Date, config: ClubConfig): number[] {
  if (standing.mutedUntil !== null && standing.mutedUntil > now.getTime()) {
    throw new HttpsError('permission-denied', 'Posting is paused on this account for now.', {
      reason: 'muted',
      until: new Date(standing.mutedUntil).toISOString(),
    })
  }
  const decided = pace(kind, kind === 'post' ? standing.posts : standing.comments, now.getTime(), joinedAt.getTime(), config.community)
  if (!decided.ok) {
    throw new HttpsError('resource-exhausted', WAIT[decided.reason], {
      reason: `community-${decided.reason}`,
      retryAfterSeconds: decided.retryAfterSeconds,
      limit: decided.limit,
    })
  }
  return decided.recent
}

/**
 * The small reward for the day's first post or comment (rules `community-post` and
 * `community-comment`, capped per day by the club's configuration). Later ones that day are
 * simply not paid: the cap is the answer, not an error for the member.
 */
export async function payContentReward(db: Firestore, uid: string, ruleId: string, actionId: string, config: ClubConfig, at?: Date): Promise<number> {
  if (!config.earning.activities.some((rule) => rule.id === ruleId)) return 0
  try {
    return (await awardActivity(db, { uid, ruleId, actionId, config, at })).points
  } catch (error) {
    const reason = (error as { details?: { reason?: unknown } }).details?.reason
    if (error instanceof HttpsError && error.code === 'resource-exhausted' && typeof reason === 'string' && reason.startsWith('cap-')) return 0
    throw error
  }
}

/**
 * Optimistic concurrency on a member's standing (see ../lib/optimistic.ts): a parallel request
 * that lost the race reads again and is judged on the winner's times, so 20 posts at once let
 * exactly the allowed number through — without the lock waits a transaction over one hot
 * document causes.
 */
export function commitWithStanding<T>(
  db: Firestore,
  standingRef: DocumentReference,
  attempt: (standing: DocumentSnapshot, tx: Transaction) => Promise<{ result: T; standing: Record<string, unknown> | null }>,
): Promise<T> {
  return commitIfUnchanged(db, standingRef, async (standing, tx) => {
    const planned = await attempt(standing, tx)
    return { result: planned.result, guard: planned.standing }
  })
}
