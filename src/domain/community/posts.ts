import { idOf } from '../shared/paths'
import { checkText, type TextRefusal } from '../shared/text'
import { deniedWords, hasLink, hasPhone } from '../shared/moderation'
import type { CommunityPolicy } from './policy'

/**
 * The club feed's rules, shared by the app (counters, what it may offer) and the functions
 * (which decide). Posts and comments are written by the server only; likes are a member's own
 * document beside a counter shard, checked by the rules.
 */
export const POST_KINDS = ['member', 'announcement'] as const
export type PostKind = (typeof POST_KINDS)[number]

/**
 * `held`: the automatic checks want a person to read it first; `hidden`: enough members reported
 * it; both are visible to the author only. `removed`: deleted by its author or a moderator.
 */
export const POST_STATUSES = ['published', 'held', 'hidden', 'removed'] as const
export type PostStatus = (typeof POST_STATUSES)[number]

/** Why the automatic checks held a post or comment. */
export const CONTENT_FLAGS = ['words', 'link', 'phone'] as const
export type ContentFlag = (typeof CONTENT_FLAGS)[number]

/** Raw input beyond this many UTF-16 units is refused before any work on it. */
export const POST_INPUT_MAX_UNITS = 12_000

/**
 * Like and comment counts are spread over this many shard documents per post, so a burst of
 * likes on one post never queues on one document (Firestore sustains about one write a second
 * per document); the count is their sum.
 */
export const COUNTER_SHARDS = 5

export interface CounterShard {
  likes: number
  comments: number
  /** A competition entry's votes (`voteEntry`). */
  votes: number
}

export function sumCounters(shards: readonly Partial<CounterShard>[]): CounterShard {
  let likes = 0
  let comments = 0
  let votes = 0
  for (const shard of shards) {
    likes += Number(shard.likes ?? 0)
    comments += Number(shard.comments ?? 0)
    votes += Number(shard.votes ?? 0)
  }
  return { likes: Math.max(0, likes), comments: Math.max(0, comments), votes: Math.max(0, votes) }
}

/** A shard for a new like or comment: any will do, randomness spreads the load. */
export function pickShard(random: () => number = Math.random): number {
  return Math.min(COUNTER_SHARDS - 1, Math.floor(random() * COUNTER_SHARDS))
}

export type ContentJudgement =
  | { ok: true; text: string; status: Extract<PostStatus, 'published' | 'held'>; flags: ContentFlag[] }
  | { ok: false; reason: `text-${TextRefusal}` }

/**
 * The automatic checks on a post or a comment: the shared sanitiser and length in graphemes,
 * then the word list and phone numbers (always held) and links (held from new members: the
 * spam accounts Discourse's trust levels exist for).
 */
export function judgeContent(
  rawText: string,
  options: { maxChars: number; minChars: number; newMember: boolean },
): ContentJudgement {
  const checked = checkText(rawText, { multiline: true, min: options.minChars, max: options.maxChars })
  if (!checked.ok) return { ok: false, reason: `text-${checked.reason}` }
  const flags: ContentFlag[] = []
  if (deniedWords(checked.text).length > 0) flags.push('words')
  if (options.newMember && hasLink(checked.text)) flags.push('link')
  if (hasPhone(checked.text)) flags.push('phone')
  return { ok: true, text: checked.text, status: flags.length > 0 ? 'held' : 'published', flags }
}

const DAY_MS = 86_400_000

export function isNewMember(joinedAtMs: number, nowMs: number, policy: Pick<CommunityPolicy, 'newMemberDays'>): boolean {
  return nowMs - joinedAtMs < policy.newMemberDays * DAY_MS
}

export type PaceRefusal = 'too-soon' | 'daily-limit' | 'first-day-limit'

export type Pace =
  | { ok: true; recent: number[] }
  | { ok: false; reason: PaceRefusal; retryAfterSeconds: number; limit: number }

/**
 * Whether a member may post (or comment) now, from the times of their own posts in the last 24
 * hours (kept by the server). A rolling day rather than the calendar day, so midnight is no
 * burst; the answer says how long to wait. Returns the times to keep when it is allowed.
 */
export function pace(
  kind: 'post' | 'comment',
  recentMs: readonly number[],
  nowMs: number,
  joinedAtMs: number,
  policy: CommunityPolicy,
): Pace {
  const day = recentMs.filter((t) => t > nowMs - DAY_MS && t <= nowMs).sort((a, b) => a - b)
  const gapMs = (kind === 'post' ? policy.secondsBetweenPosts : policy.secondsBetweenComments) * 1000
  const last = day[day.length - 1]
  const firstDay = nowMs - joinedAtMs < DAY_MS
  const limit = firstDay
    ? kind === 'post' ? policy.firstDayPosts : policy.firstDayComments
    : kind === 'post' ? policy.postsPerDay : policy.commentsPerDay
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))
  if (day.length >= limit) {
    // The wait until the oldest post that counts leaves the window, or until the first day ends
    // (when the day's allowance grows), whichever comes first.
    const oldest = day[day.length - limit]
    const untilWindow = oldest === undefined ? Infinity : oldest + DAY_MS - nowMs
    const untilSecondDay = firstDay ? joinedAtMs + DAY_MS - nowMs : Infinity
    const wait = Math.min(untilWindow, untilSecondDay)
    return { ok: false, reason: firstDay ? 'first-day-limit' : 'daily-limit', retryAfterSeconds: seconds(wait), limit }
  }
  if (last !== undefined && nowMs - last < gapMs) {
    return { ok: false, reason: 'too-soon', retryAfterSeconds: seconds(last + gapMs - nowMs), limit }
  }
  return { ok: true, recent: [...day, nowMs] }
}

export const REPORT_REASONS = ['spam', 'offensive', 'harassment', 'false-information', 'privacy', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

/** What a moderator decided; the reporter sees it on their report. */
export const MODERATION_DECISIONS = ['restore', 'delete', 'mute', 'warn'] as const
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number]

/** A report as its reporter sees it: open until a moderator decides, then the outcome. */
export type ReportOutcome = 'open' | 'kept' | 'removed' | 'author-muted' | 'author-warned'

export function reportOutcome(decision: ModerationDecision): Exclude<ReportOutcome, 'open'> {
  return ({ restore: 'kept', delete: 'removed', mute: 'author-muted', warn: 'author-warned' } as const)[decision]
}

/** The status a post takes when a moderator decides (mute and warn act on the author, and remove the post). */
export function statusAfter(decision: ModerationDecision): Extract<PostStatus, 'published' | 'removed'> {
  return decision === 'restore' ? 'published' : 'removed'
}

/**
 * A post's or comment's id: 32 hex digits of SHA-256 over the author and their request id
 * (`idOf`), so a retry lands on the same document and the id says nothing about its author.
 */
export async function contentId(kind: 'post' | 'comment', uid: string, requestId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(idOf(kind, uid, requestId)))
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A post as members read it (`posts/{id}`). */
export interface PostDoc {
  kind: PostKind
  status: PostStatus
  authorUid: string
  /** First name and initial (`nameAtTill`), fixed when posted. */
  authorName: string
  text: string
  photoIds: string[]
  partnerId: string | null
  /** The author had a verified visit at `partnerId` in the review window when posting. */
  verifiedVisit: boolean
  pinned: boolean
  /** The club put this member post forward (`featurePost`). */
  featured: boolean
  /** An entry in this photo competition. */
  competitionId: string | null
  cta: { label: string; path: string } | null
  flags: ContentFlag[]
  createdAt: Date
}

/** A comment as members read it (`posts/{postId}/comments/{id}`). */
export interface CommentDoc {
  status: PostStatus
  authorUid: string
  authorName: string
  text: string
  flags: ContentFlag[]
  createdAt: Date
}

/** A post or comment as the app lists it, with its id. */
export interface FeedPost extends PostDoc {
  id: string
}

export interface FeedComment extends CommentDoc {
  id: string
}
