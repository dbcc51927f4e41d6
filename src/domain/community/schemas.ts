import { z } from 'zod'
import { SLUG_PATTERN } from '../shared/paths'
import { photoIdSchema } from '../photos/photo-schema'
import {
  MODERATION_DECISIONS,
  POST_INPUT_MAX_UNITS,
  REPORT_REASONS,
  type ContentFlag,
  type PostStatus,
  type ReportOutcome,
} from './posts'

/** Input schemas of the community callables (server-side validation; the app imports only types). */
const requestId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')
const docId = z.string().regex(/^[0-9a-f]{32}$/, 'an id')

export const CreatePostInputSchema = z.strictObject({
  requestId,
  // The length that counts is checked after cleaning, in graphemes (judgeContent).
  text: z.string().max(POST_INPUT_MAX_UNITS),
  /** Photos the member uploaded for this post (pending, theirs), in order; at most the club's limit. */
  photoIds: z
    .array(photoIdSchema)
    .max(4)
    .refine((ids) => new Set(ids).size === ids.length, 'each photo once')
    .optional(),
  /** An entry in this competition (during its submission window, with a photo, once per member). */
  competitionId: z.string().regex(SLUG_PATTERN).optional(),
  /** A partner store the post is about: linked, and marked as a verified visit when there was one. */
  partnerId: z.string().regex(SLUG_PATTERN).optional(),
  /** Club announcements (operators only): pinned to the top, with an optional call to action. */
  announcement: z
    .strictObject({
      pinned: z.boolean(),
      cta: z.strictObject({ label: z.string().trim().min(1).max(40), path: z.string().regex(/^\/[\w\-/?=&%.]{0,200}$/, 'a path in the app') }).optional(),
    })
    .optional(),
})
export type CreatePostInput = z.input<typeof CreatePostInputSchema>

export interface CreatePostResult {
  postId: string
  status: Extract<PostStatus, 'published' | 'held'>
  flags: ContentFlag[]
  /** Points paid now (the day's first post); 0 when held, capped or replayed. */
  points: number
  replayed: boolean
}

export const AddCommentInputSchema = z.strictObject({
  requestId,
  postId: docId,
  text: z.string().max(POST_INPUT_MAX_UNITS),
})
export type AddCommentInput = z.input<typeof AddCommentInputSchema>

export interface AddCommentResult {
  commentId: string
  status: Extract<PostStatus, 'published' | 'held'>
  flags: ContentFlag[]
  /** Points paid now (the day's first comment); 0 when held, capped or replayed. */
  points: number
  replayed: boolean
}

export const ReportContentInputSchema = z.strictObject({
  postId: docId,
  /** A comment under the post; without it the post itself is reported. */
  commentId: docId.optional(),
  reason: z.enum(REPORT_REASONS),
  note: z.string().max(500).optional(),
})
export type ReportContentInput = z.input<typeof ReportContentInputSchema>

export interface ReportContentResult {
  reportId: string
  /** The content is now hidden until a moderator decides (this report completed the threshold). */
  hidden: boolean
  replayed: boolean
}

export const ModerateContentInputSchema = z.strictObject({
  postId: docId,
  commentId: docId.optional(),
  decision: z.enum(MODERATION_DECISIONS),
  /** How long a mute lasts (mute only). */
  days: z.number().int().min(1).max(365).optional(),
  note: z.string().trim().min(1).max(500),
}).refine((input) => (input.decision === 'mute') === (input.days !== undefined), {
  message: 'days with a mute, and only with a mute',
  path: ['days'],
})
export type ModerateContentInput = z.input<typeof ModerateContentInputSchema>

export interface ModerateContentResult {
  status: Extract<PostStatus, 'published' | 'removed'>
  /** Reports closed by this decision (each reporter sees the outcome). */
  reportsClosed: number
  outcome: Exclude<ReportOutcome, 'open'>
}

export const DeletePostInputSchema = z.strictObject({ postId: docId, commentId: docId.optional() })
export type DeletePostInput = z.input<typeof DeletePostInputSchema>
export interface DeletePostResult {
  deleted: boolean
}

export const FeaturePostInputSchema = z.strictObject({ postId: docId })
export type FeaturePostInput = z.input<typeof FeaturePostInputSchema>
export interface FeaturePostResult {
  postId: string
  /** The author's bonus paid now; 0 when the club has no such rule or it was paid before. */
  points: number
}
