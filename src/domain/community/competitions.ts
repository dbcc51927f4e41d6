import { z } from 'zod'
import { SLUG_PATTERN } from '../shared/paths'
import { LocalizedTextSchema as localizedText } from '../shared/club-config'

/**
 * Photo competitions in the feed: members enter with a post that has a photo during the
 * submission window, members vote during the voting window (one vote each, never for their own
 * entry), then the club closes it — winners by votes or chosen by the club — and the prizes are
 * paid through the ledger and announced in the feed. Competitions are the operator's data
 * (`competitions/{id}`); entries are posts carrying the competition's id.
 */
export const CompetitionSchema = z
  .object({
    id: z.string().regex(SLUG_PATTERN),
    title: localizedText,
    description: localizedText,
    submitFrom: z.number().int(),
    submitUntil: z.number().int(),
    voteUntil: z.number().int(),
    /** Points for the first, second, third … place. */
    prizes: z.array(z.number().int().min(0).max(100_000)).min(1).max(5),
    winnersBy: z.enum(['votes', 'club']),
  })
  .refine((c) => c.submitFrom < c.submitUntil && c.submitUntil < c.voteUntil, { message: 'submissions, then voting, in order', path: ['voteUntil'] })

export type Competition = z.infer<typeof CompetitionSchema>

/** A competition as members see it: the operator's data, and its winners once the club closed it. */
export interface CompetitionView extends Competition {
  closed: boolean
  winners: CompetitionWinner[]
}

export type CompetitionPhase = 'upcoming' | 'submissions' | 'voting' | 'judging' | 'closed'

/** Where a competition stands at `now` (closed once the club announced its winners). */
export function competitionPhase(c: Pick<Competition, 'submitFrom' | 'submitUntil' | 'voteUntil'>, now: number, closed = false): CompetitionPhase {
  if (closed) return 'closed'
  if (now < c.submitFrom) return 'upcoming'
  if (now < c.submitUntil) return 'submissions'
  if (now < c.voteUntil) return 'voting'
  return 'judging'
}

export interface EntryTally {
  postId: string
  votes: number
  /** When the entry was posted (ms): an earlier entry wins a tie. */
  postedAt: number
}

/** The winners by votes: most votes first, ties to the earlier entry; entries without votes never win. */
export function rankByVotes(entries: readonly EntryTally[], places: number): EntryTally[] {
  return [...entries]
    .filter((e) => e.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.postedAt - b.postedAt || a.postId.localeCompare(b.postId))
    .slice(0, places)
}

const docId = z.string().regex(/^[0-9a-f]{32}$/, 'an id')
const requestId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')

export const VoteEntryInputSchema = z.strictObject({
  competitionId: z.string().regex(SLUG_PATTERN),
  postId: docId,
  requestId,
})
export type VoteEntryInput = z.input<typeof VoteEntryInputSchema>

export interface VoteEntryResult {
  postId: string
  replayed: boolean
}

export const CloseCompetitionInputSchema = z.strictObject({
  competitionId: z.string().regex(SLUG_PATTERN),
  /** The club's choice, in order (only where the club picks the winners). */
  winners: z.array(docId).max(5).optional(),
})
export type CloseCompetitionInput = z.input<typeof CloseCompetitionInputSchema>

export interface CompetitionWinner {
  postId: string
  rank: number
  points: number
  authorName: string
  votes: number
}

export interface CloseCompetitionResult {
  winners: CompetitionWinner[]
  /** The feed announcement of the winners. */
  postId: string
  replayed: boolean
}
