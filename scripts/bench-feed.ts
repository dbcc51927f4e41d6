// `npm run bench:feed`: the club feed under load, on the local emulators.
//   1. The feed's first page as the app reads it (posts, then each post's counter shards and the
//      member's like), at 10 and at 10,000 published posts: time and Firestore documents read.
//   2. One hot post: many members liking it at once (the app's batch: like document + shard),
//      likes per second and whether the final count is exact.
//   3. createPost through the callable for 50 members, 10 in flight: p50, p95, throughput.
// Prints figures; checks only what makes a figure meaningless when false (the final count).
import { Timestamp } from 'firebase-admin/firestore'
import { collection, doc, getDoc, getDocs, increment, limit, orderBy, query, serverTimestamp, where, writeBatch } from 'firebase/firestore'
import { COUNTER_SHARDS, contentId, pickShard, sumCounters } from '../src/domain/community/posts'
import type { CreatePostInput, CreatePostResult } from '../src/domain/community/schemas'
import { COLLECTIONS, paths } from '../src/domain/shared/paths'
import { emulatorAdmin } from './lib/emulator-admin'
import { benchMember, median, percentile, unique, type BenchMember } from './lib/bench'
import { seedClubData } from './seed-club'

const PAGE = 10
const LIKERS = 100
const POSTERS = 50
const IN_FLIGHT = 10
const RUNS = 5

const admin = emulatorAdmin()
const { db } = admin
const config = await seedClubData(db)
const monthAgo = new Date(Date.now() - 30 * 86_400_000)
const member = (name: string) => benchMember(admin, config, { name, joinedAt: monthAgo, prefix: 'bench.feed' })

console.log('bench:feed — figures, not assertions')

/** Published posts written straight to Firestore (as createPost would leave them), 500 per batch. */
async function seedPosts(count: number, authorUid: string): Promise<void> {
  const now = Date.now()
  for (let start = 0; start < count; start += 500) {
    const batch = db.batch()
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const postId = await contentId('post', authorUid, `bench-${unique()}-${i}`)
      const at = Timestamp.fromMillis(now - i * 60_000)
      batch.set(db.doc(paths.post(postId)), {
        kind: 'member', status: 'published', authorUid, authorName: 'Bench M.', text: `Bench post ${i}`, photoIds: [], partnerId: null,
        verifiedVisit: false, pinned: false, cta: null, flags: [], reports: 0, qualifiedReports: 0, createdAt: at, publishedAt: at,
      })
      for (let s = 0; s < COUNTER_SHARDS; s++) batch.set(db.doc(paths.postCounter(postId, s)), { postId, likes: 0, comments: 0 })
    }
    await batch.commit()
  }
}

/** The first page as the feed store reads it; returns the time and the documents read. */
async function firstPage(reader: BenchMember): Promise<{ ms: number; reads: number }> {
  const fs = reader.firestore()
  const started = performance.now()
  const page = await getDocs(query(collection(fs, COLLECTIONS.posts), where('status', '==', 'published'), orderBy('createdAt', 'desc'), limit(PAGE + 1)))
  const posts = page.docs.slice(0, PAGE)
  const [shards, likes] = await Promise.all([
    Promise.all(posts.map((p) => getDocs(collection(fs, paths.postCounters(p.id))))),
    Promise.all(posts.map((p) => getDoc(doc(fs, paths.postLike(p.id, reader.uid))))),
  ])
  const ms = performance.now() - started
  // A missing document read still costs a read in Firestore's billing.
  return { ms, reads: page.size + shards.reduce((n, s) => n + Math.max(1, s.size), 0) + likes.length }
}

const author = await member('Bench Author')
for (const total of [10, 10_000]) {
  await db.recursiveDelete(db.collection(COLLECTIONS.posts))
  const seeding = performance.now()
  await seedPosts(total, author.uid)
  const seeded = performance.now() - seeding
  // Each run a fresh client with an empty cache, as a member opening the feed for the first time.
  const runs: { ms: number; reads: number }[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await firstPage(await member(`Bench Reader ${i}`)))
  console.log(
    `  first page at ${total.toLocaleString('en')} posts: median ${median(runs.map((r) => r.ms)).toFixed(0)} ms over ${RUNS} fresh clients, ` +
      `${runs[0]!.reads} documents read (${PAGE + 1} posts, ${PAGE}×${COUNTER_SHARDS} counter shards, ${PAGE} like checks); seeded in ${(seeded / 1000).toFixed(1)} s`,
  )
}

// 2. One hot post, many members liking it at once.
{
  const postId = await contentId('post', author.uid, `hot-${unique()}`)
  await seedPostsWithId(postId)
  const likers = await Promise.all(Array.from({ length: LIKERS }, (_, i) => member(`Liker ${i}`)))
  const started = performance.now()
  const settled = await Promise.allSettled(
    likers.map(async (m) => {
      const fs = m.firestore()
      const shard = pickShard()
      const batch = writeBatch(fs)
      batch.set(doc(fs, paths.postLike(postId, m.uid)), { shard, at: serverTimestamp() })
      batch.update(doc(fs, paths.postCounter(postId, shard)), { likes: increment(1) })
      await batch.commit()
    }),
  )
  const ms = performance.now() - started
  const shards = await db.collection(paths.postCounters(postId)).get()
  const { likes } = sumCounters(shards.docs.map((d) => d.data()))
  const ok = settled.filter((s) => s.status === 'fulfilled').length
  console.log(`  ${LIKERS} members liking one post at once: ${ok} accepted in ${ms.toFixed(0)} ms (${((ok / ms) * 1000).toFixed(0)} likes/s); final count ${likes} — ${likes === ok ? 'exact' : 'WRONG'}`)
  if (likes !== ok) process.exitCode = 1
}

async function seedPostsWithId(postId: string) {
  const at = Timestamp.now()
  const batch = db.batch()
  batch.set(db.doc(paths.post(postId)), {
    kind: 'member', status: 'published', authorUid: author.uid, authorName: 'Bench A.', text: 'Hot post', photoIds: [], partnerId: null,
    verifiedVisit: false, pinned: false, cta: null, flags: [], reports: 0, qualifiedReports: 0, createdAt: at, publishedAt: at,
  })
  for (let s = 0; s < COUNTER_SHARDS; s++) batch.set(db.doc(paths.postCounter(postId, s)), { postId, likes: 0, comments: 0 })
  await batch.commit()
}

// 3. createPost through the Functions emulator for 50 members, at most 10 in flight: the emulator
// runs one request per worker process and starts another (loading the whole bundle) for each
// request that finds them all busy, so 50 at once measures worker start-up, not createPost. A
// first round warms the 10 workers, as a running service would be warm.
{
  const posters = await Promise.all(Array.from({ length: POSTERS + IN_FLIGHT }, (_, i) => member(`Poster ${i}`)))
  const send = (m: BenchMember, i: number) => m.call<CreatePostInput, CreatePostResult>('createPost', { requestId: `bench-${unique()}`, text: `Bench post from poster ${i}` })
  await Promise.all(posters.slice(0, IN_FLIGHT).map(send))
  const queue = posters.slice(IN_FLIGHT).map((m, i) => () => send(m, i))
  const times: number[] = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const t0 = performance.now()
        await job()
        times.push(performance.now() - t0)
      }
    }),
  )
  const ms = performance.now() - started
  console.log(
    `  createPost, ${POSTERS} members, ${IN_FLIGHT} in flight on warm workers: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, ` +
      `${((POSTERS / ms) * 1000).toFixed(1)} posts/s (the Functions emulator, not Cloud Functions)`,
  )
}
process.exit()
