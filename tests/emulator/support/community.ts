// The club feed as a member's phone uses it: posts and comments through the callables, likes
// as the app writes them (the like document and its counter shard in one batch).
import { connectFirestoreEmulator, doc, getFirestore, increment, serverTimestamp, writeBatch, type Firestore } from 'firebase/firestore'
import type {
  AddCommentInput,
  AddCommentResult,
  CreatePostInput,
  CreatePostResult,
  ModerateContentInput,
  ModerateContentResult,
  ReportContentInput,
  ReportContentResult,
} from '../../../src/domain/community/schemas'
import { COUNTER_SHARDS, sumCounters } from '../../../src/domain/community/posts'
import { paths } from '../../../src/domain/shared/paths'
import { EMULATOR_PORTS } from '../../../src/domain/shared/platform'
import { EMULATOR_HOST } from '../../../scripts/lib/emulator-admin'
import { requestId, type Client } from './club'
import { admin } from './emulators'

export const POST_TEXT = 'The new cinnamon roll at the café is wonderful, highly recommended!'

export function post(member: Client, input: Partial<CreatePostInput> = {}): Promise<CreatePostResult> {
  return member.call<CreatePostInput, CreatePostResult>('createPost', { requestId: requestId(), text: POST_TEXT, ...input })
}

export function comment(member: Client, postId: string, input: Partial<AddCommentInput> = {}): Promise<AddCommentResult> {
  return member.call<AddCommentInput, AddCommentResult>('addComment', { requestId: requestId(), postId, text: 'So true, I had one yesterday.', ...input })
}

export function report(member: Client, input: ReportContentInput): Promise<ReportContentResult> {
  return member.call<ReportContentInput, ReportContentResult>('reportContent', input)
}

export function moderate(operator: Client, input: ModerateContentInput): Promise<ModerateContentResult> {
  return operator.call<ModerateContentInput, ModerateContentResult>('moderateContent', input)
}

const firestores = new WeakMap<Client, Firestore>()
export function firestoreOf(member: Client): Firestore {
  let db = firestores.get(member)
  if (!db) {
    db = getFirestore(member.app)
    connectFirestoreEmulator(db, EMULATOR_HOST, EMULATOR_PORTS.firestore)
    firestores.set(member, db)
  }
  return db
}

/** A like as the app writes it: the member's like document and +1 on the shard it names. */
export async function like(member: Client, postId: string, shard = Math.floor(Math.random() * COUNTER_SHARDS)): Promise<void> {
  const db = firestoreOf(member)
  const batch = writeBatch(db)
  batch.set(doc(db, paths.postLike(postId, member.uid!)), { shard, at: serverTimestamp() })
  batch.update(doc(db, paths.postCounter(postId, shard)), { likes: increment(1) })
  await batch.commit()
}

export async function counts(postId: string) {
  const shards = await admin().db.collection(paths.postCounters(postId)).get()
  return sumCounters(shards.docs.map((d) => d.data()))
}

/** Sets a member's recent post (or comment) times, as if they had written at those moments (ms ago). */
export async function postedAgo(uid: string, msAgo: number[], kind: 'posts' | 'comments' = 'posts'): Promise<void> {
  await admin().db.doc(paths.communityStanding(uid)).set({ [kind]: msAgo.map((ms) => Date.now() - ms) }, { merge: true })
}

export async function postDoc(postId: string) {
  return (await admin().db.doc(paths.post(postId)).get()).data()!
}


const HOUR = 3_600_000

/** Writes a competition whose windows put it in `phase` now (operators' data, as the console will). */
export async function competitionIn(id: string, phase: 'submissions' | 'voting' | 'judging', extra: Record<string, unknown> = {}): Promise<void> {
  const now = Date.now()
  const shift = { submissions: 0, voting: -2 * HOUR, judging: -4 * HOUR }[phase]
  await admin().db.doc(paths.competition(id)).set(
    {
      title: { he: 'תחרות הצילום של החורף', en: 'Winter photo competition' },
      description: { he: 'התמונה הכי יפה מהשכונה', en: 'The most beautiful photo of the neighbourhood' },
      submitFrom: now - HOUR + shift,
      submitUntil: now + HOUR + shift,
      voteUntil: now + 3 * HOUR + shift,
      prizes: [100, 50],
      winnersBy: 'votes',
      ...extra,
    },
    { merge: true },
  )
}

export function vote(member: Client, competitionId: string, postId: string, requestId = `vote-${Math.random().toString(36).slice(2, 12)}`) {
  return member.call('voteEntry', { competitionId, postId, requestId })
}
