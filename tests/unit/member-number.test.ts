import { describe, expect, it } from 'vitest'
import {
  MEMBER_NUMBER_LENGTH,
  formatMemberNumber,
  generateMemberNumber,
  luhnCheckDigit,
  parseMemberNumber,
} from '@/domain/cards/member-number'

function sequence(values: number[]): () => number {
  let i = 0
  return () => values[i++ % values.length]!
}

describe('member numbers', () => {
  it('computes the Luhn check digit of a known number', () => {
    // 7992739871 is the textbook Luhn example; its check digit is 3.
    expect(luhnCheckDigit('7992739871')).toBe(3)
  })

  it('generates 8 digits, never starting with 0, ending in a valid check digit', () => {
    const low = generateMemberNumber(() => 0)
    expect(low).toMatch(/^1\d{7}$/)
    for (let i = 0; i < 200; i++) {
      const no = generateMemberNumber(Math.random)
      expect(no).toHaveLength(MEMBER_NUMBER_LENGTH)
      expect(no[0]).not.toBe('0')
      expect(parseMemberNumber(no)).toBe(no)
    }
  })

  it('is deterministic for a given random source', () => {
    const a = generateMemberNumber(sequence([0.5, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7]))
    const b = generateMemberNumber(sequence([0.5, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7]))
    expect(a).toBe(b)
    expect(a.slice(0, 7)).toBe('5123467')
  })

  it('accepts what people type: spaces and dashes', () => {
    const no = generateMemberNumber(Math.random)
    expect(parseMemberNumber(`${no.slice(0, 4)} ${no.slice(4)}`)).toBe(no)
    expect(parseMemberNumber(`${no.slice(0, 4)}-${no.slice(4)}`)).toBe(no)
  })

  it('rejects a single mistyped digit and swapped neighbours', () => {
    const no = '51234675'
    const valid = parseMemberNumber(no.slice(0, 7) + String(luhnCheckDigit(no.slice(0, 7))))
    expect(valid).not.toBeNull()
    const good = valid!
    const typo = good.slice(0, 2) + String((Number(good[2]) + 1) % 10) + good.slice(3)
    expect(parseMemberNumber(typo)).toBeNull()
    const swapped = good[1]! !== good[2]! ? good[0]! + good[2]! + good[1]! + good.slice(3) : null
    if (swapped) expect(parseMemberNumber(swapped)).toBeNull()
  })

  it('rejects wrong lengths, letters and a leading zero', () => {
    expect(parseMemberNumber('1234567')).toBeNull()
    expect(parseMemberNumber('123456789')).toBeNull()
    expect(parseMemberNumber('1234a678')).toBeNull()
    expect(parseMemberNumber('0' + '1234567')).toBeNull()
    expect(parseMemberNumber('')).toBeNull()
  })

  it('formats as two groups of four for reading aloud', () => {
    expect(formatMemberNumber('51234675')).toBe('5123 4675')
  })
})
