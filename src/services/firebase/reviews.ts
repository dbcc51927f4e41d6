import {
  Timestamp,
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type DocumentData,
  type QueryDocumentSnapshot,
} from 'firebase/firestore'
import { REVIEW_STATUSES, type MyReviewDoc, type ReviewDoc, type ReviewStatus, type VisitEntry } from '@/domain/earn/reviews'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { db } from './app'

/** An opaque cursor for the next page (a Firestore snapshot: keep it out of reactive proxies). */
export type ReviewCursor = { readonly __reviewCursor: true }

export interface PublishedReview extends ReviewDoc {
  id: string
}

export interface MyReview extends MyReviewDoc {
  id: string
}

const toDate = (value: unknown): Date => (value instanceof Timestamp ? value.toDate() : new Date(0))
const statusOf = (value: unknown): ReviewStatus => (REVIEW_STATUSES.includes(value as ReviewStatus) ? (value as ReviewStatus) : 'held')

function reviewOf(id: string, d: DocumentData): PublishedReview {
  return {
    id,
    partnerId: String(d.partnerId ?? ''),
    stars: Number(d.stars ?? 0),
    text: String(d.text ?? ''),
    status: statusOf(d.status),
    authorName: String(d.authorName ?? ''),
    verifiedVisit: d.verifiedVisit === true,
    photoId: typeof d.photoId === 'string' ? d.photoId : null,
    createdAt: toDate(d.createdAt),
    publishedAt: d.publishedAt ? toDate(d.publishedAt) : null,
  }
}

/** A partner's published reviews, newest first, a page at a time. */
export async function fetchPartnerReviews(
  partnerId: string,
  options: { after?: ReviewCursor | null; pageSize?: number } = {},
): Promise<{ reviews: PublishedReview[]; next: ReviewCursor | null }> {
  const size = options.pageSize ?? 10
  const snap = await getDocs(
    query(
      collection(db, COLLECTIONS.reviews),
      where('partnerId', '==', partnerId),
      where('status', '==', 'published'),
      orderBy('publishedAt', 'desc'),
      ...(options.after ? [startAfter(options.after as unknown as QueryDocumentSnapshot)] : []),
      limit(size + 1),
    ),
  )
  const docs = snap.docs.slice(0, size)
  const last = docs[docs.length - 1]
  return {
    reviews: docs.map((doc) => reviewOf(doc.id, doc.data())),
    next: snap.docs.length > size && last ? (last as unknown as ReviewCursor) : null,
  }
}

/** The partner's rating shards (summed by the store: the count and the average stay exact). */
export async function fetchRatingShards(partnerId: string): Promise<{ count: number; starsSum: number }[]> {
  const snap = await getDocs(collection(db, paths.reviewShards(partnerId)))
  return snap.docs.map((doc) => ({ count: Number(doc.get('count') ?? 0), starsSum: Number(doc.get('starsSum') ?? 0) }))
}

/** The member's own ledger since a moment, as far as visits go (the member reads only their own). */
export async function fetchVisitEntries(uid: string, since: Date): Promise<VisitEntry[]> {
  const snap = await getDocs(
    query(collection(db, paths.ledger(uid)), where('createdAt', '>=', Timestamp.fromDate(since)), orderBy('createdAt', 'desc'), limit(500)),
  )
  return snap.docs.map((doc) => ({
    reason: String(doc.get('reason') ?? ''),
    partnerId: typeof doc.get('partnerId') === 'string' ? doc.get('partnerId') : null,
    createdAt: toDate(doc.get('createdAt')),
    flags: Array.isArray(doc.get('flags')) ? (doc.get('flags') as string[]) : [],
  }))
}

/** The member's own reviews (held and removed ones too), newest first. */
export async function fetchMyReviews(uid: string): Promise<MyReview[]> {
  const snap = await getDocs(query(collection(db, paths.myReviews(uid)), orderBy('createdAt', 'desc'), limit(100)))
  return snap.docs.map((doc) => ({ ...reviewOf(doc.id, doc.data()), points: Number(doc.get('points') ?? 0), period: Number(doc.get('period') ?? -1) }))
}
