import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  POSTER_VERSION,
  createPosterCode,
  parsePosterCode,
  posterLink,
  posterSignature,
  verifyPosterCode,
  type ParsedPosterCode,
} from '@/domain/partners/poster-code'

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const ORIGIN = 'http://localhost:5173'

function newKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32))
}

function referenceBase32(bytes: Uint8Array): string {
  const bits = Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join('')
  let out = ''
  for (let i = 0; i < bits.length; i += 5) out += BASE32_ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)]
  return out
}

/** Percent-encodes every character, as a QR generator or a mail client might. */
function encodeEverything(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
}

function mustParse(input: string): ParsedPosterCode {
  const result = parsePosterCode(input)
  expect(result, `parsePosterCode(${JSON.stringify(input)})`).not.toBeNull()
  return result!
}

describe('poster codes', () => {
  it('are P2.<partnerId>.<version>.<16 base32 characters of HMAC-SHA256(key, "P2.<partnerId>.<version>")>', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff', 3)
    expect(POSTER_VERSION).toBe('P2')
    expect(code).toMatch(/^P2\.cafe-dizengoff\.3\.[A-Z2-7]{16}$/)
    const mac = createHmac('sha256', key).update('P2.cafe-dizengoff.3').digest()
    const expected = referenceBase32(new Uint8Array(mac)).slice(0, 16)
    expect(await posterSignature(key, 'cafe-dizengoff', 3)).toBe(expected)
    expect(code).toBe(`P2.cafe-dizengoff.3.${expected}`)
  })

  it('round-trip: create, parse, verify', async () => {
    const key = newKey()
    for (const partnerId of ['cafe-dizengoff', 'p1', '7', 'a'.repeat(40), 'shop-42-north']) {
      for (const version of [1, 2, 17, 999_999_999]) {
        const code = await createPosterCode(key, partnerId, version)
        const parsed = mustParse(code)
        expect(parsed).toEqual({ partnerId, version, signature: code.split('.')[3] })
        expect(await verifyPosterCode(key, parsed)).toBe(true)
      }
    }
  })

  it('is deterministic per partner and version, and different between partners and between versions', async () => {
    const key = newKey()
    expect(await createPosterCode(key, 'shop-a', 1)).toBe(await createPosterCode(key, 'shop-a', 1))
    expect(await posterSignature(key, 'shop-a', 1)).not.toBe(await posterSignature(key, 'shop-b', 1))
    expect(await posterSignature(key, 'shop-a', 1)).not.toBe(await posterSignature(key, 'shop-a', 2))
  })

  it('tolerates whitespace around a scanned code', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff', 1)
    expect(parsePosterCode(`  ${code}\n`)).toEqual(parsePosterCode(code))
  })
})

describe('poster versions', () => {
  it('an old version keeps its own genuine signature: only the server knows it was replaced', async () => {
    const key = newKey()
    const old = mustParse(await createPosterCode(key, 'cafe-dizengoff', 1))
    const current = mustParse(await createPosterCode(key, 'cafe-dizengoff', 2))
    expect(await verifyPosterCode(key, old)).toBe(true)
    expect(await verifyPosterCode(key, current)).toBe(true)
    expect(old.version).toBeLessThan(current.version)
  })

  it('an old poster edited to carry the new version number is not genuine', async () => {
    const key = newKey()
    const old = mustParse(await createPosterCode(key, 'cafe-dizengoff', 1))
    expect(await verifyPosterCode(key, { ...old, version: 2 })).toBe(false)
    expect(await verifyPosterCode(key, mustParse(`P2.cafe-dizengoff.2.${old.signature}`))).toBe(false)
  })

  it('a version that is not a positive whole number does not parse', async () => {
    const signature = mustParse(await createPosterCode(newKey(), 'cafe-dizengoff', 1)).signature
    for (const version of ['0', '-1', '01', '1.5', 'x', '', '1e3', '1234567890']) {
      expect(parsePosterCode(`P2.cafe-dizengoff.${version}.${signature}`), version).toBeNull()
    }
  })

  it('the first posters (P1, no version) no longer parse', async () => {
    expect(parsePosterCode('P1.cafe-dizengoff.ABCDEFGHIJKLMN23')).toBeNull()
  })
})

describe('poster links', () => {
  it('point at /check-in with the code in the c parameter', async () => {
    const code = await createPosterCode(newKey(), 'cafe-dizengoff', 1)
    const link = posterLink(ORIGIN, code)
    expect(link).toBe(`${ORIGIN}/check-in?c=${encodeURIComponent(code)}`)
    const url = new URL(link)
    expect(url.origin).toBe(ORIGIN)
    expect(url.pathname).toBe('/check-in')
    expect(url.searchParams.get('c')).toBe(code)
  })

  it('parse back to the code they carry, which verifies', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff', 4)
    const parsed = mustParse(posterLink(ORIGIN, code))
    expect(parsed).toEqual(mustParse(code))
    expect(await verifyPosterCode(key, parsed)).toBe(true)
  })

  it('parse when the code is fully percent-encoded, and among other parameters', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff', 1)
    const expected = mustParse(code)
    expect(parsePosterCode(`${ORIGIN}/check-in?c=${encodeEverything(code)}`)).toEqual(expected)
    expect(parsePosterCode(`${ORIGIN}/check-in?c=${code.replaceAll('.', '%2E')}`)).toEqual(expected)
    expect(parsePosterCode(`${ORIGIN}/check-in?utm_source=poster&c=${encodeURIComponent(code)}&lang=he`)).toEqual(expected)
    expect(parsePosterCode(`${ORIGIN}/check-in?c=${encodeURIComponent(code)}#top`)).toEqual(expected)
    expect(parsePosterCode(`https://moadon.example/check-in?c=${encodeURIComponent(code)}`)).toEqual(expected)
  })

  it('do not take another parameter whose name merely ends in c', async () => {
    const code = await createPosterCode(newKey(), 'cafe-dizengoff', 1)
    expect(parsePosterCode(`${ORIGIN}/check-in?abc=${encodeURIComponent(code)}`)).toBeNull()
  })

  it('without a c parameter, or with a bad code in it, parse to null', async () => {
    const code = await createPosterCode(newKey(), 'cafe-dizengoff', 1)
    expect(parsePosterCode(`${ORIGIN}/check-in`)).toBeNull()
    expect(parsePosterCode(`${ORIGIN}/check-in?c=`)).toBeNull()
    expect(parsePosterCode(`${ORIGIN}/check-in?x=1`)).toBeNull()
    expect(parsePosterCode(`${ORIGIN}/check-in?c=${encodeURIComponent(code.replace('P2', 'P3'))}`)).toBeNull()
  })

  it('with broken percent-encoding parse to null rather than throwing', () => {
    // A damaged or hand-edited link is malformed input like any other.
    for (const link of [`${ORIGIN}/check-in?c=%`, `${ORIGIN}/check-in?c=P2.shop.1.%E0%A4%A`, `${ORIGIN}/check-in?c=%ZZ`]) {
      let result: unknown
      expect(() => {
        result = parsePosterCode(link)
      }, link).not.toThrow()
      expect(result, link).toBeNull()
    }
  })
})

describe('verifyPosterCode', () => {
  it('refuses a forged signature', async () => {
    const key = newKey()
    expect(await verifyPosterCode(key, { partnerId: 'cafe-dizengoff', version: 1, signature: 'A'.repeat(16) })).toBe(false)
    const random = referenceBase32(crypto.getRandomValues(new Uint8Array(10)))
    expect(random).toMatch(/^[A-Z2-7]{16}$/)
    expect(await verifyPosterCode(key, mustParse(`P2.cafe-dizengoff.1.${random}`))).toBe(false)
  })

  it('refuses a signature with any single character changed', async () => {
    const key = newKey()
    const { partnerId, version, signature } = mustParse(await createPosterCode(key, 'cafe-dizengoff', 1))
    for (let i = 0; i < signature.length; i++) {
      const replacement = BASE32_ALPHABET[(BASE32_ALPHABET.indexOf(signature[i]!) + 1) % 32]!
      const forged = signature.slice(0, i) + replacement + signature.slice(i + 1)
      expect(await verifyPosterCode(key, mustParse(`P2.${partnerId}.${version}.${forged}`))).toBe(false)
    }
  })

  it('refuses one partner\u2019s signature on another partner\u2019s poster', async () => {
    const key = newKey()
    const a = mustParse(await createPosterCode(key, 'cafe-dizengoff', 1))
    const b = mustParse(await createPosterCode(key, 'bakery-ibn-gabirol', 1))
    expect(await verifyPosterCode(key, { ...b, signature: a.signature })).toBe(false)
    expect(await verifyPosterCode(key, { ...a, signature: b.signature })).toBe(false)
  })

  it('refuses an altered partner id', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff', 1)
    const signature = code.split('.')[3]!
    for (const altered of ['cafe-dizengof', 'cafe-dizengoff2', 'cafe-dizengofg', 'xcafe-dizengoff']) {
      expect(await verifyPosterCode(key, mustParse(`P2.${altered}.1.${signature}`))).toBe(false)
    }
  })

  it('refuses a code signed with another key (a rotated or foreign poster key)', async () => {
    const code = mustParse(await createPosterCode(newKey(), 'cafe-dizengoff', 1))
    expect(await verifyPosterCode(newKey(), code)).toBe(false)
  })

  it('refuses a signature of the wrong length handed to it directly', async () => {
    const key = newKey()
    const code = mustParse(await createPosterCode(key, 'cafe-dizengoff', 1))
    expect(await verifyPosterCode(key, { ...code, signature: code.signature.slice(0, 15) })).toBe(false)
    expect(await verifyPosterCode(key, { ...code, signature: `${code.signature}A` })).toBe(false)
    expect(await verifyPosterCode(key, { ...code, signature: '' })).toBe(false)
  })
})

describe('parsePosterCode on malformed input', () => {
  it('returns null', async () => {
    const signature = mustParse(await createPosterCode(newKey(), 'cafe-dizengoff', 1)).signature
    const malformed = [
      '',
      '   ',
      'P2',
      `P2.cafe-dizengoff`,
      `P2.cafe-dizengoff.${signature}`, // no version
      `P2.cafe-dizengoff.1.${signature}.X`, // 5 parts
      `P2.cafe.dizengoff.1.${signature}`,
      `P1.cafe-dizengoff.1.${signature}`,
      `V1.cafe-dizengoff.1.${signature}`,
      `.cafe-dizengoff.1.${signature}`,
      `P2..1.${signature}`, // empty partner id
      `P2.-cafe.1.${signature}`, // must start with a letter or digit
      `P2.Cafe-Dizengoff.1.${signature}`, // partner ids are lower case
      `P2.cafe_dizengoff.1.${signature}`,
      `P2.cafe dizengoff.1.${signature}`,
      `P2.${'a'.repeat(41)}.1.${signature}`, // over 40 characters
      `P2.cafe-dizengoff.1.${signature.slice(0, 15)}`,
      `P2.cafe-dizengoff.1.${signature}A`,
      `P2.cafe-dizengoff.1.${signature.toLowerCase()}`,
      `P2.cafe-dizengoff.1.${'0'.repeat(16)}`,
      `P2.cafe-dizengoff.1.${'1'.repeat(16)}`,
      `P2.cafe-dizengoff.1.ABCDEFGHIJKLMNO8`,
      `P2.cafe-dizengoff.1.ABCDEFGHIJKLMN=`,
    ]
    for (const bad of malformed) expect(parsePosterCode(bad), JSON.stringify(bad)).toBeNull()
  })

  it('accepts the limits: a one-character and a 40-character partner id', () => {
    const signature = 'ABCDEFGHIJKLMN23'
    expect(parsePosterCode(`P2.a.1.${signature}`)).toEqual({ partnerId: 'a', version: 1, signature })
    expect(parsePosterCode(`P2.${'a'.repeat(40)}.1.${signature}`)).toEqual({ partnerId: 'a'.repeat(40), version: 1, signature })
  })
})
