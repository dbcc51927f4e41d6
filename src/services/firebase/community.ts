import {
  Timestamp,
  collection,
  doc,
  getDoc,
  getDocs,
  increment,
  limit,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  startAfter,
  where,
  writeBatch,
  type DocumentData,
  type QueryDocumentSnapshot,
  type Unsubscribe,
} from 'firebase/firestore'
import {
  CONTENT_FLAGS,
  POST_KINDS,
  POST_STATUSES,
  pickShard,
  sumCounters,
  type ContentFlag,
  type CounterShard,
  type FeedComment,
  type FeedPost,
} from '@/domain/community/posts'
import { CompetitionSchema, type CompetitionView, type CompetitionWinner } from '@/domain/community/competitions'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { db } from './app'

export type { FeedComment, FeedPost }

/** An opaque cursor for the next page (a Firestore snapshot: keep it out of reactive proxies). */
export type FeedCursor = { readonly __feedCursor: true }

const toDate = (value: unknown): Date => (value instanceof Timestamp ? value.toDate() : new Date(0))
const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T => (list.includes(value as T) ? (value as T) : fallback)
const flagsOf = (value: unknown): ContentFlag[] => (Array.isArray(value) ? value.filter((f): f is ContentFlag => CONTENT_FLAGS.includes(f)) : [])

function postOf(id: string, d: DocumentData): FeedPost {
  const cta = d.cta && typeof d.cta.label === 'string' && typeof d.cta.path === 'string' && d.cta.path.startsWith('/') ? { label: d.cta.label, path: d.cta.path } : null
  return {
    id,
    kind: oneOf(POST_KINDS, d.kind, 'member'),
    status: oneOf(POST_STATUSES, d.status, 'held'),
    authorUid: String(d.authorUid ?? ''),
    authorName: String(d.authorName ?? ''),
    text: String(d.text ?? ''),
    photoIds: Array.isArray(d.photoIds) ? d.photoIds.filter((p: unknown): p is string => typeof p === 'string') : [],
    partnerId: typeof d.partnerId === 'string' ? d.partnerId : null,
    verifiedVisit: d.verifiedVisit === true,
    pinned: d.pinned === true,
    featured: d.featured === true,
    competitionId: typeof d.competitionId === 'string' ? d.competitionId : null,
    cta,
    flags: flagsOf(d.flags),
    createdAt: toDate(d.createdAt),
  }
}

function commentOf(id: string, d: DocumentData): FeedComment {
  return {
    id,
    status: oneOf(POST_STATUSES, d.status, 'held'),
    authorUid: String(d.authorUid ?? ''),
    authorName: String(d.authorName ?? ''),
    text: String(d.text ?? ''),
    flags: flagsOf(d.flags),
    createdAt: toDate(d.createdAt),
  }
}

const published = () => query(collection(db, COLLECTIONS.posts), where('status', '==', 'published'), orderBy('createdAt', 'desc'))

/** The feed's first page, live: new posts appear as they are published. */
export function watchFeed(
  size: number,
  onChange: (page: { posts: FeedPost[]; next: FeedCursor | null }) => void,
  onError: (e: Error) => void,
): Unsubscribe {
  return onSnapshot(
    query(published(), limit(size + 1)),
    (snap) => {
      const docs = snap.docs.slice(0, size)
      const last = docs[docs.length - 1]
      onChange({ posts: docs.map((d) => postOf(d.id, d.data())), next: snap.docs.length > size && last ? (last as unknown as FeedCursor) : null })
    },
    onError,
  )
}

/** An older page of the feed, once (older posts change rarely; their counts are watched apart). */
export async function fetchFeedPage(after: FeedCursor, size: number): Promise<{ posts: FeedPost[]; next: FeedCursor | null }> {
  const snap = await getDocs(query(published(), startAfter(after as unknown as QueryDocumentSnapshot), limit(size + 1)))
  const docs = snap.docs.slice(0, size)
  const last = docs[docs.length - 1]
  return { posts: docs.map((d) => postOf(d.id, d.data())), next: snap.docs.length > size && last ? (last as unknown as FeedCursor) : null }
}

/** Pinned announcements, live. */
export function watchPinned(onChange: (posts: FeedPost[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, COLLECTIONS.posts), where('status', '==', 'published'), where('pinned', '==', true), orderBy('createdAt', 'desc'), limit(3)),
    (snap) => onChange(snap.docs.map((d) => postOf(d.id, d.data()))),
    onError,
  )
}

/** One post, live (null when it is gone or not visible to this member). */
export function watchPost(postId: string, onChange: (post: FeedPost | null) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    doc(db, paths.post(postId)),
    (snap) => onChange(snap.exists() ? postOf(snap.id, snap.data()) : null),
    (error) => ((error as { code?: string }).code === 'permission-denied' ? onChange(null) : onError(error)),
  )
}

/** A post's published comments, oldest first, live. */
export function watchComments(postId: string, onChange: (comments: FeedComment[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, paths.postComments(postId)), where('status', '==', 'published'), orderBy('createdAt'), limit(200)),
    (snap) => onChange(snap.docs.map((d) => commentOf(d.id, d.data()))),
    onError,
  )
}

/** A post's like and comment counts, live: the sum of its counter shards. */
export function watchCounts(postId: string, onChange: (counts: CounterShard) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    collection(db, paths.postCounters(postId)),
    (snap) => onChange(sumCounters(snap.docs.map((d) => d.data() as Partial<CounterShard>))),
    onError,
  )
}

/** Whether the member liked the post (their own like document). */
export async function fetchLiked(postId: string, uid: string): Promise<boolean> {
  return (await getDoc(doc(db, paths.postLike(postId, uid)))).exists()
}

/**
 * A like or an unlike: the member's like document and ±1 on the counter shard it names, in one
 * batch the rules check together. The local cache shows it at once; the server confirms.
 */
export async function setLiked(postId: string, uid: string, liked: boolean): Promise<void> {
  const ref = doc(db, paths.postLike(postId, uid))
  const batch = writeBatch(db)
  if (liked) {
    const shard = pickShard()
    batch.set(ref, { shard, at: serverTimestamp() })
    batch.update(doc(db, paths.postCounter(postId, shard)), { likes: increment(1) })
  } else {
    const existing = await getDoc(ref)
    if (!existing.exists()) return
    batch.delete(ref)
    batch.update(doc(db, paths.postCounter(postId, Number(existing.get('shard')))), { likes: increment(-1) })
  }
  await batch.commit()
}

/** The member's own reports, newest first: each shows its outcome once a moderator decided. */
export async function fetchMyReports(uid: string): Promise<{ id: string; postId: string; outcome: string }[]> {
  const snap = await getDocs(query(collection(db, COLLECTIONS.reports), where('reporterUid', '==', uid), orderBy('createdAt', 'desc'), limit(50)))
  return snap.docs.map((d) => ({ id: d.id, postId: String(d.get('postId')), outcome: String(d.get('outcome') ?? 'open') }))
}

/** The club's competitions, live (operators' data; the app works out each one's phase). */
export function watchCompetitions(onChange: (list: CompetitionView[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    collection(db, COLLECTIONS.competitions),
    (snap) => onChange(snap.docs.flatMap((d) => competitionOf(d.id, d.data()))),
    onError,
  )
}

function competitionOf(id: string, d: DocumentData): CompetitionView[] {
  const parsed = CompetitionSchema.safeParse({ ...d, id })
  if (!parsed.success) return []
  const winners = Array.isArray(d.winners) ? (d.winners as CompetitionWinner[]) : []
  return [{ ...parsed.data, closed: d.closed === true, winners }]
}

/** A competition's published entries, live, newest first. */
export function watchEntries(competitionId: string, onChange: (posts: FeedPost[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(published(), where('competitionId', '==', competitionId), limit(100)),
    (snap) => onChange(snap.docs.map((d) => postOf(d.id, d.data()))),
    onError,
  )
}

/** The member's entry and vote in a competition (the post ids, or null). */
export async function fetchMyCompetition(competitionId: string, uid: string): Promise<{ entry: string | null; vote: string | null }> {
  const [entry, vote] = await Promise.all([
    getDoc(doc(db, paths.competitionEntrant(competitionId, uid))),
    getDoc(doc(db, paths.competitionVote(competitionId, uid))),
  ])
  return { entry: entry.exists() ? String(entry.get('postId')) : null, vote: vote.exists() ? String(vote.get('postId')) : null }
}
