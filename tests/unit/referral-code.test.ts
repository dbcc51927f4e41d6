import { describe, expect, it } from 'vitest'
import {
  REFERRAL_ALPHABET,
  REFERRAL_CODE_LENGTH,
  generateReferralCode,
  parseReferralCode,
} from '@/domain/referrals/referral-code'

describe('referral codes', () => {
  it('never uses look-alike characters', () => {
    for (const ch of '01OIL') expect(REFERRAL_ALPHABET).not.toContain(ch)
  })

  it('generates codes of the fixed length from the alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateReferralCode(Math.random)
      expect(code).toHaveLength(REFERRAL_CODE_LENGTH)
      expect([...code].every((ch) => REFERRAL_ALPHABET.includes(ch))).toBe(true)
    }
    expect(generateReferralCode(() => 0)).toBe('2222222')
    expect(generateReferralCode(() => 0.9999)).toBe('ZZZZZZZ')
  })

  it('parses any case and trims spaces', () => {
    expect(parseReferralCode('  abc2345 ')).toBe('ABC2345')
  })

  it('rejects look-alikes, wrong lengths and symbols', () => {
    expect(parseReferralCode('ABC0345')).toBeNull()
    expect(parseReferralCode('ABCO345')).toBeNull()
    expect(parseReferralCode('ABC2I45')).toBeNull()
    expect(parseReferralCode('ABC234')).toBeNull()
    expect(parseReferralCode('ABC23456')).toBeNull()
    expect(parseReferralCode('ABC-345')).toBeNull()
  })
})
