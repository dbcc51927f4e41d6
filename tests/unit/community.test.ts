import { describe, expect, it } from 'vitest'
import { DEFAULT_COMMUNITY_POLICY as policy } from '../../src/domain/community/policy'
import { contentId, isNewMember, judgeContent, pace, pickShard, reportOutcome, statusAfter, sumCounters, COUNTER_SHARDS } from '../../src/domain/community/posts'
import { CompetitionSchema, competitionPhase, rankByVotes } from '../../src/domain/community/competitions'
import { mentionSegments } from '../../src/domain/community/mentions'
import { ModerateContentInputSchema } from '../../src/domain/community/schemas'

const H = 3_600_000
const DAY = 24 * H
const now = Date.parse('2026-11-27T12:00:00Z')
const longAgo = now - 30 * DAY

describe('pace', () => {
  it('lets a steady member post, and keeps only the last day’s times', () => {
    expect(pace('post', [now - 2 * DAY, now - 5 * H], now, longAgo, policy)).toEqual({ ok: true, recent: [now - 5 * H, now] })
  })

  it('asks for 30 s between posts and says how many are left', () => {
    expect(pace('post', [now - 10_000], now, longAgo, policy)).toEqual({ ok: false, reason: 'too-soon', retryAfterSeconds: 20, limit: 5 })
    expect(pace('post', [now - 30_000], now, longAgo, policy).ok).toBe(true)
  })

  it('allows 5 posts in a rolling day, then waits until the oldest leaves it', () => {
    const five = [20, 10, 5, 3, 1].map((h) => now - h * H)
    expect(pace('post', five, now, longAgo, policy)).toEqual({ ok: false, reason: 'daily-limit', retryAfterSeconds: 4 * 3600, limit: 5 })
  })

  it('gives a member on their first day 3 posts and 10 comments, until the day ends', () => {
    const joined = now - 2 * H
    const three = [90, 60, 30].map((m) => now - m * 60_000)
    expect(pace('post', three, now, joined, policy)).toEqual({ ok: false, reason: 'first-day-limit', retryAfterSeconds: 22 * 3600, limit: 3 })
    expect(pace('comment', three, now, joined, policy).ok).toBe(true)
    const ten = Array.from({ length: 10 }, (_, i) => now - (i + 1) * 60_000)
    expect(pace('comment', ten, now, joined, policy)).toMatchObject({ ok: false, reason: 'first-day-limit', limit: 10 })
  })

  it('ignores times from the future (a clock that went back)', () => {
    expect(pace('post', [now + 60_000], now, longAgo, policy).ok).toBe(true)
  })
})

describe('judgeContent', () => {
  const options = { maxChars: 1000, minChars: 1, newMember: false }

  it('cleans the text and publishes ordinary posts', () => {
    expect(judgeContent('  Great\u202E latte\u200B today  ', options)).toEqual({ ok: true, text: 'Great latte today', status: 'published', flags: [] })
  })

  it('holds listed words (with niqqud and prefixes) and phone numbers, and links only from new members', () => {
    expect(judgeContent('הוא ממש מְטוּמְטָם', options)).toMatchObject({ status: 'held', flags: ['words'] })
    expect(judgeContent('call 054-123-4567', options)).toMatchObject({ status: 'held', flags: ['phone'] })
    expect(judgeContent('see www.example.com', options)).toMatchObject({ status: 'published', flags: [] })
    expect(judgeContent('see www.example.com', { ...options, newMember: true })).toMatchObject({ status: 'held', flags: ['link'] })
  })

  it('refuses empty and overlong text by graphemes', () => {
    expect(judgeContent('\u200B \u202E', options)).toEqual({ ok: false, reason: 'text-too-short' })
    expect(judgeContent('👍🏽'.repeat(1000), options).ok).toBe(true)
    expect(judgeContent('a'.repeat(1001), options)).toEqual({ ok: false, reason: 'text-too-long' })
  })
})

describe('counters, ids and decisions', () => {
  it('sums shards, never below zero, and picks a shard in range', () => {
    expect(sumCounters([{ likes: 2, comments: 1 }, { likes: 3, votes: 2 }, {}])).toEqual({ likes: 5, comments: 1, votes: 2 })
    expect(sumCounters([{ likes: -1 }])).toEqual({ likes: 0, comments: 0, votes: 0 })
    expect(pickShard(() => 0)).toBe(0)
    expect(pickShard(() => 0.999999)).toBe(COUNTER_SHARDS - 1)
  })

  it('derives ids that separate kinds, authors and request ids (no separator games)', async () => {
    const a = await contentId('post', 'uid~1', 'req')
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(await contentId('post', 'uid~1', 'req')).toBe(a)
    expect(await contentId('post', 'uid', '1~req')).not.toBe(a)
    expect(await contentId('comment', 'uid~1', 'req')).not.toBe(a)
  })

  it('tells new members by the club’s days', () => {
    expect(isNewMember(now - 6 * DAY, now, policy)).toBe(true)
    expect(isNewMember(now - 7 * DAY, now, policy)).toBe(false)
  })

  it('maps each decision to a status and the outcome a reporter sees', () => {
    expect([statusAfter('restore'), reportOutcome('restore')]).toEqual(['published', 'kept'])
    expect([statusAfter('delete'), reportOutcome('delete')]).toEqual(['removed', 'removed'])
    expect([statusAfter('mute'), reportOutcome('mute')]).toEqual(['removed', 'author-muted'])
    expect([statusAfter('warn'), reportOutcome('warn')]).toEqual(['removed', 'author-warned'])
  })

  it('wants days with a mute and only with a mute', () => {
    const base = { postId: 'a'.repeat(32), note: 'spam' }
    expect(ModerateContentInputSchema.safeParse({ ...base, decision: 'mute' }).success).toBe(false)
    expect(ModerateContentInputSchema.safeParse({ ...base, decision: 'mute', days: 3 }).success).toBe(true)
    expect(ModerateContentInputSchema.safeParse({ ...base, decision: 'warn', days: 3 }).success).toBe(false)
  })
})

describe('competitions', () => {
  const c = { submitFrom: 1_000, submitUntil: 2_000, voteUntil: 3_000 }

  it('moves through its windows, and is closed only when the club closes it', () => {
    expect([999, 1_000, 1_999, 2_000, 2_999, 3_000].map((t) => competitionPhase(c, t))).toEqual([
      'upcoming', 'submissions', 'submissions', 'voting', 'voting', 'judging',
    ])
    expect(competitionPhase(c, 1_500, true)).toBe('closed')
  })

  it('ranks by votes, ties to the earlier entry, and never crowns an entry without votes', () => {
    const entries = [
      { postId: 'b', votes: 3, postedAt: 20 },
      { postId: 'a', votes: 3, postedAt: 10 },
      { postId: 'c', votes: 5, postedAt: 30 },
      { postId: 'd', votes: 0, postedAt: 1 },
    ]
    expect(rankByVotes(entries, 3).map((e) => e.postId)).toEqual(['c', 'a', 'b'])
    expect(rankByVotes(entries, 5).map((e) => e.postId)).toEqual(['c', 'a', 'b'])
  })

  it('wants submissions, then voting, in order', () => {
    const base = { id: 'winter', title: { he: 'א', en: 'a' }, description: { he: 'ב', en: 'b' }, prizes: [10], winnersBy: 'votes' }
    expect(CompetitionSchema.safeParse({ ...base, ...c }).success).toBe(true)
    expect(CompetitionSchema.safeParse({ ...base, submitFrom: 1_000, submitUntil: 3_000, voteUntil: 2_000 }).success).toBe(false)
  })
})

describe('mentions of partner stores', () => {
  const partners = [
    { id: 'cafe-shachar', names: ['קפה שחר', 'Café Shachar'] },
    { id: 'super', names: ['Super Hashchuna'] },
    { id: 'super-express', names: ['Super Hashchuna Express'] },
  ]

  it('links @ and a store name in either language, the longest name first, and keeps the text as it is', () => {
    expect(mentionSegments('Coffee at @קפה שחר, then @super hashchuna express!', partners)).toEqual([
      { text: 'Coffee at ' },
      { text: '@קפה שחר', partnerId: 'cafe-shachar' },
      { text: ', then ' },
      { text: '@super hashchuna express', partnerId: 'super-express' },
      { text: '!' },
    ])
  })

  it('leaves other @ words, names without @, and names inside longer words alone', () => {
    expect(mentionSegments('mail me@x.com about Café Shachar', partners)).toEqual([{ text: 'mail me@x.com about Café Shachar' }])
    expect(mentionSegments('@Super Hashchunaville', partners)).toEqual([{ text: '@Super Hashchunaville' }])
    expect(mentionSegments('', partners)).toEqual([])
  })
})
