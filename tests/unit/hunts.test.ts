import { describe, expect, it } from 'vitest'
import {
  ClaimClueInputSchema,
  HuntClueSchema,
  HUNT_TRIES_PER_HOUR,
  HUNT_TRIES_WINDOW_MS,
  answerDigest,
  clueOrder,
  cluePoints,
  dailyHuntCode,
  huntWindow,
  isRightAnswer,
  normaliseAnswer,
  rankFinishers,
  recentTries,
  triesResetAt,
  type Hunt,
} from '@/domain/earn/hunts'

const hunt: Hunt = {
  id: 'demo',
  title: { he: 'ציד', en: 'Hunt' },
  intro: { he: 'מבוא', en: 'Intro' },
  startsAt: 1_000,
  endsAt: 10_000,
  pointsPerClue: 20,
  finishBonus: 50,
  clues: [
    { text: { he: 'א', en: 'a' }, place: 'partner', partnerId: 'cafe', answer: 'printed' },
    { text: { he: 'ב', en: 'b' }, place: 'app', answer: 'printed' },
    { text: { he: 'ג', en: 'c' }, place: 'partner', partnerId: 'books', answer: 'daily' },
  ],
}
const key = new Uint8Array(32).fill(7)

describe('normaliseAnswer', () => {
  it('folds Hebrew final letters, niqqud and cantillation', () => {
    expect(normaliseAnswer('שלום')).toBe(normaliseAnswer('שלומ'))
    expect(normaliseAnswer('שָׁלוֹם')).toBe(normaliseAnswer('שלום'))
    expect(normaliseAnswer('שָׁל֑וֹם')).toBe('שלומ')
    expect(normaliseAnswer('ךםןףץ')).toBe('כמנפצ')
    expect(normaliseAnswer('ﬠﬡ')).toBe(normaliseAnswer('עא'))
  })
  it('ignores case, spaces and punctuation', () => {
    expect(normaliseAnswer('Hello, World')).toBe('helloworld')
    expect(normaliseAnswer('  hello-world!! ')).toBe('helloworld')
    expect(normaliseAnswer('ספר־תורה')).toBe('ספרתורה')
    expect(normaliseAnswer('Ｃａｆé 42')).toBe('cafe42')
  })
  it('drops bidi controls and invisible characters', () => {
    expect(normaliseAnswer('he\u202Ello\u200B\u200D\uFEFF')).toBe('hello')
    expect(normaliseAnswer('\u202E\u200B')).toBe('')
  })
})

describe('answers', () => {
  it('a printed answer matches by digest in any spelling, nothing else does', async () => {
    const secret = { key: '', answers: { '0': await answerDigest(key, 'demo', 0, 'שָׁלוֹם') } }
    expect(await isRightAnswer(key, secret, hunt, 0, 'שלומ', '2026-11-27')).toBe(true)
    expect(await isRightAnswer(key, secret, hunt, 0, ' ש-ל-ו-ם ', '2026-11-27')).toBe(true)
    expect(await isRightAnswer(key, secret, hunt, 0, 'שלו', '2026-11-27')).toBe(false)
    // The digest is bound to its clue: the same word is not the answer to another clue.
    expect(await isRightAnswer(key, secret, hunt, 1, 'שלום', '2026-11-27')).toBe(false)
    expect(await isRightAnswer(key, secret, hunt, 5, 'שלום', '2026-11-27')).toBe(false)
  })
  it('a daily code works on its club day only, in any case', async () => {
    const code = await dailyHuntCode(key, 'demo', 2, '2026-11-27')
    expect(code).toMatch(/^[A-Z2-7]{6}$/)
    const secret = { key: '', answers: {} }
    expect(await isRightAnswer(key, secret, hunt, 2, code.toLowerCase(), '2026-11-27')).toBe(true)
    expect(await isRightAnswer(key, secret, hunt, 2, code, '2026-11-28')).toBe(false)
  })
})

describe('order, window and tries', () => {
  it('opens clues in order', () => {
    expect(clueOrder(0, 0)).toBe('next')
    expect(clueOrder(0, 2)).toBe('locked')
    expect(clueOrder(1, 2)).toBe('locked')
    expect(clueOrder(2, 2)).toBe('next')
    expect(clueOrder(2, 1)).toBe('solved')
  })
  it('is open from its start to (not including) its end', () => {
    expect(huntWindow(hunt, 999)).toBe('upcoming')
    expect(huntWindow(hunt, 1_000)).toBe('open')
    expect(huntWindow(hunt, 9_999)).toBe('open')
    expect(huntWindow(hunt, 10_000)).toBe('ended')
  })
  it('counts wrong answers of the last hour only', () => {
    const now = 10 * HUNT_TRIES_WINDOW_MS
    const tries = [now - HUNT_TRIES_WINDOW_MS, now - 3, now - 1, now - 2, now - 4]
    expect(recentTries(tries, now)).toEqual([now - 4, now - 3, now - 2, now - 1])
    expect(triesResetAt(recentTries(tries, now))).toBeNull()
    const full = [now - 50, now - 40, now - 30, now - 20, now - 10]
    expect(full).toHaveLength(HUNT_TRIES_PER_HOUR)
    expect(triesResetAt(full)).toBe(now - 50 + HUNT_TRIES_WINDOW_MS)
  })
  it('pays the finishing bonus with the last clue only', () => {
    expect(cluePoints(hunt, 0)).toEqual({ clue: 20, bonus: 0 })
    expect(cluePoints(hunt, 2)).toEqual({ clue: 20, bonus: 50 })
  })
  it('ranks finishers by time, ties by uid', () => {
    const ranked = rankFinishers([
      { uid: 'b', finishedAt: 5 },
      { uid: 'a', finishedAt: 5 },
      { uid: 'c', finishedAt: 1 },
    ])
    expect(ranked.map((f) => f.uid)).toEqual(['c', 'a', 'b'])
  })
})

describe('HuntClueSchema', () => {
  const clue = { text: { he: 'א', en: 'a' }, place: 'app', answer: 'printed' } as const
  it('takes an image of the app only', () => {
    expect(HuntClueSchema.safeParse({ ...clue, image: '/hunts/clue-1.webp' }).success).toBe(true)
    for (const image of ['//evil.example/x.png', 'https://evil.example/x.png', '/../secret', 'javascript:alert(1)']) {
      expect(HuntClueSchema.safeParse({ ...clue, image }).success).toBe(false)
    }
  })
  it('names the partner of a partner clue, and shows daily codes only at a partner', () => {
    expect(HuntClueSchema.safeParse({ ...clue, place: 'partner' }).success).toBe(false)
    expect(HuntClueSchema.safeParse({ ...clue, answer: 'daily' }).success).toBe(false)
    expect(HuntClueSchema.safeParse({ ...clue, place: 'partner', partnerId: 'cafe', answer: 'daily' }).success).toBe(true)
  })
})

describe('ClaimClueInputSchema', () => {
  const valid = { huntId: 'demo', clueIndex: 0, answer: 'x', requestId: 'req-12345678' }
  it('takes a plain answer', () => {
    expect(ClaimClueInputSchema.safeParse(valid).success).toBe(true)
  })
  it('refuses an answer with nothing to compare, a long one, and extra fields', () => {
    expect(ClaimClueInputSchema.safeParse({ ...valid, answer: '\u202E\u200B ' }).success).toBe(false)
    expect(ClaimClueInputSchema.safeParse({ ...valid, answer: 'a'.repeat(61) }).success).toBe(false)
    expect(ClaimClueInputSchema.safeParse({ ...valid, clueIndex: -1 }).success).toBe(false)
    expect(ClaimClueInputSchema.safeParse({ ...valid, points: 1000 }).success).toBe(false)
  })
})
