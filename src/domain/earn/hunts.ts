import { z } from 'zod'
import { base32, constantTimeEqual, hmacSha256 } from '../shared/crypto'
import type { LocalDate } from '../shared/calendar'
import { SLUG_PATTERN } from '../shared/paths'

/**
 * Coalition treasure hunts: an ordered list of clues whose answers are codes found at partner
 * stores, in the app or on a product. The hunt document members read carries no answer: printed
 * answers are kept as digests, and daily codes are derived, both under a per-hunt secret only the
 * server reads (`huntSecrets/{huntId}`).
 */

/** Wrong answers a member may give to one clue within an hour before the clue is refused. */
export const HUNT_TRIES_PER_HOUR = 5
export const HUNT_TRIES_WINDOW_MS = 60 * 60 * 1000
export const HUNT_ANSWER_MAX_LENGTH = 60
export const HUNT_MAX_CLUES = 20
const DAILY_CODE_LENGTH = 6

/** Where the answer to a clue is found. */
export const CLUE_PLACES = ['partner', 'app', 'product'] as const
export type CluePlace = (typeof CLUE_PLACES)[number]

/** How the answer is checked: a code printed once, or one that changes every club day. */
export const CLUE_ANSWERS = ['printed', 'daily'] as const
export type ClueAnswerKind = (typeof CLUE_ANSWERS)[number]

const localizedText = z.strictObject({ he: z.string().min(1).max(400), en: z.string().min(1).max(400) })

export const HuntClueSchema = z
  .strictObject({
    text: localizedText,
    /** An image served by the app, under `public/`: a same-origin path, never `//host` or `..`. */
    image: z.string().regex(/^\/(?!\/)(?!.*\.\.)[\w/.-]{1,120}$/).optional(),
    place: z.enum(CLUE_PLACES),
    partnerId: z.string().regex(SLUG_PATTERN).optional(),
    answer: z.enum(CLUE_ANSWERS),
  })
  .superRefine((clue, ctx) => {
    if (clue.place === 'partner' && !clue.partnerId) ctx.addIssue({ code: 'custom', message: 'a partner clue names its partner', path: ['partnerId'] })
    // A daily code is shown by a partner's counter screen, so only a partner clue can have one.
    if (clue.answer === 'daily' && clue.place !== 'partner') ctx.addIssue({ code: 'custom', message: 'daily codes are shown at a partner', path: ['answer'] })
  })
export type HuntClue = z.infer<typeof HuntClueSchema>

/** The hunt as members read it (`hunts/{huntId}`); times are epoch milliseconds here. */
export const HuntSchema = z
  .strictObject({
    id: z.string().regex(SLUG_PATTERN),
    title: localizedText,
    intro: localizedText,
    startsAt: z.number().int(),
    endsAt: z.number().int(),
    pointsPerClue: z.number().int().min(1).max(100_000),
    finishBonus: z.number().int().min(0).max(100_000),
    clues: z.array(HuntClueSchema).min(1).max(HUNT_MAX_CLUES),
  })
  .refine((hunt) => hunt.endsAt > hunt.startsAt, { message: 'ends after it starts', path: ['endsAt'] })
export type Hunt = z.infer<typeof HuntSchema>

/**
 * The server-only secret of a hunt: the key daily codes and answer digests are made with, and the
 * digest of each printed answer by clue index.
 */
export interface HuntSecret {
  key: string
  answers: Record<string, string>
}

/** A member's progress in a hunt (`members/{uid}/hunts/{huntId}`), written by the server only. */
export interface HuntProgress {
  huntId: string
  /** Clues solved, in order: the next clue to solve is this index. */
  solved: number
  points: number
  startedAt: number | null
  finishedAt: number | null
}

/** A line of the leaderboard (`hunts/{huntId}/finishers/{uid}`): first name and initial only. */
export interface HuntFinisher {
  uid: string
  name: string
  finishedAt: number
}

/**
 * The form answers are compared in: compatibility-decomposed (full-width letters and digits
 * become plain, presentation forms of Hebrew letters their letters), every mark removed (Hebrew
 * niqqud and cantillation, Latin accents), final Hebrew letters folded into their regular forms,
 * lowercase, and only letters and digits kept, so spaces, punctuation, bidi controls and invisible
 * characters never make a right answer wrong or a wrong answer new.
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ךםןףץ]/g, (ch) => FINAL_LETTERS[ch]!)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}

const FINAL_LETTERS: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' }

/** The digest of a printed answer, as kept in the hunt's secret (never the answer itself). */
export async function answerDigest(key: Uint8Array, huntId: string, clueIndex: number, answer: string): Promise<string> {
  return base32(await hmacSha256(key, `H1.answer.${huntId}.${clueIndex}.${normaliseAnswer(answer)}`))
}

/** The code a partner's counter screen shows for a clue on one club day. */
export async function dailyHuntCode(key: Uint8Array, huntId: string, clueIndex: number, day: LocalDate): Promise<string> {
  return base32(await hmacSha256(key, `H1.daily.${huntId}.${clueIndex}.${day}`)).slice(0, DAILY_CODE_LENGTH)
}

/** Whether `answer` solves the clue; compared in constant time, by digest or by today's code. */
export async function isRightAnswer(
  key: Uint8Array,
  secret: HuntSecret,
  hunt: Pick<Hunt, 'id' | 'clues'>,
  clueIndex: number,
  answer: string,
  day: LocalDate,
): Promise<boolean> {
  const clue = hunt.clues[clueIndex]
  if (!clue) return false
  if (clue.answer === 'daily') {
    return constantTimeEqual(normaliseAnswer(await dailyHuntCode(key, hunt.id, clueIndex, day)), normaliseAnswer(answer))
  }
  const expected = secret.answers[String(clueIndex)]
  return expected !== undefined && constantTimeEqual(expected, await answerDigest(key, hunt.id, clueIndex, answer))
}

export type HuntWindow = 'upcoming' | 'open' | 'ended'

export function huntWindow(hunt: Pick<Hunt, 'startsAt' | 'endsAt'>, now: number): HuntWindow {
  if (now < hunt.startsAt) return 'upcoming'
  return now >= hunt.endsAt ? 'ended' : 'open'
}

export type ClueOrder = 'next' | 'solved' | 'locked'

/** Clues are solved in order: the one after the last solved is open, later ones are locked. */
export function clueOrder(solved: number, clueIndex: number): ClueOrder {
  if (clueIndex < solved) return 'solved'
  return clueIndex === solved ? 'next' : 'locked'
}

/** The wrong answers of the last hour, oldest first (the count that limits a clue). */
export function recentTries(tries: readonly number[], now: number): number[] {
  return tries.filter((at) => at > now - HUNT_TRIES_WINDOW_MS && at <= now).sort((a, b) => a - b)
}

/** When a clue refused for too many wrong answers takes answers again. */
export function triesResetAt(recent: readonly number[]): number | null {
  if (recent.length < HUNT_TRIES_PER_HOUR) return null
  return recent[recent.length - HUNT_TRIES_PER_HOUR]! + HUNT_TRIES_WINDOW_MS
}

/** Points for solving a clue: its own, and the finishing bonus with the last one. */
export function cluePoints(hunt: Pick<Hunt, 'pointsPerClue' | 'finishBonus' | 'clues'>, clueIndex: number): { clue: number; bonus: number } {
  return { clue: hunt.pointsPerClue, bonus: clueIndex === hunt.clues.length - 1 ? hunt.finishBonus : 0 }
}

/** Finishers first to last; ties (the same millisecond) by uid, so every reader sees one order. */
export function rankFinishers<T extends Pick<HuntFinisher, 'uid' | 'finishedAt'>>(finishers: readonly T[]): T[] {
  return [...finishers].sort((a, b) => a.finishedAt - b.finishedAt || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))
}

const requestId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')

export const ClaimClueInputSchema = z.strictObject({
  huntId: z.string().regex(SLUG_PATTERN),
  clueIndex: z.number().int().min(0).max(HUNT_MAX_CLUES - 1),
  answer: z
    .string()
    .max(HUNT_ANSWER_MAX_LENGTH)
    .refine((text) => normaliseAnswer(text).length > 0, 'an answer with letters or digits'),
  requestId,
})
export type ClaimClueInput = z.input<typeof ClaimClueInputSchema>

export interface ClaimClueResult {
  huntId: string
  clueIndex: number
  correct: boolean
  /** Points this answer paid: the clue's, plus the finishing bonus on the last clue. */
  points: number
  finishBonus: number
  finished: boolean
  /** Clues solved so far. */
  solved: number
  /** Wrong answers the clue still takes this hour. */
  triesLeft: number
  balance: number
  /** The same request answered again, as it was the first time. */
  replayed: boolean
  /** The clue had been solved by an earlier request: nothing more is paid. */
  alreadySolved: boolean
}

export const GetHuntCodeInputSchema = z.strictObject({
  huntId: z.string().regex(SLUG_PATTERN),
  clueIndex: z.number().int().min(0).max(HUNT_MAX_CLUES - 1),
})
export type GetHuntCodeInput = z.input<typeof GetHuntCodeInputSchema>

export interface HuntCodeResult {
  huntId: string
  clueIndex: number
  code: string
  day: LocalDate
}

