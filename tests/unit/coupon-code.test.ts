import { describe, expect, it } from 'vitest'
import { formatCouponCode, generateCouponCode, parseCouponCode } from '@/domain/points/coupon-code'
import { REFERRAL_ALPHABET } from '@/domain/referrals/referral-code'

/** mulberry32: deterministic randomness for reproducible tests. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('coupon codes', () => {
  it('use an alphabet of 31 symbols without look-alikes', () => {
    expect(REFERRAL_ALPHABET).toHaveLength(31)
    expect(new Set(REFERRAL_ALPHABET).size).toBe(31)
    for (const ch of '0O1IL') expect(REFERRAL_ALPHABET).not.toContain(ch)
  })

  it('generate codes of the fixed length from the alphabet only', () => {
    const random = mulberry32(2025)
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const code = generateCouponCode(random)
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/)
      for (const ch of code) seen.add(ch)
    }
    // Every symbol is reachable and none is outside the alphabet.
    expect([...seen].sort().join('')).toBe(REFERRAL_ALPHABET)
  })

  it('map the random number onto the alphabet from first to last symbol', () => {
    expect(generateCouponCode(() => 0)).toBe('2222222222')
    expect(generateCouponCode(() => 0.999999)).toBe('ZZZZZZZZZZ')
    let i = 0
    const stepping = () => (i++ % 31) / 31 + 1e-6
    expect(generateCouponCode(stepping)).toBe(REFERRAL_ALPHABET.slice(0, 10))
  })

  it('are formatted as XXXXX-XXXXX', () => {
    expect(formatCouponCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK')
    expect(formatCouponCode(generateCouponCode(mulberry32(1)))).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
  })

  it('parse what staff type or scan: any case, with or without the dash, with spaces', () => {
    expect(parseCouponCode('ABCDEFGHJK')).toBe('ABCDEFGHJK')
    expect(parseCouponCode('ABCDE-FGHJK')).toBe('ABCDEFGHJK')
    expect(parseCouponCode('abcde-fghjk')).toBe('ABCDEFGHJK')
    expect(parseCouponCode('  aBcDe fGhJk \n')).toBe('ABCDEFGHJK')
    expect(parseCouponCode('abc de-fgh jk')).toBe('ABCDEFGHJK')
  })

  it('round-trip through format and parse', () => {
    const random = mulberry32(7)
    for (let i = 0; i < 500; i++) {
      const code = generateCouponCode(random)
      expect(parseCouponCode(formatCouponCode(code))).toBe(code)
      expect(parseCouponCode(formatCouponCode(code).toLowerCase())).toBe(code)
    }
  })

  it('reject look-alike characters', () => {
    for (const ch of ['0', 'O', 'o', '1', 'I', 'i', 'L', 'l']) {
      expect(parseCouponCode(`ABCDE-FGHJ${ch}`)).toBeNull()
    }
  })

  it('reject wrong lengths, other symbols and empty input', () => {
    expect(parseCouponCode('')).toBeNull()
    expect(parseCouponCode('   ')).toBeNull()
    expect(parseCouponCode('ABCDE-FGHJ')).toBeNull()
    expect(parseCouponCode('ABCDE-FGHJKM')).toBeNull()
    expect(parseCouponCode('ABCDE_FGHJK')).toBeNull()
    expect(parseCouponCode('ABCDE.FGHJK')).toBeNull()
    expect(parseCouponCode('ABCDE-FGHJ!')).toBeNull()
    expect(parseCouponCode('ABCDE-FGHJÉ')).toBeNull()
  })

  it('are not confused with referral codes (7 symbols)', () => {
    expect(parseCouponCode('ABC2345')).toBeNull()
  })
})
