import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  POSTER_VERSION,
  createPosterCode,
  parsePosterCode,
  posterLink,
  posterSignature,
  verifyPosterCode,
} from '@/domain/poster-code'

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

function mustParse(input: string): { partnerId: string; signature: string } {
  const result = parsePosterCode(input)
  expect(result, `parsePosterCode(${JSON.stringify(input)})`).not.toBeNull()
  return result!
}

describe('poster codes', () => {
  it('are P1.<partnerId>.<16 base32 characters of HMAC-SHA256(key, "P1.<partnerId>")>', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff')
    expect(POSTER_VERSION).toBe('P1')
    expect(code).toMatch(/^P1\.cafe-dizengoff\.[A-Z2-7]{16}$/)
    const mac = createHmac('sha256', key).update('P1.cafe-dizengoff').digest()
    const expected = referenceBase32(new Uint8Array(mac)).slice(0, 16)
    expect(await posterSignature(key, 'cafe-dizengoff')).toBe(expected)
    expect(code).toBe(`P1.cafe-dizengoff.${expected}`)
  })

  it('round-trip: create, parse, verify', async () => {
    const key = newKey()
    for (const partnerId of ['cafe-dizengoff', 'p1', '7', 'a'.repeat(40), 'shop-42-north']) {
      const code = await createPosterCode(key, partnerId)
      const parsed = mustParse(code)
      expect(parsed).toEqual({ partnerId, signature: code.split('.')[2] })
      expect(await verifyPosterCode(key, parsed)).toBe(true)
    }
  })

  it('is deterministic per partner and different between partners', async () => {
    const key = newKey()
    expect(await createPosterCode(key, 'shop-a')).toBe(await createPosterCode(key, 'shop-a'))
    expect(await posterSignature(key, 'shop-a')).not.toBe(await posterSignature(key, 'shop-b'))
  })

  it('tolerates whitespace around a scanned code', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff')
    expect(parsePosterCode(`  ${code}\n`)).toEqual(parsePosterCode(code))
  })
})

describe('poster links', () => {
  it('point at /check-in with the code in the c parameter', async () => {
    const code = await createPosterCode(newKey(), 'cafe-dizengoff')
    const link = posterLink(ORIGIN, code)
    expect(link).toBe(`${ORIGIN}/check-in?c=${encodeURIComponent(code)}`)
    const url = new URL(link)
    expect(url.origin).toBe(ORIGIN)
    expect(url.pathname).toBe('/check-in')
    expect(url.searchParams.get('c')).toBe(code)
  })

  it('parse back to the code they carry, which verifies', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff')
    const parsed = mustParse(posterLink(ORIGIN, code))
    expect(parsed).toEqual(mustParse(code))
    expect(await verifyPosterCode(key, parsed)).toBe(true)
  })

  it('parse when the code is fully percent-encoded, and among other parameters', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff')
    const expected = mustParse(code)
    expect(parsePosterCode(`${ORIGIN}/check-in?c=${encodeEverything(code)}`)).toEqual(expected)
    expect(parsePosterCode(`${ORIGIN}/check-in?c=${code.replaceAll('.', '%2E')}`)).toEqual(expected)
    expect(parsePosterCode(`${ORIGIN}/check-in?utm_source=poster&c=${encodeURIComponent(code)}&lang=he`)).toEqual(expected)
    expect(parsePosterCode(`${ORIGIN}/check-in?c=${encodeURIComponent(code)}#top`)).toEqual(expected)
    expect(parsePosterCode(`https://moadon.example/check-in?c=${encodeURIComponent(code)}`)).toEqual(expected)
  })

  it('do not take another parameter whose name merely ends in c', async () => {
    const code = await createPosterCode(newKey(), 'cafe-dizengoff')
    expect(parsePosterCode(`${ORIGIN}/check-in?abc=${encodeURIComponent(code)}`)).toBeNull()
  })

  it('without a c parameter, or with a bad code in it, parse to null', async () => {
    const code = await createPosterCode(newKey(), 'cafe-dizengoff')
    expect(parsePosterCode(`${ORIGIN}/check-in`)).toBeNull()
    expect(parsePosterCode(`${ORIGIN}/check-in?c=`)).toBeNull()
    expect(parsePosterCode(`${ORIGIN}/check-in?x=1`)).toBeNull()
    expect(parsePosterCode(`${ORIGIN}/check-in?c=${encodeURIComponent(code.replace('P1', 'P2'))}`)).toBeNull()
  })

  it('with broken percent-encoding parse to null rather than throwing', () => {
    // A damaged or hand-edited link is malformed input like any other.
    for (const link of [`${ORIGIN}/check-in?c=%`, `${ORIGIN}/check-in?c=P1.shop.%E0%A4%A`, `${ORIGIN}/check-in?c=%ZZ`]) {
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
    expect(await verifyPosterCode(key, { partnerId: 'cafe-dizengoff', signature: 'A'.repeat(16) })).toBe(false)
    const random = referenceBase32(crypto.getRandomValues(new Uint8Array(10)))
    expect(random).toMatch(/^[A-Z2-7]{16}$/)
    expect(await verifyPosterCode(key, mustParse(`P1.cafe-dizengoff.${random}`))).toBe(false)
  })

  it('refuses a signature with any single character changed', async () => {
    const key = newKey()
    const { partnerId, signature } = mustParse(await createPosterCode(key, 'cafe-dizengoff'))
    for (let i = 0; i < signature.length; i++) {
      const replacement = BASE32_ALPHABET[(BASE32_ALPHABET.indexOf(signature[i]!) + 1) % 32]!
      const forged = signature.slice(0, i) + replacement + signature.slice(i + 1)
      expect(await verifyPosterCode(key, mustParse(`P1.${partnerId}.${forged}`))).toBe(false)
    }
  })

  it('refuses one partner\u2019s signature on another partner\u2019s poster', async () => {
    const key = newKey()
    const a = mustParse(await createPosterCode(key, 'cafe-dizengoff'))
    const b = mustParse(await createPosterCode(key, 'bakery-ibn-gabirol'))
    expect(await verifyPosterCode(key, { partnerId: b.partnerId, signature: a.signature })).toBe(false)
    expect(await verifyPosterCode(key, { partnerId: a.partnerId, signature: b.signature })).toBe(false)
  })

  it('refuses an altered partner id', async () => {
    const key = newKey()
    const code = await createPosterCode(key, 'cafe-dizengoff')
    const signature = code.split('.')[2]!
    for (const altered of ['cafe-dizengof', 'cafe-dizengoff2', 'cafe-dizengofg', 'xcafe-dizengoff']) {
      expect(await verifyPosterCode(key, mustParse(`P1.${altered}.${signature}`))).toBe(false)
    }
  })

  it('refuses a code signed with another key (a rotated or foreign poster key)', async () => {
    const code = mustParse(await createPosterCode(newKey(), 'cafe-dizengoff'))
    expect(await verifyPosterCode(newKey(), code)).toBe(false)
  })

  it('refuses a signature of the wrong length handed to it directly', async () => {
    const key = newKey()
    const { partnerId, signature } = mustParse(await createPosterCode(key, 'cafe-dizengoff'))
    expect(await verifyPosterCode(key, { partnerId, signature: signature.slice(0, 15) })).toBe(false)
    expect(await verifyPosterCode(key, { partnerId, signature: `${signature}A` })).toBe(false)
    expect(await verifyPosterCode(key, { partnerId, signature: '' })).toBe(false)
  })
})

describe('parsePosterCode on malformed input', () => {
  it('returns null', async () => {
    const signature = mustParse(await createPosterCode(newKey(), 'cafe-dizengoff')).signature
    const malformed = [
      '',
      '   ',
      'P1',
      `P1.cafe-dizengoff`, // 2 parts
      `P1.cafe-dizengoff.${signature}.X`, // 4 parts
      `P1.cafe.dizengoff.${signature}`,
      `P2.cafe-dizengoff.${signature}`,
      `V1.cafe-dizengoff.${signature}`,
      `.cafe-dizengoff.${signature}`,
      `P1..${signature}`, // empty partner id
      `P1.-cafe.${signature}`, // must start with a letter or digit
      `P1.Cafe-Dizengoff.${signature}`, // partner ids are lower case
      `P1.cafe_dizengoff.${signature}`,
      `P1.cafe dizengoff.${signature}`,
      `P1.${'a'.repeat(41)}.${signature}`, // over 40 characters
      `P1.cafe-dizengoff.${signature.slice(0, 15)}`,
      `P1.cafe-dizengoff.${signature}A`,
      `P1.cafe-dizengoff.${signature.toLowerCase()}`,
      `P1.cafe-dizengoff.${'0'.repeat(16)}`,
      `P1.cafe-dizengoff.${'1'.repeat(16)}`,
      `P1.cafe-dizengoff.ABCDEFGHIJKLMNO8`,
      `P1.cafe-dizengoff.ABCDEFGHIJKLMNO9`,
      `P1.cafe-dizengoff.ABCDEFGHIJKLMN=`,
    ]
    for (const bad of malformed) expect(parsePosterCode(bad), JSON.stringify(bad)).toBeNull()
  })

  it('accepts the limits: a one-character and a 40-character partner id', () => {
    const signature = 'ABCDEFGHIJKLMN23'
    expect(parsePosterCode(`P1.a.${signature}`)).toEqual({ partnerId: 'a', signature })
    expect(parsePosterCode(`P1.${'a'.repeat(40)}.${signature}`)).toEqual({ partnerId: 'a'.repeat(40), signature })
  })
})
