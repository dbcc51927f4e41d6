// The demo club's community feed: a pinned announcement, a few members' posts with comments,
// likes and photos, and a photo competition in its voting window — all within the last 2.5 days,
// after every demo member's own history — written through the same server code as the callables
// (likes as the app writes them).
import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore'
import type { ClubConfig } from '../src/domain/shared/club-config'
import type { ReportReason } from '../src/domain/community/posts'
import { paths } from '../src/domain/shared/paths'
import { featurePost, reportContent } from '../functions/src/community/moderation'
import { voteEntry } from '../functions/src/community/competitions'
import { addComment, createPost } from '../functions/src/community/posts'
import { seedPhoto } from './lib/seed-photo'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const PHOTO = { full: 'demo-review-photo.webp', thumb: 'demo-review-photo-thumb.webp' }

interface DemoPost {
  key: string
  author: 'admin' | 'dana' | 'yossi'
  minutesAgo: number
  text: string
  partnerId?: string
  announcement?: { pinned: boolean; cta?: { label: string; path: string } }
  comments?: {
    author: 'dana' | 'yossi'
    minutesAgo: number
    text: string
    /** Another member reports it: the operator's moderation queue opens with this report. */
    report?: { by: 'dana' | 'yossi'; minutesAgo: number; reason: ReportReason; note: string }
  }[]
  likedBy?: ('dana' | 'yossi' | 'admin')[]
  /** The club features it (the author earns the featured-post bonus). */
  featured?: boolean
  /** With the demo photo. */
  photo?: boolean
  /** An entry in the demo competition. */
  competition?: boolean
}

const POSTS: DemoPost[] = [
  {
    key: 'workshop',
    author: 'admin',
    minutesAgo: 50 * 60,
    text: 'סדנת לאטה ארט בקפה שחר ביום שישי ב־10:00. מספר המקומות מוגבל, חברי המועדון בעדיפות.\nLatte art workshop at Café Shachar on Friday at 10:00. Members first.',
    announcement: { pinned: true, cta: { label: 'להרשמה · Sign up', path: '/community/events/latte-art-workshop' } },
    likedBy: ['dana'],
  },
  {
    key: 'croissant',
    author: 'dana',
    minutesAgo: 26 * 60,
    text: 'הקרואסון שקדים החדש בקפה שחר פשוט מושלם, ממליצה בחום! 🥐',
    partnerId: 'cafe-shachar',
    featured: true,
    photo: true,
    comments: [{ author: 'yossi', minutesAgo: 25 * 60, text: 'Tried it this morning, agreed!' }],
    likedBy: ['yossi'],
  },
  {
    key: 'books',
    author: 'yossi',
    minutesAgo: 5 * 60,
    text: 'Any recommendations for a good Hebrew novel for a beginner? Heading to @Carmel Books this weekend.',
    comments: [
      {
        author: 'dana',
        minutesAgo: 4 * 60,
        text: 'ב־Carmel Books יש מדף של ספרים בעברית קלה, שווה לשאול את המוכרים.',
        report: { by: 'yossi', minutesAgo: 3 * 60, reason: 'other', note: 'Is this an ad for the store?' },
      },
    ],
  },
]

/** A photo competition in its voting window, with two entries seeded while entries were open. */
export const DEMO_COMPETITION_ID = 'winter-photos'
const ENTRIES: DemoPost[] = [
  { key: 'entry-dana', author: 'dana', minutesAgo: 60 * 60, text: 'שקיעה מהגג של קפה שחר 🌅', photo: true, competition: true },
  { key: 'entry-yossi', author: 'yossi', minutesAgo: 48 * 60, text: 'Morning light at the market', photo: true, competition: true },
]

const uidOf = (who: 'admin' | 'dana' | 'yossi') => (who === 'admin' ? 'demo-admin' : `demo-${who}`)

export async function seedDemoFeed(db: Firestore, config: ClubConfig, now: Date): Promise<void> {
  await db.doc(paths.competition(DEMO_COMPETITION_ID)).set({
    title: { he: 'תחרות הצילום של החורף', en: 'Winter photo competition' },
    description: { he: 'הרגע הכי יפה שלכם בשכונה, בתמונה אחת.', en: 'Your most beautiful moment in the neighborhood, in one photo.' },
    submitFrom: now.getTime() - 7 * DAY,
    submitUntil: now.getTime() - DAY,
    voteUntil: now.getTime() + 5 * DAY,
    prizes: [200, 100],
    winnersBy: 'votes',
  })
  const entries: string[] = []
  // In time order, each post with its comments: every member's ledger stays in time order too.
  for (const demo of [...POSTS, ...ENTRIES].sort((a, b) => b.minutesAgo - a.minutesAgo)) {
    const uid = uidOf(demo.author)
    const at = new Date(now.getTime() - demo.minutesAgo * MINUTE)
    const photoIds = demo.photo ? [await seedPhoto(db, uid, PHOTO, config, at)] : []
    const { postId } = await createPost(db, {
      caller: { uid, role: demo.author === 'admin' ? 'admin' : 'member', partnerId: null, email: null, memberUid: null },
      input: {
        requestId: `demo-post-${demo.key}`,
        text: demo.text,
        ...(demo.partnerId ? { partnerId: demo.partnerId } : {}),
        ...(demo.announcement ? { announcement: demo.announcement } : {}),
        ...(photoIds.length > 0 ? { photoIds } : {}),
        ...(demo.competition ? { competitionId: DEMO_COMPETITION_ID } : {}),
      },
      config,
      at,
    })
    if (demo.competition) entries.push(postId)
    for (const [i, comment] of (demo.comments ?? []).entries()) {
      const { commentId } = await addComment(db, {
        uid: uidOf(comment.author),
        input: { requestId: `demo-comment-${demo.key}-${i}`, postId, text: comment.text },
        config,
        at: new Date(now.getTime() - comment.minutesAgo * MINUTE),
      })
      if (comment.report) {
        const { by, minutesAgo, reason, note } = comment.report
        await reportContent(db, { uid: uidOf(by), input: { postId, commentId, reason, note }, config, at: new Date(now.getTime() - minutesAgo * MINUTE) })
      }
    }
    if (demo.featured) {
      const admin = { uid: uidOf('admin'), role: 'admin' as const, partnerId: null, email: null, memberUid: null }
      await featurePost(db, { caller: admin, input: { postId }, config, at: new Date(at.getTime() + MINUTE) })
    }
    for (const [i, who] of (demo.likedBy ?? []).entries()) {
      const like = db.doc(paths.postLike(postId, uidOf(who)))
      if ((await like.get()).exists) continue
      const batch = db.batch()
      batch.set(like, { shard: i % 5, at: Timestamp.fromDate(at) })
      batch.update(db.doc(paths.postCounter(postId, i % 5)), { likes: FieldValue.increment(1) })
      await batch.commit()
    }
  }
  // Dana votes for Yossi's entry; the demo members can still vote for Dana's.
  const yossiEntry = entries.at(-1)
  if (yossiEntry) await voteEntry(db, { uid: uidOf('dana'), input: { competitionId: DEMO_COMPETITION_ID, postId: yossiEntry, requestId: 'demo-vote-dana' }, at: now })
}
