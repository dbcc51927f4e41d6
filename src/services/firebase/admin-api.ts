// The operator console's door to Firebase for members, held items, announcements and the
// partners' tools. Only the console's lazy chunk imports it, never the card route.
import { FirebaseError } from 'firebase/app'
import { collection, doc, getDoc, getDocs, limit, onSnapshot, orderBy, query, where } from 'firebase/firestore'
import { httpsCallable } from 'firebase/functions'
import { CALLABLES, type CallableInput, type CallableName, type CallableResult } from '@/domain/contracts/callables'
import type { Member } from '@/domain/members/member'
import { AppError, toAppErrorCode } from '@/domain/shared/errors'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { db, functions } from './app'
import { memberConverter } from './converters'

export { fetchLedgerPage, type LedgerPage, type PageCursor } from './ledger'

async function call<N extends CallableName>(name: N, data: CallableInput<N>): Promise<CallableResult<N>> {
  try {
    return (await httpsCallable<CallableInput<N>, CallableResult<N>>(functions, name)(data)).data
  } catch (error) {
    if (error instanceof FirebaseError) {
      const details = (error as FirebaseError & { details?: { reason?: string } }).details
      throw new AppError(toAppErrorCode(error.code), error.message, [], details?.reason ?? null)
    }
    throw new AppError('internal', String(error))
  }
}

export const findMember = (input: CallableInput<'findMember'>) => call(CALLABLES.findMember, input)
export const adjustPoints = (input: CallableInput<'adjustPoints'>) => call(CALLABLES.adjustPoints, input)
export const correctBirthday = (input: CallableInput<'correctBirthday'>) => call(CALLABLES.correctBirthday, input)
export const reviewPurchase = (input: CallableInput<'reviewPurchase'>) => call(CALLABLES.reviewPurchase, input)
export const reviewReferral = (input: CallableInput<'reviewReferral'>) => call(CALLABLES.reviewReferral, input)
export const getPosterCode = (input: CallableInput<'getPosterCode'>) => call(CALLABLES.getPosterCode, input)
export const reissuePosterCode = (input: CallableInput<'reissuePosterCode'>) => call(CALLABLES.reissuePosterCode, input)
export const rotateCounterKey = (input: CallableInput<'rotateCounterKey'>) => call(CALLABLES.rotateCounterKey, input)
export const runMaintenance = (input: CallableInput<'runMaintenance'>) => call(CALLABLES.runMaintenance, input)
export const createPost = (input: CallableInput<'createPost'>) => call(CALLABLES.createPost, input)

/** A member's document, live (operators read any member: firestore.rules). */
export function watchMemberDoc(uid: string, onValue: (member: Member | null) => void, onError: (error: Error) => void): () => void {
  return onSnapshot(
    doc(db, paths.member(uid)).withConverter(memberConverter),
    (snap) => onValue(snap.exists() ? snap.data() : null),
    onError,
  )
}

const text = (value: unknown) => (typeof value === 'string' ? value : null)
const when = (value: unknown) => (value && typeof (value as { toDate?: unknown }).toDate === 'function' ? (value as { toDate: () => Date }).toDate() : null)

/** A purchase as the till recorded it: who, which till, how much, and where it stands. */
export interface ReceiptRecord {
  partnerId: string
  receiptId: string
  uid: string
  memberNo: string
  amountShekels: number
  points: number
  status: string
  staffUid: string | null
  tillId: string | null
  typedReason: string | null
  flags: string[]
  recordedAt: Date | null
  reviewNote: string | null
}

function receiptOf(data: Record<string, unknown>): ReceiptRecord {
  return {
    partnerId: String(data.partnerId ?? ''),
    receiptId: String(data.receiptId ?? ''),
    uid: String(data.uid ?? ''),
    memberNo: String(data.memberNo ?? ''),
    amountShekels: Number(data.amountShekels ?? 0),
    points: Number(data.points ?? 0),
    status: String(data.status ?? ''),
    staffUid: text(data.by),
    tillId: text(data.tillId),
    typedReason: text(data.typedReason),
    flags: Array.isArray(data.flags) ? data.flags.map(String) : [],
    recordedAt: when(data.recordedAt),
    reviewNote: text(data.reviewNote),
  }
}

export async function fetchReceipt(partnerId: string, receiptId: string): Promise<ReceiptRecord | null> {
  const snap = await getDoc(doc(db, paths.receipt(partnerId, receiptId)))
  return snap.exists() ? receiptOf(snap.data()) : null
}

/** Purchases held above the review threshold, oldest first (few at a time: each waits for a decision). */
export async function fetchPendingPurchases(max = 50): Promise<ReceiptRecord[]> {
  const snap = await getDocs(query(collection(db, COLLECTIONS.receipts), where('status', '==', 'pending'), limit(max)))
  return snap.docs.map((d) => receiptOf(d.data())).sort((a, b) => (a.recordedAt?.getTime() ?? 0) - (b.recordedAt?.getTime() ?? 0))
}

/** A referral held for review: the friend (the document id), who brought them, since when. */
export interface HeldReferral {
  friendUid: string
  referrerUid: string
  friendName: string
  heldAt: Date | null
}

export async function fetchHeldReferrals(max = 50): Promise<HeldReferral[]> {
  const snap = await getDocs(query(collection(db, COLLECTIONS.referrals), where('status', '==', 'held'), limit(max)))
  return snap.docs
    .map((d) => ({
      friendUid: d.id,
      referrerUid: String(d.get('referrerUid') ?? ''),
      friendName: String(d.get('friendFirstName') ?? ''),
      heldAt: when(d.get('heldAt')),
    }))
    .sort((a, b) => (a.heldAt?.getTime() ?? 0) - (b.heldAt?.getTime() ?? 0))
}

export const moderateContent = (input: CallableInput<'moderateContent'>) => call(CALLABLES.moderateContent, input)
export const moderateReview = (input: CallableInput<'moderateReview'>) => call(CALLABLES.moderateReview, input)
export const featurePost = (input: CallableInput<'featurePost'>) => call(CALLABLES.featurePost, input)

/** A post or a comment waiting for a moderator: held when written, hidden by reports, or reported. */
export interface QueuedContent {
  postId: string
  commentId: string | null
  text: string
  authorUid: string
  authorName: string
  status: string
  flags: string[]
  reports: { reason: string; note: string | null }[]
  createdAt: Date | null
}

function contentOf(postId: string, commentId: string | null, data: Record<string, unknown>): QueuedContent {
  return {
    postId,
    commentId,
    text: String(data.text ?? ''),
    authorUid: String(data.authorUid ?? ''),
    authorName: String(data.authorName ?? ''),
    status: String(data.status ?? ''),
    flags: Array.isArray(data.flags) ? data.flags.map(String) : [],
    reports: [],
    createdAt: when(data.createdAt),
  }
}

/**
 * The queue: posts held or hidden, and whatever open reports name (comments too), each once with
 * its reports. Bounded reads: the open reports and the held posts, then one read per reported
 * comment or post not already in hand.
 */
export async function fetchModerationQueue(max = 50): Promise<QueuedContent[]> {
  const [held, reports] = await Promise.all([
    getDocs(query(collection(db, COLLECTIONS.posts), where('status', 'in', ['held', 'hidden']), limit(max))),
    getDocs(query(collection(db, COLLECTIONS.reports), where('outcome', '==', 'open'), limit(max * 4))),
  ])
  const items = new Map<string, QueuedContent>()
  const keyOf = (postId: string, commentId: string | null) => `${postId}/${commentId ?? ''}`
  for (const post of held.docs) items.set(keyOf(post.id, null), contentOf(post.id, null, post.data()))
  for (const report of reports.docs) {
    const postId = String(report.get('postId') ?? '')
    const commentId = text(report.get('commentId'))
    const key = keyOf(postId, commentId)
    if (!items.has(key)) {
      const snap = await getDoc(doc(db, commentId ? paths.postComment(postId, commentId) : paths.post(postId)))
      if (!snap.exists()) continue
      items.set(key, contentOf(postId, commentId, snap.data()))
    }
    items.get(key)!.reports.push({ reason: String(report.get('reason') ?? 'other'), note: text(report.get('note')) })
  }
  return [...items.values()].filter((item) => item.status !== 'removed').sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0))
}

export interface QueuedReview {
  reviewId: string
  partnerId: string
  stars: number
  text: string
  authorName: string
  createdAt: Date | null
}

export async function fetchHeldReviews(max = 50): Promise<QueuedReview[]> {
  const snap = await getDocs(query(collection(db, COLLECTIONS.reviews), where('status', '==', 'held'), limit(max)))
  return snap.docs.map((d) => ({
    reviewId: d.id,
    partnerId: String(d.get('partnerId') ?? ''),
    stars: Number(d.get('stars') ?? 0),
    text: String(d.get('text') ?? ''),
    authorName: String(d.get('authorName') ?? ''),
    createdAt: when(d.get('createdAt')),
  }))
}

/** The latest published posts, for featuring one. */
export async function fetchRecentPosts(max = 10): Promise<QueuedContent[]> {
  const snap = await getDocs(query(collection(db, COLLECTIONS.posts), where('status', '==', 'published'), orderBy('createdAt', 'desc'), limit(max)))
  return snap.docs.map((d) => contentOf(d.id, null, d.data()))
}

export interface ModerationLogEntry {
  id: string
  by: string
  decision: string
  days: number | null
  note: string
  postId: string
  commentId: string | null
  authorUid: string
  at: Date | null
}

export async function fetchModerationLog(max = 30): Promise<ModerationLogEntry[]> {
  const snap = await getDocs(query(collection(db, COLLECTIONS.moderationLog), orderBy('at', 'desc'), limit(max)))
  return snap.docs.map((d) => ({
    id: d.id,
    by: String(d.get('by') ?? ''),
    decision: String(d.get('decision') ?? ''),
    days: typeof d.get('days') === 'number' ? d.get('days') : null,
    note: String(d.get('note') ?? ''),
    postId: String(d.get('postId') ?? ''),
    commentId: text(d.get('commentId')),
    authorUid: String(d.get('authorUid') ?? ''),
    at: when(d.get('at')),
  }))
}
