import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { base32, constantTimeEqual, fromBase64, hmacSha256, toBase64 } from '@/domain/shared/crypto'

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

function fromHex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16))
}

/** A deliberately naive base32 (via a bit string), to check the bit-twiddling one against. */
function referenceBase32(bytes: Uint8Array): string {
  const bits = Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join('')
  let out = ''
  for (let i = 0; i < bits.length; i += 5) out += BASE32_ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)]
  return out
}

/** Deterministic pseudo-random bytes (a small LCG), so failures are reproducible. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length)
  let state = seed >>> 0
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    out[i] = state >>> 24
  }
  return out
}

describe('base32', () => {
  it('matches the RFC 4648 test vectors (without padding)', () => {
    expect(base32(ascii(''))).toBe('')
    expect(base32(ascii('f'))).toBe('MY')
    expect(base32(ascii('fo'))).toBe('MZXQ')
    expect(base32(ascii('foo'))).toBe('MZXW6')
    expect(base32(ascii('foob'))).toBe('MZXW6YQ')
    expect(base32(ascii('fooba'))).toBe('MZXW6YTB')
    expect(base32(ascii('foobar'))).toBe('MZXW6YTBOI')
  })

  it('encodes the extreme bytes', () => {
    expect(base32(new Uint8Array([0]))).toBe('AA')
    expect(base32(new Uint8Array([0xff]))).toBe('74')
    expect(base32(new Uint8Array(5).fill(0xff))).toBe('77777777')
    expect(base32(new Uint8Array(5))).toBe('AAAAAAAA')
  })

  it('agrees with a naive reference on inputs of every length up to 80 bytes', () => {
    for (let length = 0; length <= 80; length++) {
      const bytes = pseudoRandomBytes(length, length * 7919 + 1)
      const encoded = base32(bytes)
      expect(encoded).toBe(referenceBase32(bytes))
      expect(encoded).toHaveLength(Math.ceil((length * 8) / 5))
      expect(encoded).toMatch(/^[A-Z2-7]*$/)
    }
  })

  it('encodes a 32-byte HMAC into 52 characters (long inputs do not overflow the bit buffer)', () => {
    const bytes = new Uint8Array(32).fill(0xff)
    expect(base32(bytes)).toBe('7'.repeat(51) + 'Q')
    const random = crypto.getRandomValues(new Uint8Array(32))
    expect(base32(random)).toBe(referenceBase32(random))
  })
})

describe('base64', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ]
    for (const [plain, encoded] of vectors) {
      expect(toBase64(ascii(plain))).toBe(encoded)
      expect(new TextDecoder().decode(fromBase64(encoded))).toBe(plain)
    }
  })

  it('round-trips all 256 byte values', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const encoded = toBase64(all)
    expect(encoded).toBe(Buffer.from(all).toString('base64'))
    const decoded = fromBase64(encoded)
    expect(decoded).toBeInstanceOf(Uint8Array)
    expect(Array.from(decoded)).toEqual(Array.from(all))
  })

  it('round-trips random keys and agrees with Node', () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = pseudoRandomBytes(length, 31 * length + 5)
      const encoded = toBase64(bytes)
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'))
      expect(Array.from(fromBase64(encoded))).toEqual(Array.from(bytes))
    }
  })
})

describe('hmacSha256', () => {
  it('matches RFC 4231 test case 2 (key "Jefe")', async () => {
    const mac = await hmacSha256(ascii('Jefe'), 'what do ya want for nothing?')
    expect(hex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
  })

  it('matches RFC 4231 test case 1 (20 bytes of 0x0b)', async () => {
    const mac = await hmacSha256(new Uint8Array(20).fill(0x0b), 'Hi There')
    expect(hex(mac)).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7')
  })

  it('matches RFC 4231 test case 6 (a key longer than the block size)', async () => {
    const mac = await hmacSha256(new Uint8Array(131).fill(0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First')
    expect(hex(mac)).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54')
  })

  it('returns 32 bytes and agrees with Node for random keys and UTF-8 messages', async () => {
    const messages = ['', 'V1.12345674.58291200', 'P1.cafe-dizengoff', 'שלום עולם', 'emoji 🎉 and ü']
    for (const message of messages) {
      const key = crypto.getRandomValues(new Uint8Array(32))
      const mac = await hmacSha256(key, message)
      expect(mac).toBeInstanceOf(Uint8Array)
      expect(mac).toHaveLength(32)
      expect(hex(mac)).toBe(createHmac('sha256', key).update(message, 'utf8').digest('hex'))
    }
  })

  it('depends on both the key and the message', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32))
    const otherKey = crypto.getRandomValues(new Uint8Array(32))
    const a = hex(await hmacSha256(key, 'message'))
    expect(hex(await hmacSha256(key, 'message'))).toBe(a)
    expect(hex(await hmacSha256(otherKey, 'message'))).not.toBe(a)
    expect(hex(await hmacSha256(key, 'messagf'))).not.toBe(a)
  })

  it('does not modify the key it is given', async () => {
    const key = fromHex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f')
    const copy = Array.from(key)
    await hmacSha256(key, 'anything')
    expect(Array.from(key)).toEqual(copy)
  })
})

/**
 * Wraps a string so that every position read through indexing or the char-access methods is
 * recorded; `length` and everything else behave as on the plain string.
 */
function recordingString(text: string, reads: Set<number>): string {
  const record = (index: unknown) => {
    const n = Number(index)
    if (Number.isInteger(n)) reads.add(n)
  }
  const accessors = new Set<PropertyKey>(['charCodeAt', 'codePointAt', 'charAt', 'at'])
  return new Proxy(Object(text) as object, {
    get(_target, prop) {
      if (prop === 'length') return text.length
      if (typeof prop === 'string' && /^\d+$/.test(prop)) {
        record(prop)
        return text[Number(prop)]
      }
      if (accessors.has(prop)) {
        return (index: number) => {
          record(index)
          const method = Reflect.get(String.prototype, prop) as (this: string, i: number) => unknown
          return method.call(text, index)
        }
      }
      const value: unknown = Reflect.get(String.prototype, prop)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(text) : value
    },
  }) as unknown as string
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

describe('constantTimeEqual', () => {
  it('is true for equal strings, including empty ones', () => {
    expect(constantTimeEqual('', '')).toBe(true)
    expect(constantTimeEqual('ABCDEFGHIJ', 'ABCDEFGHIJ')).toBe(true)
    expect(constantTimeEqual('שלום', 'שלום')).toBe(true)
  })

  it('is false for different strings of the same length, wherever they differ', () => {
    const base = 'ABCDEFGHIJKLMNOP'
    for (let i = 0; i < base.length; i++) {
      const changed = base.slice(0, i) + 'z' + base.slice(i + 1)
      expect(constantTimeEqual(base, changed)).toBe(false)
      expect(constantTimeEqual(changed, base)).toBe(false)
    }
    expect(constantTimeEqual('a', 'A')).toBe(false)
    expect(constantTimeEqual('e', 'é')).toBe(false)
  })

  it('does not let two differences cancel each other out', () => {
    // An XOR-accumulator (diff ^= ...) would call these equal.
    expect(constantTimeEqual('ab', 'ba')).toBe(false)
    expect(constantTimeEqual('AB', 'BA')).toBe(false)
    expect(constantTimeEqual('ACDB', 'BCDA')).toBe(false)
  })

  it('is false for different lengths, including a prefix either way and a NUL character', () => {
    expect(constantTimeEqual('ABC', 'ABCD')).toBe(false)
    expect(constantTimeEqual('ABCD', 'ABC')).toBe(false)
    expect(constantTimeEqual('', 'A')).toBe(false)
    expect(constantTimeEqual('A', '')).toBe(false)
    expect(constantTimeEqual('', '\0')).toBe(false)
    expect(constantTimeEqual('A\0', 'A')).toBe(false)
  })

  it('reads every position of both strings even when the first character already differs', () => {
    const readsA = new Set<number>()
    const readsB = new Set<number>()
    const a = recordingString('X' + 'a'.repeat(31), readsA)
    const b = recordingString('Y' + 'a'.repeat(31), readsB)
    expect(constantTimeEqual(a, b)).toBe(false)
    expect([...readsA].sort((x, y) => x - y)).toEqual(range(32))
    expect([...readsB].sort((x, y) => x - y)).toEqual(range(32))
  })

  it('reads every position when the strings are equal (the spy itself does not change the answer)', () => {
    const readsA = new Set<number>()
    const readsB = new Set<number>()
    expect(constantTimeEqual(recordingString('SAMECODE22', readsA), recordingString('SAMECODE22', readsB))).toBe(true)
    expect([...readsA].sort((x, y) => x - y)).toEqual(range(10))
    expect([...readsB].sort((x, y) => x - y)).toEqual(range(10))
  })

  it('still walks the longer string when the lengths differ', () => {
    const readsShort = new Set<number>()
    const readsLong = new Set<number>()
    expect(constantTimeEqual(recordingString('Z'.repeat(10), readsShort), recordingString('A'.repeat(16), readsLong))).toBe(false)
    for (const i of range(10)) expect(readsShort.has(i)).toBe(true)
    for (const i of range(16)) expect(readsLong.has(i)).toBe(true)
  })
})
