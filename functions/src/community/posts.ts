import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { COUNTER_SHARDS, contentId, isNewMember, judgeContent, pickShard, type ContentJudgement } from '../../../src/domain/community/posts'
import type {
  AddCommentInput,
  AddCommentResult,
  CreatePostInput,
  CreatePostResult,
  DeletePostInput,
  DeletePostResult,
} from '../../../src/domain/community/schemas'
import { nameAtTill } from '../../../src/domain/members/member'
import { paths } from '../../../src/domain/shared/paths'
import type { Caller } from '../lib/roles'
import { loadPartner } from '../lib/lookups'
import { hasVerifiedVisit } from '../reviews/visits'
import { firestorePhotoStore, type PhotoStore } from '../photos/photo-store'
import { claimEntry } from './competition-entry'
import { checkPace, commitWithStanding, payContentReward, standingOf } from './standing'
import { auditActor, recordAudit } from '../admin/audit'

function refuseText(judged: Extract<ContentJudgement, { ok: false }>): never {
  throw new HttpsError('invalid-argument', `Invalid input — text: ${judged.reason}`, {
    reason: judged.reason,
    fields: [{ path: 'text', message: judged.reason }],
  })
}

function requireOpen(config: ClubConfig): void {
  if (!config.community.enabled) throw new HttpsError('failed-precondition', 'The club feed is closed.', { reason: 'community-closed' })
}

/** The member behind a post or comment: operators post announcements without being members. */
async function memberOf(db: Firestore, uid: string): Promise<DocumentSnapshot> {
  const member = await db.doc(paths.member(uid)).get()
  if (!member.exists) throw new HttpsError('failed-precondition', 'Join the club to take part.', { reason: 'not-a-member' })
  return member
}

const joinedAt = (member: DocumentSnapshot) => (member.get('joinedAt') as Timestamp | undefined)?.toDate() ?? new Date(0)

/**
 * `createPost`: a member's post (or an operator's announcement). The text is cleaned and judged
 * (held for a person when it has listed words, a phone number, or a link from a new member); the
 * pace and a mute are checked against the member's standing, and the post is written only if
 * that standing is still the one judged (`commitWithStanding`), so 20 parallel posts cannot slip
 * past the limit. A retry with the same request id answers with the first post.
 */
export async function createPost(
  db: Firestore,
  params: { caller: Caller; input: CreatePostInput; config: ClubConfig; at?: Date; photos?: PhotoStore },
): Promise<CreatePostResult> {
  const { caller, input, config } = params
  requireOpen(config)
  const photoIds = input.photoIds ?? []
  if (photoIds.length > config.community.maxPhotosPerPost) {
    throw new HttpsError('invalid-argument', `Invalid input — photoIds: at most ${config.community.maxPhotosPerPost}`, {
      reason: 'too-many-photos',
      fields: [{ path: 'photoIds', message: 'too many photos' }],
    })
  }
  const photos = params.photos ?? firestorePhotoStore(db)
  const competitionId = input.competitionId ?? null
  if (competitionId && (photoIds.length === 0 || input.announcement)) {
    throw new HttpsError('invalid-argument', 'Invalid input — photoIds: a competition entry is a member’s post with a photo', {
      reason: 'competition-needs-photo',
      fields: [{ path: 'photoIds', message: 'a photo' }],
    })
  }
  const now = params.at ?? new Date()
  const announcement = input.announcement ?? null
  if (announcement && caller.role !== 'admin') {
    throw new HttpsError('permission-denied', 'Only club operators post announcements.', { reason: 'announcement-admin-only' })
  }
  if (!announcement && caller.role !== 'member') {
    throw new HttpsError('permission-denied', 'Staff and operator accounts post announcements, not member posts.', { reason: 'members-only' })
  }
  const partner = input.partnerId ? await loadPartner(db, input.partnerId) : null
  const visited = partner && !announcement ? await hasVerifiedVisit(db, caller.uid, partner.id, config, now) : false
  const postId = await contentId('post', caller.uid, input.requestId)
  const postRef = db.doc(paths.post(postId))
  const standingRef = db.doc(paths.communityStanding(caller.uid))

  const result = await commitWithStanding(db, standingRef, async (standing, tx) => {
    const existing = await postRef.get()
    if (existing.exists) {
      const replay: CreatePostResult = { postId, status: existing.get('status'), flags: existing.get('flags') ?? [], points: 0, replayed: true }
      return { result: replay, standing: null }
    }
    // Announcements speak as the club: the app shows the club's name in the reader's language.
    let authorName: string | null = null
    let judged: ContentJudgement
    let recent: number[] | null = null
    if (announcement) {
      judged = judgeContent(input.text, { maxChars: config.community.postMaxChars, minChars: 1, newMember: false })
      if (judged.ok) judged = { ...judged, status: 'published', flags: [] }
    } else {
      const member = await memberOf(db, caller.uid)
      authorName = nameAtTill(String(member.get('name') ?? ''))
      judged = judgeContent(input.text, {
        maxChars: config.community.postMaxChars,
        // A photo may speak for itself.
        minChars: photoIds.length > 0 ? 0 : 1,
        newMember: isNewMember(joinedAt(member).getTime(), now.getTime(), config.community),
      })
      if (!judged.ok) refuseText(judged)
      recent = checkPace('post', standingOf(standing), now, joinedAt(member), config)
    }
    if (!judged.ok) refuseText(judged)
    // Read (and locked) before any write: each photo is the author's and still pending, so it is
    // attached once, to this post, or not at all.
    for (const photoId of photoIds) await photos.claim(tx, photoId, caller.uid)
    const enter = competitionId ? await claimEntry(db, tx, competitionId, caller.uid, now) : null
    const at = Timestamp.fromDate(now)
    tx.create(postRef, {
      kind: announcement ? 'announcement' : 'member',
      status: judged.status,
      authorUid: caller.uid,
      authorName,
      text: judged.text,
      photoIds,
      competitionId,
      partnerId: partner?.id ?? null,
      verifiedVisit: visited,
      pinned: announcement?.pinned ?? false,
      cta: announcement?.cta ?? null,
      flags: judged.flags,
      reports: 0,
      qualifiedReports: 0,
      createdAt: at,
      publishedAt: judged.status === 'published' ? at : null,
    })
    for (let i = 0; i < COUNTER_SHARDS; i++) tx.create(db.doc(paths.postCounter(postId, i)), { postId, likes: 0, comments: 0 })
    for (const photoId of photoIds) photos.attach(tx, photoId, { kind: 'post', id: postId }, now)
    enter?.(postId)
    if (announcement) {
      recordAudit(tx, db, {
        actor: auditActor(caller),
        action: 'createPost',
        memberUid: null,
        partnerId: partner?.id ?? null,
        target: postId,
        details: { announcement: true, pinned: announcement.pinned ?? false, requestId: input.requestId },
      })
    }
    const answer: CreatePostResult = { postId, status: judged.status, flags: judged.flags, points: 0, replayed: false }
    return { result: answer, standing: recent ? { posts: recent } : null }
  })
  if (result.status === 'published' && !announcement) {
    return { ...result, points: await payContentReward(db, caller.uid, 'community-post', postId, config, params.at) }
  }
  return result
}

/** `addComment`: a member's comment under a published post, through the same checks as a post. */
export async function addComment(
  db: Firestore,
  params: { uid: string; input: AddCommentInput; config: ClubConfig; at?: Date },
): Promise<AddCommentResult> {
  const { uid, input, config } = params
  requireOpen(config)
  const now = params.at ?? new Date()
  const commentId = await contentId('comment', uid, input.requestId)
  const postRef = db.doc(paths.post(input.postId))
  const commentRef = db.doc(paths.postComment(input.postId, commentId))
  const standingRef = db.doc(paths.communityStanding(uid))
  const result = await commitWithStanding(db, standingRef, async (standing, tx) => {
    const [existing, post] = await Promise.all([commentRef.get(), postRef.get()])
    if (existing.exists) {
      const replay: AddCommentResult = { commentId, status: existing.get('status'), flags: existing.get('flags') ?? [], points: 0, replayed: true }
      return { result: replay, standing: null }
    }
    if (!post.exists || post.get('status') !== 'published') {
      throw new HttpsError('not-found', 'This post is not available.', { reason: 'post-not-found' })
    }
    const member = await memberOf(db, uid)
    const judged = judgeContent(input.text, {
      maxChars: config.community.commentMaxChars,
      minChars: 1,
      newMember: isNewMember(joinedAt(member).getTime(), now.getTime(), config.community),
    })
    if (!judged.ok) refuseText(judged)
    const recent = checkPace('comment', standingOf(standing), now, joinedAt(member), config)
    const shard = pickShard()
    tx.create(commentRef, {
      status: judged.status,
      authorUid: uid,
      authorName: nameAtTill(String(member.get('name') ?? '')),
      text: judged.text,
      flags: judged.flags,
      shard,
      reports: 0,
      qualifiedReports: 0,
      createdAt: Timestamp.fromDate(now),
    })
    // Only published comments count; a held one counts when a moderator lets it through.
    if (judged.status === 'published') tx.update(db.doc(paths.postCounter(input.postId, shard)), { comments: FieldValue.increment(1) })
    const answer: AddCommentResult = { commentId, status: judged.status, flags: judged.flags, points: 0, replayed: false }
    return { result: answer, standing: { comments: recent } }
  })
  if (result.status === 'published') {
    return { ...result, points: await payContentReward(db, uid, 'community-comment', commentId, config, params.at) }
  }
  return result
}

/**
 * Keeps a post's comment count equal to its published comments when a comment changes status:
 * in the shard the comment was counted in.
 */
export function recountComment(tx: Transaction, db: Firestore, postId: string, comment: DocumentSnapshot, nextStatus: string): void {
  const was = comment.get('status') === 'published'
  const will = nextStatus === 'published'
  if (was === will) return
  const shard = Number(comment.get('shard') ?? 0)
  tx.update(db.doc(paths.postCounter(postId, shard)), { comments: FieldValue.increment(will ? 1 : -1) })
}

/** A member deletes their own post or comment (`removed`, by the author); others' are refused. */
export async function deleteOwnContent(db: Firestore, params: { uid: string; input: DeletePostInput; at?: Date }): Promise<DeletePostResult> {
  const { uid, input } = params
  const ref = db.doc(input.commentId ? paths.postComment(input.postId, input.commentId) : paths.post(input.postId))
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    if (!snap.exists || snap.get('authorUid') !== uid) {
      throw new HttpsError('not-found', 'Nothing of yours to delete here.', { reason: 'not-your-content' })
    }
    if (snap.get('status') === 'removed') return { deleted: false }
    if (input.commentId) recountComment(tx, db, input.postId, snap, 'removed')
    tx.update(ref, { status: 'removed', removedBy: 'author', removedAt: Timestamp.fromDate(params.at ?? new Date()) })
    return { deleted: true }
  })
}
