import { describe, expect, it } from 'vitest'
import { isPastCalendarDate } from '@/domain/members/join'
import { JoinClubInputSchema } from '@/domain/members/join-schema'

const valid = { name: '  Dana   Levi ', interests: ['coffee', 'coffee', 'books'], language: 'he', marketingConsent: true }

describe('joinClub input', () => {
  it('normalises a valid request', () => {
    expect(JoinClubInputSchema.parse(valid)).toEqual({
      name: 'Dana Levi',
      birthday: null,
      interests: ['coffee', 'books'],
      language: 'he',
      marketingConsent: true,
      referralCode: null,
    })
  })

  it('takes a referral code in any case, and drops one that cannot be a code instead of failing', () => {
    expect(JoinClubInputSchema.parse({ ...valid, referralCode: ' abc2345 ' }).referralCode).toBe('ABC2345')
    expect(JoinClubInputSchema.parse({ ...valid, referralCode: 'O0O0O0O' }).referralCode).toBeNull()
    expect(JoinClubInputSchema.safeParse({ ...valid, referralCode: 'x'.repeat(21) }).success).toBe(false)
  })

  it.each([
    ['a one-letter name', { ...valid, name: 'D' }],
    ['a 61-character name', { ...valid, name: 'x'.repeat(61) }],
    ['an unknown language', { ...valid, language: 'fr' }],
    ['13 interests', { ...valid, interests: Array.from({ length: 13 }, (_, i) => `i${i}`) }],
    ['a missing consent', { name: 'Dana', interests: [], language: 'en' }],
    ['an impossible birthday', { ...valid, birthday: '2001-02-30' }],
    ['a future birthday', { ...valid, birthday: '2999-01-01' }],
    ['extra fields', { ...valid, balance: 1_000_000 }],
    ['not an object', 'join me'],
  ])('refuses %s', (_label, input) => {
    expect(JoinClubInputSchema.safeParse(input).success).toBe(false)
  })
})

describe('calendar dates', () => {
  const now = new Date('2026-06-15T12:00:00Z')
  it('accepts real past dates, leap days included', () => {
    expect(isPastCalendarDate('2024-02-29', now)).toBe(true)
    expect(isPastCalendarDate('2026-06-15', now)).toBe(true)
  })
  it('refuses non-dates, tomorrow and over 120 years ago', () => {
    expect(isPastCalendarDate('2023-02-29', now)).toBe(false)
    expect(isPastCalendarDate('15/06/1990', now)).toBe(false)
    expect(isPastCalendarDate('2026-06-16', now)).toBe(false)
    expect(isPastCalendarDate('1900-01-01', now)).toBe(false)
  })
})
