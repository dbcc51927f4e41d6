import { FieldPath, Timestamp, type Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions/v2'
import { COLLECTIONS, idOf, paths } from '../../../src/domain/shared/paths'
import { dispatchMessage, messageLogPath } from './dispatch'

export interface FanOutOptions {
  /** The moment of the decisions (tests); now by default, so a resumed run decides as of its own time. */
  at?: Date
  pageSize?: number
  budgetMs?: number
  concurrency?: number
}

export interface FanOutStats {
  done: boolean
  /** Members told by this run, and members this run held back (each logged with its reason). */
  sent: number
  held: number
}

/**
 * Tells every member about one announcement, each through the dispatcher, so each member's weekly
 * cap, quiet hours and rest days decide for them (a held-back message is logged with its reason
 * and stays held back). Paged by member id with a cursor stored after each page, so a run that
 * runs out of time is resumed by the next (`resumeClubNews`, from the nightly job) where it
 * stopped; a member told already is skipped by their log entry, so overlapping runs tell once.
 */
export async function fanOutClubNews(db: Firestore, postId: string, options: FanOutOptions = {}): Promise<FanOutStats> {
  const pageSize = options.pageSize ?? 200
  const concurrency = options.concurrency ?? 8
  const deadline = Date.now() + (options.budgetMs ?? 8 * 60_000)
  const stateRef = db.doc(paths.messageFanout(idOf('club-news', postId)))
  const stats: FanOutStats = { done: false, sent: 0, held: 0 }

  const [state, post] = await Promise.all([stateRef.get(), db.doc(paths.post(postId)).get()])
  if (state.get('done') === true) return { ...stats, done: true }
  if (!state.exists) await stateRef.set({ kind: 'club-news', postId, cursor: null, done: false, startedAt: Timestamp.now() }, { merge: true })
  // Taken down before everyone heard: the rest are not told.
  if (post.get('kind') !== 'announcement' || post.get('status') !== 'published') {
    await stateRef.update({ done: true, updatedAt: Timestamp.now() })
    return { ...stats, done: true }
  }

  let cursor: string | null = typeof state.get('cursor') === 'string' ? state.get('cursor') : null
  while (Date.now() < deadline) {
    let query = db.collection(COLLECTIONS.members).orderBy(FieldPath.documentId()).limit(pageSize)
    if (cursor) query = query.startAfter(cursor)
    const page = await query.select().get()
    const uids = page.docs.map((doc) => doc.id)
    const logged = uids.length > 0 ? await db.getAll(...uids.map((uid) => db.doc(messageLogPath(uid, 'club-news', postId)))) : []
    const untold = uids.filter((_, i) => !logged[i]?.exists)
    let failed = false
    for (let i = 0; i < untold.length; i += concurrency) {
      await Promise.all(
        untold.slice(i, i + concurrency).map(async (uid) => {
          try {
            const result = await dispatchMessage(db, { uid, kind: 'club-news', params: { postId }, dedupeKey: postId, ...(options.at ? { at: options.at } : {}) })
            if (result.sent) stats.sent += 1
            else stats.held += 1
          } catch (error) {
            failed = true
            logger.error('club news failed for a member', { uid, postId, error: String(error) })
          }
        }),
      )
    }
    // The cursor stays before a page with a failure, so the next run tries its members again
    // (those told meanwhile are skipped by their log entries).
    if (failed) break
    cursor = uids.at(-1) ?? cursor
    stats.done = page.size < pageSize
    await stateRef.update({ cursor, done: stats.done, updatedAt: Timestamp.now() })
    if (stats.done) break
  }
  logger.info('club news fan-out', { postId, ...stats })
  return stats
}

/** Finishes the announcements a fan-out did not get through (the nightly job). */
export async function resumeClubNews(db: Firestore, options: FanOutOptions = {}): Promise<number> {
  const open = await db.collection(COLLECTIONS.messageFanouts).where('done', '==', false).limit(20).get()
  let resumed = 0
  for (const doc of open.docs) {
    const postId = doc.get('postId')
    if (typeof postId !== 'string') continue
    await fanOutClubNews(db, postId, options)
    resumed += 1
  }
  return resumed
}
