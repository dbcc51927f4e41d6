// The club feed as an attacker would try it: a script signed in as a member, staff or a muted
// account, calling the community callables with forged ids, hostile text and replays, and
// writing likes and counters with the web SDK. Each refusal is asserted by its code, and nothing
// changes.
import { doc, increment, serverTimestamp, setDoc, updateDoc, writeBatch } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paths } from '../../../src/domain/shared/paths'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, memberSince, requestId, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'
import { comment, counts, firestoreOf, like, moderate, post, postDoc, postedAgo, report } from '../support/community'

let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

const denied = { code: 'permission-denied', reason: undefined }

describe('community callables under attack', () => {
  it('refuse staff posting as members, and members posting or moderating as the club', async () => {
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    expect(await failure(post(staff))).toEqual({ code: 'permission-denied', reason: 'members-only' })
    const member = await memberSince(30)
    const { postId } = await post(member)
    expect(await failure(comment(staff, postId))).toEqual({ code: 'permission-denied', reason: 'members-only' })
    expect(await failure(post(member, { announcement: { pinned: true, cta: { label: 'Free', path: '/rewards' } } }))).toEqual({
      code: 'permission-denied',
      reason: 'announcement-admin-only',
    })
    expect((await failure(moderate(member, { postId, decision: 'delete', note: 'mine now' }))).code).toBe('permission-denied')
    expect((await postDoc(postId)).status).toBe('published')
  })

  it('refuse ids with our separator, foreign fields, links off the app and oversized input before any write', async () => {
    const member = await memberSince(30)
    expect((await failure(post(member, { requestId: 'req~1~x' }))).code).toBe('invalid-argument')
    expect((await failure(member.call('createPost', { requestId: requestId(), text: 'hi', status: 'published' })))).toMatchObject({ code: 'invalid-argument' })
    expect((await failure(member.call('createPost', { requestId: requestId(), text: 'x'.repeat(20_000) })))).toMatchObject({ code: 'invalid-argument' })
    expect((await failure(post(operator, { announcement: { pinned: true, cta: { label: 'Go', path: 'https://evil.example' } } })))).toMatchObject({ code: 'invalid-argument' })
    expect((await failure(comment(member, '../../members/x')))).toMatchObject({ code: 'invalid-argument' })
    expect((await admin().db.collection('posts').where('authorUid', '==', member.uid).get()).size).toBe(0)
  })

  it('keeps a replayed request id to its own author: another member’s retry makes their own post', async () => {
    const a = await memberSince(30)
    const b = await memberSince(30)
    const id = requestId()
    const first = await post(a, { requestId: id, text: 'Original text from A.' })
    const second = await post(b, { requestId: id, text: 'Overwrite attempt by B.' })
    expect(second.postId).not.toBe(first.postId)
    expect((await postDoc(first.postId)).text).toBe('Original text from A.')
  })

  it('refuse comments and reports on held or hidden posts, and a comment id from another post', async () => {
    const fresh = await memberSince(1)
    const held = await post(fresh, { text: 'Cheapest coffee in town at www.example.com' })
    expect(held.status).toBe('held')
    const member = await memberSince(30)
    expect(await failure(comment(member, held.postId))).toEqual({ code: 'not-found', reason: 'post-not-found' })
    expect(await failure(report(member, { postId: held.postId, reason: 'spam' }))).toEqual({ code: 'not-found', reason: 'content-not-found' })
    const other = await post(await memberSince(30))
    const { commentId } = await comment(member, other.postId)
    const third = await post(await memberSince(30))
    expect(await failure(report(fresh, { postId: third.postId, commentId, reason: 'spam' }))).toEqual({ code: 'not-found', reason: 'content-not-found' })
  })

  it('keeps a muted member from commenting too, until the mute ends', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    await moderate(operator, { postId, decision: 'mute', days: 1, note: 'cooling off' })
    const target = await post(await memberSince(30))
    expect(await failure(comment(author, target.postId))).toEqual({ code: 'permission-denied', reason: 'muted' })
    await postedAgo(author.uid, [3_600_000])
    expect(await failure(post(author))).toEqual({ code: 'permission-denied', reason: 'muted' })
  })

  it('cannot report the same post twice to reach the threshold alone, nor hide it with throwaway accounts', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    const attacker = await memberSince(30)
    await Promise.all(Array.from({ length: 10 }, () => report(attacker, { postId, reason: 'spam' })))
    const throwaways = await Promise.all(Array.from({ length: 5 }, () => memberSince(0)))
    for (const t of throwaways) await report(t, { postId, reason: 'spam' })
    expect(await postDoc(postId)).toMatchObject({ status: 'published', reports: 6, qualifiedReports: 0 })
  }, 60_000)
})

describe('likes and counters through the web SDK', () => {
  it('refuse liking for someone else, a shard out of range, a bare counter bump and an unlike never liked', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    const attacker = await memberSince(30)
    const victim = await memberSince(30)
    const db = firestoreOf(attacker)
    const forged = writeBatch(db)
    forged.set(doc(db, paths.postLike(postId, victim.uid)), { shard: 0, at: serverTimestamp() })
    forged.update(doc(db, paths.postCounter(postId, 0)), { likes: increment(1) })
    expect(await failure(forged.commit())).toEqual(denied)
    expect(await failure(like(attacker, postId, 5))).toEqual(denied)
    expect(await failure(like(attacker, postId, -1))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.postCounter(postId, 1)), { likes: increment(1) }))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.postCounter(postId, 1)), { comments: increment(10) }))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.postCounter(postId, 1)), { likes: increment(-1) }))).toEqual(denied)
    const extra = writeBatch(db)
    extra.set(doc(db, paths.postLike(postId, attacker.uid)), { shard: 2, at: serverTimestamp(), weight: 100 })
    extra.update(doc(db, paths.postCounter(postId, 2)), { likes: increment(1) })
    expect(await failure(extra.commit())).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.postCounter(postId, 7)), { postId, likes: 99, comments: 0 }))).toEqual(denied)
    expect(await counts(postId)).toEqual({ likes: 0, comments: 0, votes: 0 })
  })

  it('counts 20 parallel likes of one member once', async () => {
    const author = await memberSince(30)
    const { postId } = await post(author)
    const fan = await memberSince(30)
    const settled = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => like(fan, postId, i % 5)))
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1)
    expect((await counts(postId)).likes).toBe(1)
  })
})
