import { describe, expect, it } from 'vitest'
import { deniedWords, foldForMatch, hasLink, hasPhone } from '../../src/domain/shared/moderation'
import {
  isVerifiedVisit,
  judgeReview,
  ratingSummary,
  reviewDocId,
  reviewKey,
  reviewPeriod,
  reviewShard,
  visitedPartners,
} from '../../src/domain/earn/reviews'

const policy = { minChars: 20, maxChars: 1000 }

describe('foldForMatch', () => {
  it('folds niqqud, Hebrew final letters, case and punctuation', () => {
    expect(foldForMatch('שָׁלוֹם')).toBe('שלומ')
    expect(foldForMatch('שלום')).toBe(foldForMatch('שלומ'))
    expect(foldForMatch('Café, GREAT!!')).toBe('cafe great')
  })
})

describe('deniedWords', () => {
  it('finds Hebrew words with niqqud, final letters and stuck-on prefixes', () => {
    expect(deniedWords('המוכר ממש מְטוּמְטָם')).toEqual(['מטומטמ'])
    expect(deniedWords('והמטומטם הזה')).toEqual(['מטומטמ'])
    expect(deniedWords('איזה בן זונה')).toContain('בנ זונה')
  })

  it('finds English words whatever the case, as whole words only', () => {
    expect(deniedWords('This is BULLSHIT.')).toEqual(['bullshit'])
    expect(deniedWords('A Scunthorpe shitake mushroom')).toEqual([])
    expect(deniedWords('זינוק במחירים, אבל שירות נהדר')).toEqual([])
  })
})

describe('links and phone numbers', () => {
  it('sees links and phone numbers however they are written', () => {
    expect(hasLink('see www.example.com')).toBe(true)
    expect(hasLink('cheaper at cheap-coffee.co.il')).toBe(true)
    expect(hasLink('The coffee was great. Really.')).toBe(false)
    expect(hasPhone('call 054-123-4567')).toBe(true)
    expect(hasPhone('call ０５４１２３４５６７')).toBe(true)
    expect(hasPhone('3 coffees for 25 shekels')).toBe(false)
  })
})

describe('judgeReview', () => {
  it('publishes a clean review, cleaned by the shared sanitiser', () => {
    const judged = judgeReview('  Great coffee\u202E and kind\u200B staff!  ', policy)
    expect(judged).toEqual({ ok: true, text: 'Great coffee and kind staff!', status: 'published', flags: [] })
  })

  it('refuses a review too short or too long after cleaning, in graphemes', () => {
    expect(judgeReview('Nice\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B', policy)).toEqual({
      ok: false,
      reason: 'review-too-short',
    })
    expect(judgeReview('א'.repeat(1001), policy)).toEqual({ ok: false, reason: 'review-too-long' })
    expect(judgeReview('שָׁ'.repeat(1000), policy)).toMatchObject({ ok: true })
  })

  it('holds a review with a denied word, a link or a phone number, and says why', () => {
    expect(judgeReview('המוכר היה ממש מטומטם היום', policy)).toMatchObject({ ok: true, status: 'held', flags: ['words'] })
    expect(judgeReview('Better prices at www.rival.com, honestly', policy)).toMatchObject({ status: 'held', flags: ['link'] })
    expect(judgeReview('Call me for a deal 0541234567 anytime', policy)).toMatchObject({ status: 'held', flags: ['phone'] })
  })

  it('keeps markup as plain text (the app never renders it as HTML)', () => {
    const judged = judgeReview('<img src=x onerror=alert(1)> tasty cake', policy)
    expect(judged).toMatchObject({ ok: true, text: '<img src=x onerror=alert(1)> tasty cake' })
  })
})

describe('periods, ids and ratings', () => {
  it('puts days of one window in one period and the next window in the next', () => {
    const p = reviewPeriod('2026-11-27', 90)
    expect(reviewPeriod('2026-11-28', 90)).toBeGreaterThanOrEqual(p)
    expect(reviewPeriod('2027-03-01', 90)).toBe(p + 1)
  })

  it('hides the uid in the public id, and the same key gives the same id', async () => {
    const id = await reviewDocId(reviewKey('cafe-shachar', 'uid-123', 225))
    expect(id).toMatch(/^[0-9a-f]{64}$/)
    expect(id).not.toContain('uid')
    expect(await reviewDocId(reviewKey('cafe-shachar', 'uid-123', 225))).toBe(id)
    expect(await reviewDocId(reviewKey('cafe-shachar', 'uid-123', 226))).not.toBe(id)
    expect(reviewShard(id)).toBeGreaterThanOrEqual(0)
  })

  it('sums shards to an exact count and a one-decimal average', () => {
    expect(ratingSummary([{ count: 2, starsSum: 9 }, { count: 1, starsSum: 3 }, {}])).toEqual({ count: 3, average: 4 })
    expect(ratingSummary([])).toEqual({ count: 0, average: null })
  })
})

describe('verified visits from the member’s ledger', () => {
  const now = new Date('2026-11-27T10:00:00Z')
  const since = new Date('2026-10-28T00:00:00Z')
  it('count scan-ins and scanned purchases, not typed ones or old ones', () => {
    expect(isVerifiedVisit({ reason: 'purchase', partnerId: 'a', createdAt: now, flags: ['typed'] })).toBe(false)
    expect(
      visitedPartners(
        [
          { reason: 'check_in', partnerId: 'cafe', createdAt: new Date('2026-11-20T10:00:00Z') },
          { reason: 'purchase', partnerId: 'books', createdAt: new Date('2026-11-25T10:00:00Z'), flags: [] },
          { reason: 'purchase', partnerId: 'toys', createdAt: now, flags: ['typed'] },
          { reason: 'check_in', partnerId: 'pharm', createdAt: new Date('2026-10-27T10:00:00Z') },
          { reason: 'welcome_gift', partnerId: null, createdAt: now },
        ],
        since,
      ),
    ).toEqual(['books', 'cafe'])
  })
})
