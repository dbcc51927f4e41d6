import { deleteDoc, doc, getDoc, increment, serverTimestamp, setDoc, updateDoc, writeBatch } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClubConfig } from '../../src/domain/shared/club-config'
import { paths } from '../../src/domain/shared/paths'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberSince, requestId, type Client } from './support/club'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../../src/domain/shared/platform'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'
import { comment, counts, firestoreOf, like, moderate, post, postDoc, postedAgo, report, POST_TEXT } from './support/community'
import { fetchPhoto, upload } from './support/photos'
import { purchaseDaysAgo } from './support/reviews'
import { SCREEN_PARTNER } from './support/visits'

let operator: Client
let config: ClubConfig

beforeAll(async () => {
  await clearEmulators()
  config = await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

const activityEntries = async (uid: string, ruleId: string) => (await ledgerDocs(uid)).filter((e) => e.ref === ruleId)

/** A member who joined a month ago and bought something: their reports count. */
async function regular(name = 'Regular Member') {
  const member = await memberSince(30, name)
  await purchaseDaysAgo(member.uid, SCREEN_PARTNER, 3, config)
  return member
}

describe('createPost', () => {
  it('publishes a member post with first name and initial, its counter shards, and pays the day’s first post once', async () => {
    const member = await memberSince(30, 'Noa Barak Levi')
    const first = await post(member)
    expect(first).toMatchObject({ status: 'published', flags: [], points: 5, replayed: false })
    expect(first.postId).toMatch(/^[0-9a-f]{32}$/)
    expect(await postDoc(first.postId)).toMatchObject({
      kind: 'member', status: 'published', authorName: 'Noa L.', authorUid: member.uid, text: POST_TEXT, pinned: false, verifiedVisit: false,
    })
    expect(await counts(first.postId)).toEqual({ likes: 0, comments: 0, votes: 0 })
    await postedAgo(member.uid, [60_000])
    const second = await post(member)
    expect(second).toMatchObject({ status: 'published', points: 0 })
    expect(await activityEntries(member.uid, 'community-post')).toHaveLength(1)
  })

  it('cleans bidi overrides, holds listed words and phone numbers, and links only from new members', async () => {
    const old = await memberSince(30)
    const cleaned = await post(old, { text: 'Great \u202Eevening\u202C at the café, see www.example.com' })
    expect(cleaned.status).toBe('published')
    expect((await postDoc(cleaned.postId)).text).toBe('Great evening at the café, see www.example.com')
    const fresh = await joinedMember('New Member')
    const link = await post(fresh, { text: 'Cheap coffee at www.example.com' })
    expect(link).toMatchObject({ status: 'held', flags: ['link'], points: 0 })
    const other = await memberSince(30)
    expect(await post(other, { text: 'השירות היה מטומטם לגמרי' })).toMatchObject({ status: 'held', flags: ['words'] })
    // Held posts are the author's to see; others' feed queries never return them.
    const held = await getDoc(doc(firestoreOf(fresh), paths.post(link.postId)))
    expect(held.get('status')).toBe('held')
    expect(await failure(getDoc(doc(firestoreOf(other), paths.post(link.postId))))).toEqual({ code: 'permission-denied', reason: undefined })
  })

  it('refuses empty and overlong text, and announcements from members, writing nothing', async () => {
    const member = await memberSince(30)
    expect(await failure(post(member, { text: ' \u200B ' }))).toEqual({ code: 'invalid-argument', reason: 'text-too-short' })
    expect(await failure(post(member, { text: 'x'.repeat(1001) }))).toEqual({ code: 'invalid-argument', reason: 'text-too-long' })
    expect(await failure(post(member, { announcement: { pinned: true } }))).toEqual({ code: 'permission-denied', reason: 'announcement-admin-only' })
    expect((await admin().db.collection('posts').where('authorUid', '==', member.uid).get()).size).toBe(0)
  })

  it('lets an operator pin an announcement with a call to action, and refuses an operator’s member post', async () => {
    const result = await post(operator, { text: 'Workshop on Friday: latte art with Shachar.', announcement: { pinned: true, cta: { label: 'Details', path: '/earn' } } })
    expect(await postDoc(result.postId)).toMatchObject({ kind: 'announcement', pinned: true, authorName: null, cta: { label: 'Details', path: '/earn' } })
    expect(await failure(post(operator))).toEqual({ code: 'permission-denied', reason: 'members-only' })
  })

  it('marks a post about a partner with a verified visit there', async () => {
    const member = await memberSince(30)
    const before = await post(member, { partnerId: SCREEN_PARTNER })
    expect((await postDoc(before.postId)).verifiedVisit).toBe(false)
    await purchaseDaysAgo(member.uid, SCREEN_PARTNER, 2, config)
    await postedAgo(member.uid, [60_000])
    const after = await post(member, { partnerId: SCREEN_PARTNER })
    expect(await postDoc(after.postId)).toMatchObject({ partnerId: SCREEN_PARTNER, verifiedVisit: true })
  })
})

describe('photos on posts', () => {
  it('attaches the author’s own pending photos, serves them while the post is published, and refuses another’s or a reused one', async () => {
    const member = await memberSince(30)
    const [a, b] = [await upload(member), await upload(member)]
    const result = await post(member, { text: '', photoIds: [a.photoId, b.photoId] })
    expect(result.status).toBe('published')
    expect((await postDoc(result.postId)).photoIds).toEqual([a.photoId, b.photoId])
    expect((await fetchPhoto(`${a.photoId}/thumb`)).status).toBe(200)

    await postedAgo(member.uid, [3_600_000])
    const other = await memberSince(30)
    const theirs = await upload(other)
    expect(await failure(post(member, { photoIds: [theirs.photoId] }))).toEqual({ code: 'permission-denied', reason: 'photo-not-yours' })
    expect(await failure(post(member, { photoIds: [a.photoId] }))).toEqual({ code: 'failed-precondition', reason: 'photo-already-used' })
    expect((await failure(post(member, { photoIds: [a.photoId, a.photoId] }))).code).toBe('invalid-argument')

    // Hidden with its post: a moderator removes it, and the photo is no longer served.
    await moderate(operator, { postId: result.postId, decision: 'delete', note: 'test' })
    expect((await fetchPhoto(`${a.photoId}/thumb`)).status).toBe(404)
  })
})

describe('the pace', () => {
  it('makes a member wait 30 s between posts, and says how long', async () => {
    const member = await memberSince(30)
    await post(member)
    const error = await post(member).then(() => null, (e: { code: string; details: { reason: string; retryAfterSeconds: number } }) => e)
    expect(error?.code).toBe('functions/resource-exhausted')
    expect(error?.details.reason).toBe('community-too-soon')
    expect(error?.details.retryAfterSeconds).toBeGreaterThan(25)
    expect(error?.details.retryAfterSeconds).toBeLessThanOrEqual(30)
  })

  it('allows 5 posts a day, and 3 on a member’s first day', async () => {
    const steady = await memberSince(30)
    await postedAgo(steady.uid, [5, 4, 3, 2, 1].map((h) => h * 3_600_000))
    expect(await failure(post(steady))).toEqual({ code: 'resource-exhausted', reason: 'community-daily-limit' })
    const fresh = await joinedMember()
    await postedAgo(fresh.uid, [600_000, 300_000, 120_000])
    expect(await failure(post(fresh))).toEqual({ code: 'resource-exhausted', reason: 'community-first-day-limit' })
    expect((await admin().db.collection('posts').where('authorUid', 'in', [steady.uid, fresh.uid]).get()).size).toBe(0)
  })

  it('lets one of 20 different posts at once through, and 20 retries of one request make one post', async () => {
    const member = await memberSince(30)
    const settled = await Promise.allSettled(Array.from({ length: 20 }, () => post(member)))
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1)
    const other = await memberSince(30)
    const id = requestId()
    const same = await Promise.all(Array.from({ length: 20 }, () => post(other, { requestId: id })))
    expect(new Set(same.map((r) => r.postId)).size).toBe(1)
    expect(same.filter((r) => !r.replayed)).toHaveLength(1)
    expect((await admin().db.collection('posts').where('authorUid', 'in', [member.uid, other.uid]).get()).size).toBe(2)
    expect(await activityEntries(other.uid, 'community-post')).toHaveLength(1)
  }, 120_000)
})

describe('likes and comments', () => {
  it('keeps the like count exact under 50 members liking one post at once, and refuses a second like', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    const members = await Promise.all(Array.from({ length: 50 }, (_, i) => memberSince(10, `Liker ${i}`)))
    await Promise.all(members.map((m) => like(m, postId)))
    expect((await counts(postId)).likes).toBe(50)
    expect(await failure(like(members[0]!, postId))).toMatchObject({ code: 'permission-denied' })
    expect((await counts(postId)).likes).toBe(50)
  }, 120_000)

  it('counts published comments, pays the day’s first, and keeps held ones out of the count', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    const reader = await memberSince(30)
    const first = await comment(reader, postId)
    expect(first).toMatchObject({ status: 'published', points: 2 })
    await postedAgo(reader.uid, [60_000], 'comments')
    const held = await comment(reader, postId, { text: 'you are a total asshole' })
    expect(held).toMatchObject({ status: 'held', flags: ['words'], points: 0 })
    expect((await counts(postId)).comments).toBe(1)
    expect(await activityEntries(reader.uid, 'community-comment')).toHaveLength(1)
  })
})

describe('reports and moderation', () => {
  it('hides a post after reports from 3 members with a purchase; reports from members without one do not count', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    const strangers = await Promise.all([joinedMember(), joinedMember(), joinedMember()])
    for (const s of strangers) expect(await report(s, { postId, reason: 'spam' })).toMatchObject({ hidden: false })
    expect((await postDoc(postId)).status).toBe('published')
    const regulars = await Promise.all([regular(), regular(), regular()])
    expect(await report(regulars[0]!, { postId, reason: 'offensive' })).toMatchObject({ hidden: false })
    expect(await report(regulars[0]!, { postId, reason: 'offensive' })).toMatchObject({ replayed: true })
    expect(await report(regulars[1]!, { postId, reason: 'spam' })).toMatchObject({ hidden: false })
    expect(await report(regulars[2]!, { postId, reason: 'harassment' })).toMatchObject({ hidden: true })
    expect(await postDoc(postId)).toMatchObject({ status: 'hidden', reports: 6, qualifiedReports: 3 })
    expect(await failure(report(author, { postId, reason: 'spam' }))).toEqual({ code: 'not-found', reason: 'content-not-found' })
  }, 120_000)

  it('refuses reporting one’s own post', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    expect(await failure(report(author, { postId, reason: 'spam' }))).toEqual({ code: 'failed-precondition', reason: 'own-content' })
  })

  it('lets an operator restore or remove; each reporter sees the outcome; a mute stops the author posting', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    const reporter = await regular()
    const { reportId } = await report(reporter, { postId, reason: 'spam', note: 'ad\u202E' })
    expect(await failure(moderate(reporter as Client, { postId, decision: 'delete', note: 'x' }))).toMatchObject({ code: 'permission-denied' })
    expect(await moderate(operator, { postId, decision: 'restore', note: 'Fine by the rules' })).toEqual({ status: 'published', reportsClosed: 1, outcome: 'kept' })
    const seen = await getDoc(doc(firestoreOf(reporter), paths.report(reportId)))
    expect(seen.data()).toMatchObject({ outcome: 'kept', note: 'ad' })

    await postedAgo(author.uid, [3_600_000])
    const second = await post(author)
    expect(await moderate(operator, { postId: second.postId, decision: 'mute', days: 3, note: 'Advertising' })).toMatchObject({ status: 'removed', outcome: 'author-muted' })
    expect(await failure(post(author))).toEqual({ code: 'permission-denied', reason: 'muted' })
    const log = await admin().db.collection('moderationLog').where('postId', '==', second.postId).get()
    expect(log.docs.map((d) => d.data())).toEqual([expect.objectContaining({ decision: 'mute', days: 3, authorUid: author.uid, statusBefore: 'published', statusAfter: 'removed' })])
  })

  it('pays a held post when an operator lets it through', async () => {
    const fresh = await joinedMember()
    const { postId } = await post(fresh, { text: 'Cheap coffee at www.example.com' })
    expect(await activityEntries(fresh.uid, 'community-post')).toHaveLength(0)
    await moderate(operator, { postId, decision: 'restore', note: 'A real recommendation' })
    expect(await activityEntries(fresh.uid, 'community-post')).toHaveLength(1)
  })

  it('features a member post once: the author earns the bonus once, members cannot feature', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    expect(await failure(author.call('featurePost', { postId }))).toMatchObject({ code: 'permission-denied' })
    const results = await Promise.all([1, 2, 3].map(() => operator.call('featurePost', { postId })))
    expect(results).toEqual(Array.from({ length: 3 }, () => ({ postId, points: 25 })))
    expect(await activityEntries(author.uid, 'community-featured')).toHaveLength(1)
    expect(await postDoc(postId)).toMatchObject({ featured: true })
    const announcement = await post(operator, { text: 'Club news.', announcement: { pinned: false } })
    expect(await failure(operator.call('featurePost', { postId: announcement.postId }))).toEqual({ code: 'not-found', reason: 'content-not-found' })
  })

  it('lets a member delete their own post, never another’s', async () => {
    const author = await memberSince(30)
    const other = await memberSince(30)
    const { postId } = await post(author)
    expect(await failure(other.call('deletePost', { postId }))).toEqual({ code: 'not-found', reason: 'not-your-content' })
    expect(await author.call('deletePost', { postId })).toEqual({ deleted: true })
    expect((await postDoc(postId)).status).toBe('removed')
    expect(await failure(moderate(operator, { postId, decision: 'restore', note: 'undo' }))).toEqual({ code: 'not-found', reason: 'content-not-found' })
  })
})

describe('a member who leaves', () => {
  it('takes their posts and comments along, and the comment count with them', async () => {
    const leaver = await memberSince(30)
    const stayer = await memberSince(30)
    const own = await post(leaver)
    const { postId } = await post(stayer)
    await comment(leaver, postId)
    expect((await counts(postId)).comments).toBe(1)
    await admin().db.doc(paths.member(leaver.uid)).delete()
    await expect.poll(async () => (await postDoc(own.postId)).status, { timeout: 15_000 }).toBe('removed')
    await expect.poll(async () => (await counts(postId)).comments, { timeout: 15_000 }).toBe(0)
    expect((await postDoc(postId)).status).toBe('published')
  })
})

describe('the shared post page', () => {
  const page = (path: string, language = 'en') =>
    fetch(`http://127.0.0.1:${EMULATOR_PORTS.functions}/${DEMO_PROJECT_ID}/${FUNCTIONS_REGION}/postLanding${path}`, {
      headers: { 'accept-language': language },
    }).then((r) => r.text())

  it('previews a published post by its author, words and first photo, escaped; anything else is the club’s page', async () => {
    const member = await memberSince(30, 'Noa Barak Levi')
    const photo = await upload(member)
    const { postId } = await post(member, { text: 'Best <script>alert(1)</script> "latte" in town', photoIds: [photo.photoId] })
    const html = await page(`/s/${postId}`)
    expect(html).toContain('<title>Noa L. at ')
    expect(html).toContain('Best &lt;script&gt;alert(1)&lt;/script&gt; &quot;latte&quot; in town')
    expect(html).not.toContain('<script>')
    expect(html).toContain(`/p/${photo.photoId}"`)
    expect(html).toContain(`href="/community/${postId}"`)
    expect(await page(`/s/${postId}`, 'he')).toContain('<html lang="he" dir="rtl">')

    await moderate(operator, { postId, decision: 'delete', note: 'test' })
    const gone = await page(`/s/${postId}`)
    expect(gone).not.toContain('Noa')
    expect(gone).toContain('href="/sign-up"')
    expect(await page('/s/not-an-id')).toBe(gone)
  })
})

describe('rules', () => {
  it('deny writing posts, comments, reports and standing directly, and a like without its counter', async () => {
    const member = await memberSince(30)
    const { postId } = await post(operator, { text: 'A club announcement.', announcement: { pinned: false } })
    const db = firestoreOf(member)
    const denied = { code: 'permission-denied', reason: undefined }
    expect(await failure(setDoc(doc(db, paths.post('a'.repeat(32))), { status: 'published', text: 'x', authorUid: member.uid }))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.post(postId)), { pinned: true }))).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.postComment(postId, 'b'.repeat(32))), { status: 'published', text: 'x' }))).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.report('r1')), { reporterUid: member.uid }))).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.communityStanding(member.uid)), { posts: [] }))).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.postLike(postId, member.uid)), { shard: 0, at: serverTimestamp() }))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.postCounter(postId, 0)), { likes: increment(1) }))).toEqual(denied)
    const twice = writeBatch(db)
    twice.set(doc(db, paths.postLike(postId, member.uid)), { shard: 1, at: serverTimestamp() })
    twice.update(doc(db, paths.postCounter(postId, 1)), { likes: increment(2) })
    expect(await failure(twice.commit())).toEqual(denied)
    const wrongShard = writeBatch(db)
    wrongShard.set(doc(db, paths.postLike(postId, member.uid)), { shard: 1, at: serverTimestamp() })
    wrongShard.update(doc(db, paths.postCounter(postId, 2)), { likes: increment(1) })
    expect(await failure(wrongShard.commit())).toEqual(denied)
    expect(await counts(postId)).toEqual({ likes: 0, comments: 0, votes: 0 })
  })

  it('let a member like and unlike with the counter, and never like a hidden post', async () => {
    const member = await memberSince(30)
    const { postId } = await post(operator, { text: 'Another announcement.', announcement: { pinned: false } })
    await like(member, postId, 3)
    expect((await counts(postId)).likes).toBe(1)
    const db = firestoreOf(member)
    const unlike = writeBatch(db)
    unlike.delete(doc(db, paths.postLike(postId, member.uid)))
    unlike.update(doc(db, paths.postCounter(postId, 3)), { likes: increment(-1) })
    await unlike.commit()
    expect((await counts(postId)).likes).toBe(0)
    await admin().db.doc(paths.post(postId)).update({ status: 'hidden' })
    expect(await failure(like(member, postId))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(getDoc(doc(db, paths.post(postId))))).toMatchObject({ code: 'permission-denied' })
    expect(await failure(deleteDoc(doc(db, paths.postLike(postId, member.uid))))).toMatchObject({ code: 'permission-denied' })
  })
})
