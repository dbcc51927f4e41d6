import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  CARD_STEP_SECONDS,
  cardCode,
  createCardToken,
  parseCardToken,
  secondsToNextStep,
  timeStep,
  verifyCardToken,
  type ParsedCardToken,
} from '@/domain/cards/card-token'
import { generateMemberNumber, luhnCheckDigit, parseMemberNumber } from '@/domain/cards/member-number'

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const STEP_MS = CARD_STEP_SECONDS * 1000

/** 2025-06-01 12:00:00 UTC: a multiple of 30 s, so exactly the start of a step. */
const BOUNDARY = Date.UTC(2025, 5, 1, 12, 0, 0)
/** Seven seconds into that step. */
const MID_STEP = BOUNDARY + 7_000

function newKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32))
}

function newMemberNo(): string {
  return generateMemberNumber(Math.random)
}

/** Another valid member number, guaranteed different from `memberNo`. */
function otherMemberNo(memberNo: string): string {
  for (;;) {
    const other = newMemberNo()
    if (other !== memberNo) return other
  }
}

function parsed(token: string): ParsedCardToken {
  const result = parseCardToken(token)
  expect(result, `parseCardToken(${JSON.stringify(token)})`).not.toBeNull()
  return result!
}

function withPart(token: string, index: number, value: string): string {
  const parts = token.split('.')
  parts[index] = value
  return parts.join('.')
}

/** The RFC 4648 base32 of some bytes, written independently of the module under test. */
function referenceBase32(bytes: Uint8Array): string {
  const bits = Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join('')
  let out = ''
  for (let i = 0; i < bits.length; i += 5) out += BASE32_ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)]
  return out
}

describe('time steps', () => {
  it('counts 30-second steps since the epoch, from a Date or from milliseconds', () => {
    expect(timeStep(0)).toBe(0)
    expect(timeStep(29_999)).toBe(0)
    expect(timeStep(30_000)).toBe(1)
    expect(timeStep(BOUNDARY)).toBe(BOUNDARY / STEP_MS)
    expect(timeStep(new Date(MID_STEP))).toBe(timeStep(MID_STEP))
  })

  it('increments exactly at a 30-second boundary', () => {
    const step = timeStep(BOUNDARY)
    expect(timeStep(BOUNDARY - 1)).toBe(step - 1)
    expect(timeStep(BOUNDARY + STEP_MS - 1)).toBe(step)
    expect(timeStep(BOUNDARY + STEP_MS)).toBe(step + 1)
  })

  it('counts down from 30 at a boundary to 1 in the last second of a step', () => {
    expect(secondsToNextStep(BOUNDARY)).toBe(30)
    expect(secondsToNextStep(new Date(BOUNDARY))).toBe(30)
    expect(secondsToNextStep(BOUNDARY + 1_000)).toBe(29)
    expect(secondsToNextStep(MID_STEP)).toBe(23)
    expect(secondsToNextStep(BOUNDARY - 1_000)).toBe(1)
    expect(secondsToNextStep(BOUNDARY - 1)).toBe(1)
    expect(secondsToNextStep(BOUNDARY + STEP_MS)).toBe(30)
  })

  it('never shows 0 or more than 30, and agrees with the step change', () => {
    for (let ms = BOUNDARY; ms < BOUNDARY + 2 * STEP_MS; ms += 250) {
      const left = secondsToNextStep(ms)
      expect(left).toBeGreaterThanOrEqual(1)
      expect(left).toBeLessThanOrEqual(30)
      // `left` seconds after the last whole second, the step has changed; a second earlier it has not.
      const wholeSecond = Math.floor(ms / 1000) * 1000
      expect(timeStep(wholeSecond + left * 1000)).toBe(timeStep(ms) + 1)
      expect(timeStep(wholeSecond + (left - 1) * 1000)).toBe(timeStep(ms))
    }
  })
})

describe('cardCode', () => {
  it('is the first 10 base32 characters of HMAC-SHA256(key, "V1.<memberNo>.<step>")', async () => {
    const key = newKey()
    const memberNo = newMemberNo()
    const step = timeStep(MID_STEP)
    const mac = createHmac('sha256', key).update(`V1.${memberNo}.${step}`).digest()
    expect(await cardCode(key, memberNo, step)).toBe(referenceBase32(new Uint8Array(mac)).slice(0, 10))
  })

  it('is deterministic and changes with every step', async () => {
    const key = newKey()
    const memberNo = newMemberNo()
    const step = timeStep(MID_STEP)
    expect(await cardCode(key, memberNo, step)).toBe(await cardCode(key, memberNo, step))
    const codes = new Set<string>()
    for (let s = step; s < step + 20; s++) {
      const code = await cardCode(key, memberNo, s)
      expect(code).toMatch(/^[A-Z2-7]{10}$/)
      codes.add(code)
    }
    expect(codes.size).toBe(20)
  })
})

describe('createCardToken', () => {
  it('builds V1.<memberNo>.<step>.<code>, 31 characters for an 8-digit member and a current step', async () => {
    const key = newKey()
    const memberNo = newMemberNo()
    const token = await createCardToken(key, memberNo, MID_STEP)
    const step = timeStep(MID_STEP)
    expect(token).toBe(`V1.${memberNo}.${step}.${await cardCode(key, memberNo, step)}`)
    expect(token).toHaveLength(31)
    const now = await createCardToken(key, memberNo, new Date())
    expect(now).toHaveLength(31)
  })

  it('uses only QR alphanumeric-mode characters (0-9, A-Z and the dot)', async () => {
    for (let i = 0; i < 50; i++) {
      const token = await createCardToken(newKey(), newMemberNo(), MID_STEP + i * STEP_MS)
      expect(token).toMatch(/^[0-9A-Z.]+$/)
      expect(token).toBe(token.toUpperCase())
    }
  })

  it('stays within 40 characters even at the last representable date', async () => {
    const latest = 8.64e15
    const token = await createCardToken(newKey(), newMemberNo(), latest)
    expect(token.length).toBeLessThanOrEqual(40)
    expect(parsed(token).step).toBe(timeStep(latest))
  })

  it('gives the same token for any time within one step, and a new one at the next step', async () => {
    const key = newKey()
    const memberNo = newMemberNo()
    const first = await createCardToken(key, memberNo, BOUNDARY)
    expect(await createCardToken(key, memberNo, BOUNDARY + STEP_MS - 1)).toBe(first)
    expect(await createCardToken(key, memberNo, new Date(MID_STEP))).toBe(first)
    expect(await createCardToken(key, memberNo, BOUNDARY + STEP_MS)).not.toBe(first)
    expect(await createCardToken(key, memberNo, BOUNDARY - 1)).not.toBe(first)
  })
})

describe('parseCardToken', () => {
  it('reads back what createCardToken made', async () => {
    const key = newKey()
    const memberNo = newMemberNo()
    const token = await createCardToken(key, memberNo, MID_STEP)
    expect(parseCardToken(token)).toEqual({
      memberNo,
      step: timeStep(MID_STEP),
      code: token.split('.')[3],
    })
  })

  it('accepts lower case and surrounding whitespace (a hand-typed or re-encoded token)', async () => {
    const key = newKey()
    const token = await createCardToken(key, newMemberNo(), MID_STEP)
    const expected = parseCardToken(token)
    expect(parseCardToken(token.toLowerCase())).toEqual(expected)
    expect(parseCardToken(`  ${token}\n`)).toEqual(expected)
    const mixed = [...token].map((c, i) => (i % 2 ? c.toLowerCase() : c)).join('')
    expect(parseCardToken(mixed)).toEqual(expected)
    expect(await verifyCardToken(parsed(token.toLowerCase()), key, MID_STEP)).toEqual({ ok: true })
  })

  it('returns null for malformed tokens', async () => {
    const memberNo = newMemberNo()
    const token = await createCardToken(newKey(), memberNo, MID_STEP)
    const [, , step, code] = token.split('.') as [string, string, string, string]
    const badLuhn = memberNo.slice(0, 7) + String((luhnCheckDigit(memberNo.slice(0, 7)) + 1) % 10)
    expect(parseMemberNumber(badLuhn)).toBeNull()

    const malformed = [
      '',
      '   ',
      'V1',
      withPart(token, 0, 'V2'),
      withPart(token, 0, 'V0'),
      withPart(token, 0, 'P1'),
      withPart(token, 0, ''),
      `V1.${memberNo}.${step}`, // 3 parts
      `${token}.EXTRA`, // 5 parts
      `${token}.`, // 5 parts, the last empty
      `V1.${memberNo}.${code}`,
      withPart(token, 1, badLuhn),
      withPart(token, 1, memberNo.slice(0, 7)),
      withPart(token, 1, `${memberNo}0`),
      withPart(token, 1, `0${memberNo.slice(1)}`),
      withPart(token, 1, ''),
      withPart(token, 2, ''),
      withPart(token, 2, 'ABC'),
      withPart(token, 2, `${step}X`),
      withPart(token, 2, `-${step}`),
      withPart(token, 2, '1.5'),
      withPart(token, 2, '1e7'),
      withPart(token, 2, '1234567890123'), // 13 digits
      withPart(token, 3, ''),
      withPart(token, 3, code.slice(0, 9)),
      withPart(token, 3, `${code}A`),
      withPart(token, 3, 'A'.repeat(32)),
    ]
    for (const bad of malformed) expect(parseCardToken(bad), JSON.stringify(bad)).toBeNull()
  })

  it('rejects codes with characters outside the base32 alphabet (0, 1, 8, 9, punctuation)', async () => {
    const token = await createCardToken(newKey(), newMemberNo(), MID_STEP)
    const code = token.split('.')[3]!
    for (const outsider of ['0', '1', '8', '9', '-', '_', '=', ' ', '+', '/', 'é']) {
      for (const position of [0, 5, 9]) {
        const bad = code.slice(0, position) + outsider + code.slice(position + 1)
        expect(parseCardToken(withPart(token, 3, bad)), bad).toBeNull()
      }
    }
  })

  it('accepts every base32 character in the code and up to 12 step digits', async () => {
    const memberNo = newMemberNo()
    for (let i = 0; i < BASE32_ALPHABET.length; i += 10) {
      const code = BASE32_ALPHABET.slice(i, i + 10).padEnd(10, 'A')
      expect(parseCardToken(`V1.${memberNo}.1.${code}`)).toEqual({ memberNo, step: 1, code })
    }
    expect(parseCardToken(`V1.${memberNo}.999999999999.ABCDEFGHIJ`)?.step).toBe(999_999_999_999)
    expect(parseCardToken(`V1.${memberNo}.0.ABCDEFGHIJ`)?.step).toBe(0)
  })
})

describe('verifyCardToken', () => {
  it('accepts a token at its own step, anywhere within that step', async () => {
    const key = newKey()
    const token = parsed(await createCardToken(key, newMemberNo(), MID_STEP))
    expect(await verifyCardToken(token, key, MID_STEP)).toEqual({ ok: true })
    expect(await verifyCardToken(token, key, new Date(BOUNDARY))).toEqual({ ok: true })
    expect(await verifyCardToken(token, key, BOUNDARY + STEP_MS - 1)).toEqual({ ok: true })
  })

  it('accepts one step either side (clock drift) and refuses two steps away as expired', async () => {
    const key = newKey()
    const token = parsed(await createCardToken(key, newMemberNo(), MID_STEP))
    expect(await verifyCardToken(token, key, MID_STEP + STEP_MS)).toEqual({ ok: true })
    expect(await verifyCardToken(token, key, MID_STEP - STEP_MS)).toEqual({ ok: true })
    expect(await verifyCardToken(token, key, MID_STEP + 2 * STEP_MS)).toEqual({ ok: false, reason: 'token-expired' })
    expect(await verifyCardToken(token, key, MID_STEP - 2 * STEP_MS)).toEqual({ ok: false, reason: 'token-expired' })
  })

  it('draws the window edges on step boundaries, to the millisecond', async () => {
    const key = newKey()
    const token = parsed(await createCardToken(key, newMemberNo(), MID_STEP))
    const windowEnd = BOUNDARY + 2 * STEP_MS // first instant of step + 2
    const windowStart = BOUNDARY - STEP_MS // first instant of step - 1
    expect(await verifyCardToken(token, key, windowEnd - 1)).toEqual({ ok: true })
    expect(await verifyCardToken(token, key, windowEnd)).toEqual({ ok: false, reason: 'token-expired' })
    expect(await verifyCardToken(token, key, windowStart)).toEqual({ ok: true })
    expect(await verifyCardToken(token, key, windowStart - 1)).toEqual({ ok: false, reason: 'token-expired' })
  })

  it('refuses a screenshot two minutes later, and long after', async () => {
    const key = newKey()
    const token = parsed(await createCardToken(key, newMemberNo(), MID_STEP))
    expect(await verifyCardToken(token, key, MID_STEP + 120_000)).toEqual({ ok: false, reason: 'token-expired' })
    expect(await verifyCardToken(token, key, new Date(MID_STEP + 86_400_000))).toEqual({ ok: false, reason: 'token-expired' })
  })

  it('refuses a token signed with another key', async () => {
    const memberNo = newMemberNo()
    const token = parsed(await createCardToken(newKey(), memberNo, MID_STEP))
    expect(await verifyCardToken(token, newKey(), MID_STEP)).toEqual({ ok: false, reason: 'token-bad-signature' })
  })

  it('refuses a token whose code has any single character changed', async () => {
    const key = newKey()
    const token = await createCardToken(key, newMemberNo(), MID_STEP)
    const code = token.split('.')[3]!
    for (let i = 0; i < code.length; i++) {
      const replacement = BASE32_ALPHABET[(BASE32_ALPHABET.indexOf(code[i]!) + 1) % 32]!
      const forged = withPart(token, 3, code.slice(0, i) + replacement + code.slice(i + 1))
      expect(await verifyCardToken(parsed(forged), key, MID_STEP), forged).toEqual({ ok: false, reason: 'token-bad-signature' })
    }
  })

  it('refuses a token moved to another (valid) member number', async () => {
    const key = newKey()
    const memberNo = newMemberNo()
    const token = await createCardToken(key, memberNo, MID_STEP)
    for (let i = 0; i < 5; i++) {
      const other = otherMemberNo(memberNo)
      const moved = parsed(withPart(token, 1, other))
      expect(moved.memberNo).toBe(other)
      expect(await verifyCardToken(moved, key, MID_STEP)).toEqual({ ok: false, reason: 'token-bad-signature' })
    }
  })

  it('refuses a token whose step was changed: the signature covers the step', async () => {
    const key = newKey()
    const token = await createCardToken(key, newMemberNo(), MID_STEP)
    const step = timeStep(MID_STEP)
    for (const delta of [1, -1, 2, 100]) {
      const moved = parsed(withPart(token, 2, String(step + delta)))
      // Scanned at the forged step (so the window alone would accept it) and at the original time.
      expect(await verifyCardToken(moved, key, MID_STEP + delta * STEP_MS)).toEqual({ ok: false, reason: 'token-bad-signature' })
      expect(await verifyCardToken(moved, key, MID_STEP)).toEqual({ ok: false, reason: 'token-bad-signature' })
    }
  })

  it('checks the signature before the time window', async () => {
    const key = newKey()
    const old = parsed(await createCardToken(newKey(), newMemberNo(), MID_STEP))
    // Both forged and expired: the forgery is what is reported.
    expect(await verifyCardToken(old, key, MID_STEP + 10 * STEP_MS)).toEqual({ ok: false, reason: 'token-bad-signature' })
  })

  it('stops accepting tokens made with a key once the member key is rotated', async () => {
    const memberNo = newMemberNo()
    const oldKey = newKey()
    const newCardKey = newKey()
    const oldToken = parsed(await createCardToken(oldKey, memberNo, MID_STEP))
    expect(await verifyCardToken(oldToken, oldKey, MID_STEP)).toEqual({ ok: true })
    expect(await verifyCardToken(oldToken, newCardKey, MID_STEP)).toEqual({ ok: false, reason: 'token-bad-signature' })
    const newToken = parsed(await createCardToken(newCardKey, memberNo, MID_STEP))
    expect(newToken.code).not.toBe(oldToken.code)
    expect(await verifyCardToken(newToken, newCardKey, MID_STEP)).toEqual({ ok: true })
  })

  it('keeps members apart: one key does not sign for two members', async () => {
    const key = newKey()
    const a = newMemberNo()
    const b = otherMemberNo(a)
    const tokenA = parsed(await createCardToken(key, a, MID_STEP))
    const tokenB = parsed(await createCardToken(key, b, MID_STEP))
    expect(tokenA.code).not.toBe(tokenB.code)
    expect(await verifyCardToken({ ...tokenB, code: tokenA.code }, key, MID_STEP)).toEqual({ ok: false, reason: 'token-bad-signature' })
  })

  it('accepts a freshly made token at the current time', async () => {
    const key = newKey()
    const now = Date.now()
    const token = parsed(await createCardToken(key, newMemberNo(), now))
    expect(await verifyCardToken(token, key, now)).toEqual({ ok: true })
  })
})
