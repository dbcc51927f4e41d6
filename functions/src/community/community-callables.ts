import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import {
  AddCommentInputSchema,
  CreatePostInputSchema,
  DeletePostInputSchema,
  FeaturePostInputSchema,
  ModerateContentInputSchema,
  ReportContentInputSchema,
} from '../../../src/domain/community/schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { callerOf, requireAdmin } from '../lib/roles'
import { CloseCompetitionInputSchema, VoteEntryInputSchema } from '../../../src/domain/community/competitions'
import { closeCompetition as close, voteEntry as vote } from './competitions'
import { featurePost as feature, moderateContent as moderate, reportContent as report } from './moderation'
import { addComment as comment, createPost as post, deleteOwnContent } from './posts'

/** Comments, reports and deletions are a member's: staff and operator accounts act through the console. */
function requireMember(request: CallableRequest) {
  const caller = callerOf(request)
  if (caller.role !== 'member') throw new HttpsError('permission-denied', 'Only members take part in the feed.', { reason: 'members-only' })
  return caller
}

/** `createPost`: a member's post, or an operator's announcement (see ./posts.ts). */
export const createPost = callable(CALLABLES.createPost, { input: CreatePostInputSchema, authorize: callerOf }, async (input, caller) => {
  const firestore = db()
  return post(firestore, { caller, input, config: await loadClubConfig(firestore) })
})

export const addComment = callable(CALLABLES.addComment, { input: AddCommentInputSchema, authorize: requireMember }, async (input, { uid }) => {
  const firestore = db()
  return comment(firestore, { uid, input, config: await loadClubConfig(firestore) })
})

export const deletePost = callable(CALLABLES.deletePost, { input: DeletePostInputSchema, authorize: requireMember }, async (input, { uid }) =>
  deleteOwnContent(db(), { uid, input }),
)

export const reportContent = callable(CALLABLES.reportContent, { input: ReportContentInputSchema, authorize: requireMember }, async (input, { uid }) => {
  const firestore = db()
  return report(firestore, { uid, input, config: await loadClubConfig(firestore) })
})

export const moderateContent = callable(CALLABLES.moderateContent, { input: ModerateContentInputSchema, authorize: requireAdmin }, async (input, caller) => {
  const firestore = db()
  return moderate(firestore, { caller, input, config: await loadClubConfig(firestore) })
})

export const featurePost = callable(CALLABLES.featurePost, { input: FeaturePostInputSchema, authorize: requireAdmin }, async (input, caller) => {
  const firestore = db()
  return feature(firestore, { caller, input, config: await loadClubConfig(firestore) })
})

export const voteEntry = callable(CALLABLES.voteEntry, { input: VoteEntryInputSchema, authorize: requireMember }, async (input, { uid }) =>
  vote(db(), { uid, input }),
)

export const closeCompetition = callable(CALLABLES.closeCompetition, { input: CloseCompetitionInputSchema, authorize: requireAdmin }, async (input, caller) => {
  const firestore = db()
  return close(firestore, { caller, input, config: await loadClubConfig(firestore) })
})
