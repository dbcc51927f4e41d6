import { z } from 'zod'
import { photoIdSchema } from '../photos/photo-schema'
import { SLUG_PATTERN } from '../shared/paths'
import { REVIEW_INPUT_MAX_UNITS, type ReviewFlag, type ReviewStatus } from './reviews'

/** Input schemas of the review callables (server-side validation; the app imports only types). */
const requestId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')

export const SubmitReviewInputSchema = z.strictObject({
  partnerId: z.string().regex(SLUG_PATTERN),
  stars: z.number().int().min(1).max(5),
  // The length that counts is checked after cleaning, in graphemes (judgeReview); this only
  // keeps a megabyte of text from being cleaned at all.
  text: z.string().max(REVIEW_INPUT_MAX_UNITS),
  requestId,
  /** The member's own pending photo from `uploadPhoto`, attached to the review. */
  photoId: photoIdSchema.optional(),
})
export type SubmitReviewInput = z.input<typeof SubmitReviewInputSchema>

export const ModerateReviewInputSchema = z.strictObject({
  reviewId: z.string().regex(/^[0-9a-f]{64}$/, 'a review id'),
  decision: z.enum(['approve', 'remove']),
  note: z.string().trim().min(1).max(500),
})
export type ModerateReviewInput = z.input<typeof ModerateReviewInputSchema>

export interface SubmitReviewResult {
  reviewId: string
  status: Extract<ReviewStatus, 'published' | 'held'>
  /** Points paid now (0 when held: they come on approval). */
  points: number
  /** What a published review pays, so a held one can say what approval will bring. */
  reviewPoints: number
  flags: ReviewFlag[]
  balance: number
  replayed: boolean
}

export interface ModerateReviewResult {
  reviewId: string
  status: Extract<ReviewStatus, 'published' | 'removed'>
  /** Points paid (approval) or taken back (removal, negative), 0 when nothing moved. */
  points: number
  /** Points the member no longer had when a paid review was removed (became debt). */
  shortfall: number
  replayed: boolean
}
