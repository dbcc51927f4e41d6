import { FieldValue, Timestamp, type DocumentReference, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { reportOutcome, statusAfter } from '../../../src/domain/community/posts'
import type {
  FeaturePostInput,
  FeaturePostResult,
  ModerateContentInput,
  ModerateContentResult,
  ReportContentInput,
  ReportContentResult,
} from '../../../src/domain/community/schemas'
import { cleanText } from '../../../src/domain/shared/text'
import { COLLECTIONS, idOf, paths } from '../../../src/domain/shared/paths'
import type { Caller } from '../lib/roles'
import { recountComment } from './posts'
import { payContentReward } from './standing'
import { auditActor, recordAudit } from '../admin/audit'

function targetRef(db: Firestore, input: { postId: string; commentId?: string }): DocumentReference {
  return db.doc(input.commentId ? paths.postComment(input.postId, input.commentId) : paths.post(input.postId))
}

/**
 * Whether a reporter counts towards hiding: a member with a real purchase (Discourse weighs
 * flags by trust; a purchase is what a throwaway account does not have).
 */
async function hasPurchased(db: Firestore, uid: string): Promise<boolean> {
  const snap = await db.collection(paths.ledger(uid)).where('reason', '==', 'purchase').limit(1).count().get()
  return snap.data().count > 0
}

/**
 * `reportContent`: one report per member per post or comment. When reports from enough
 * different members with a purchase arrive (`community.reportsToHide`), the content is hidden
 * until a moderator decides; the reporter sees the outcome on their report.
 */
export async function reportContent(
  db: Firestore,
  params: { uid: string; input: ReportContentInput; config: ClubConfig; at?: Date },
): Promise<ReportContentResult> {
  const { uid, input, config } = params
  const now = params.at ?? new Date()
  const reportId = idOf(input.postId, input.commentId ?? '-', uid)
  const reportRef = db.doc(paths.report(reportId))
  const ref = targetRef(db, input)
  const qualified = await hasPurchased(db, uid)
  return db.runTransaction(async (tx) => {
    const [report, target, post] = await Promise.all([tx.get(reportRef), tx.get(ref), tx.get(db.doc(paths.post(input.postId)))])
    if (report.exists) return { reportId, hidden: target.get('status') === 'hidden', replayed: true }
    if (!target.exists || target.get('status') !== 'published' || (input.commentId && post.get('status') !== 'published')) {
      throw new HttpsError('not-found', 'This content is not available.', { reason: 'content-not-found' })
    }
    if (target.get('authorUid') === uid) {
      throw new HttpsError('failed-precondition', 'You cannot report your own post.', { reason: 'own-content' })
    }
    const count = Number(target.get('qualifiedReports') ?? 0) + (qualified ? 1 : 0)
    const hide = qualified && count >= config.community.reportsToHide
    tx.create(reportRef, {
      reporterUid: uid,
      postId: input.postId,
      commentId: input.commentId ?? null,
      reason: input.reason,
      note: input.note ? cleanText(input.note, { multiline: true }).slice(0, 500) : null,
      qualified,
      outcome: 'open',
      createdAt: Timestamp.fromDate(now),
      decidedAt: null,
    })
    tx.update(ref, {
      reports: FieldValue.increment(1),
      qualifiedReports: FieldValue.increment(qualified ? 1 : 0),
      ...(hide ? { status: 'hidden', hiddenAt: Timestamp.fromDate(now) } : {}),
    })
    if (hide && input.commentId) recountComment(tx, db, input.postId, target, 'hidden')
    return { reportId, hidden: hide, replayed: false }
  })
}

/**
 * `moderateContent` (operators): restore, delete, warn or mute. The content's status, every
 * open report on it (each reporter hears the outcome), the author's standing and an
 * append-only log entry change in one transaction. Mute and warn also take the content down.
 */
export async function moderateContent(
  db: Firestore,
  params: { caller: Caller; input: ModerateContentInput; config: ClubConfig; at?: Date },
): Promise<ModerateContentResult> {
  const { caller, input, config } = params
  const now = params.at ?? new Date()
  const at = Timestamp.fromDate(now)
  const ref = targetRef(db, input)
  const status = statusAfter(input.decision)
  const outcome = reportOutcome(input.decision)
  const openReports = db
    .collection(COLLECTIONS.reports)
    .where('postId', '==', input.postId)
    .where('commentId', '==', input.commentId ?? null)
    .where('outcome', '==', 'open')
  const result = await db.runTransaction(async (tx) => {
    const [target, reports] = await Promise.all([tx.get(ref), tx.get(openReports)])
    // What its author deleted stays deleted; a moderator's removal may be undone.
    if (!target.exists || (target.get('status') === 'removed' && (input.decision !== 'restore' || target.get('removedBy') === 'author'))) {
      throw new HttpsError('not-found', 'This content is not available.', { reason: 'content-not-found' })
    }
    const before = String(target.get('status'))
    const authorUid = String(target.get('authorUid'))
    if (input.commentId) recountComment(tx, db, input.postId, target, status)
    tx.update(ref, {
      status,
      moderatedAt: at,
      moderatedBy: caller.uid,
      ...(status === 'published' && !target.get('publishedAt') ? { publishedAt: at } : {}),
    })
    for (const report of reports.docs) tx.update(report.ref, { outcome, decidedAt: at })
    const standing = db.doc(paths.communityStanding(authorUid))
    if (input.decision === 'mute') {
      tx.set(standing, { mutedUntil: Timestamp.fromMillis(now.getTime() + input.days! * 86_400_000) }, { merge: true })
    }
    if (input.decision === 'warn' || input.decision === 'mute') {
      tx.set(standing, { warnings: FieldValue.arrayUnion({ at, decision: input.decision, note: input.note, postId: input.postId }) }, { merge: true })
    }
    tx.create(db.collection(COLLECTIONS.moderationLog).doc(), {
      by: caller.uid,
      decision: input.decision,
      days: input.days ?? null,
      note: input.note,
      postId: input.postId,
      commentId: input.commentId ?? null,
      authorUid,
      statusBefore: before,
      statusAfter: status,
      reportsClosed: reports.size,
      at,
    })
    recordAudit(tx, db, {
      actor: auditActor(caller),
      action: 'moderateContent',
      memberUid: authorUid,
      partnerId: null,
      target: input.commentId ? `${input.postId}/${input.commentId}` : input.postId,
      details: { decision: input.decision, days: input.days ?? null, note: input.note, statusBefore: before, statusAfter: status, reportsClosed: reports.size },
    })
    return { status, reportsClosed: reports.size, outcome, before, authorUid, kind: target.get('kind') }
  })
  // A held post or comment let through earns what it would have earned when written.
  if (result.before === 'held' && result.status === 'published' && result.kind !== 'announcement') {
    const [ruleId, actionId] = input.commentId ? ['community-comment', input.commentId] : ['community-post', input.postId]
    await payContentReward(db, result.authorUid, ruleId, actionId, config)
  }
  return { status: result.status, reportsClosed: result.reportsClosed, outcome: result.outcome }
}

const PAGE = 200

/**
 * A member who leaves the club takes their words with them: every post and comment they wrote
 * is marked removed (by `member-deleted`), a page at a time so a prolific member cannot exhaust
 * one batch. Comments are found by a collection-group query on their author.
 */
export async function removeMemberContent(db: Firestore, uid: string, at = new Date()): Promise<number> {
  let removed = 0
  for (const group of [COLLECTIONS.posts, COLLECTIONS.postComments]) {
    for (;;) {
      const page = await db.collectionGroup(group).where('authorUid', '==', uid).where('status', 'in', ['published', 'held', 'hidden']).limit(PAGE).get()
      if (page.empty) break
      const batch = db.batch()
      for (const doc of page.docs) {
        batch.update(doc.ref, { status: 'removed', removedBy: 'member-deleted', removedAt: Timestamp.fromDate(at) })
        // A published comment leaves its post's count with it.
        if (group === COLLECTIONS.postComments && doc.get('status') === 'published') {
          const postId = doc.ref.parent.parent!.id
          batch.update(db.doc(paths.postCounter(postId, Number(doc.get('shard') ?? 0))), { comments: FieldValue.increment(-1) })
        }
      }
      await batch.commit()
      removed += page.size
    }
  }
  return removed
}

/**
 * `featurePost` (operators): the club puts a member's post forward; its author earns the
 * `community-featured` bonus once for that post (the ledger id is the post's).
 */
export async function featurePost(db: Firestore, params: { caller: Caller; input: FeaturePostInput; config: ClubConfig; at?: Date }): Promise<FeaturePostResult> {
  const { caller, input, config } = params
  const ref = db.doc(paths.post(input.postId))
  const authorUid = await db.runTransaction(async (tx) => {
    const post = await tx.get(ref)
    if (!post.exists || post.get('status') !== 'published' || post.get('kind') !== 'member') {
      throw new HttpsError('not-found', 'Only a published member post can be featured.', { reason: 'content-not-found' })
    }
    // Featuring an already featured post changes nothing, so it is not logged again.
    if (post.get('featured') !== true) {
      tx.update(ref, { featured: true, featuredAt: Timestamp.fromDate(params.at ?? new Date()), featuredBy: caller.uid })
      recordAudit(tx, db, {
        actor: auditActor(caller),
        action: 'featurePost',
        memberUid: String(post.get('authorUid')),
        partnerId: null,
        target: input.postId,
        details: {},
      })
    }
    return String(post.get('authorUid'))
  })
  // The author may have left in between: the post stays featured, nobody is paid.
  const member = await db.doc(paths.member(authorUid)).get()
  const points = member.exists ? await payContentReward(db, authorUid, 'community-featured', input.postId, config, params.at) : 0
  return { postId: input.postId, points }
}
