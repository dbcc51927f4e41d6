import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseVisitCode } from '@/domain/partners/check-in'
import {
  COUNTER_STEP_SECONDS,
  counterStep,
  createCounterCode,
  parseCounterCode,
  secondsToNextCounterStep,
  verifyCounterCode,
  type ParsedCounterCode,
} from '@/domain/partners/counter-code'
import { createPosterCode, posterLink } from '@/domain/partners/poster-code'

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const ORIGIN = 'http://localhost:5173'
const STEP_MS = COUNTER_STEP_SECONDS * 1000
const NOON = Date.UTC(2026, 10, 26, 10, 0, 0)

function newKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32))
}

function referenceBase32(bytes: Uint8Array): string {
  const bits = Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join('')
  let out = ''
  for (let i = 0; i < bits.length; i += 5) out += BASE32_ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)]
  return out
}

function mustParse(input: string): ParsedCounterCode {
  const parsed = parseCounterCode(input)
  expect(parsed, input).not.toBeNull()
  return parsed!
}

describe('counter codes (screen mode)', () => {
  it('are S1.<partnerId>.<30-s step>.<12 base32 characters of HMAC-SHA256(key, "S1.<partnerId>.<step>")>', async () => {
    const key = newKey()
    const code = await createCounterCode(key, 'cafe-shachar', NOON)
    const step = Math.floor(NOON / STEP_MS)
    const mac = createHmac('sha256', key).update(`S1.cafe-shachar.${step}`).digest()
    expect(code).toBe(`S1.cafe-shachar.${step}.${referenceBase32(new Uint8Array(mac)).slice(0, 12)}`)
    expect(counterStep(NOON)).toBe(step)
  })

  it('sign and verify: the same step and one step either side pass by the verifier’s clock', async () => {
    const key = newKey()
    const code = mustParse(await createCounterCode(key, 'cafe-shachar', NOON))
    expect(await verifyCounterCode(key, code, NOON)).toBe('ok')
    expect(await verifyCounterCode(key, code, NOON + STEP_MS)).toBe('ok')
    expect(await verifyCounterCode(key, code, NOON - STEP_MS)).toBe('ok')
  })

  it('are refused two steps away: a screenshot is worthless a minute later', async () => {
    const key = newKey()
    const code = mustParse(await createCounterCode(key, 'cafe-shachar', NOON))
    expect(await verifyCounterCode(key, code, NOON + 2 * STEP_MS)).toBe('expired')
    expect(await verifyCounterCode(key, code, NOON - 2 * STEP_MS)).toBe('expired')
    expect(await verifyCounterCode(key, code, NOON + 3 * 60_000)).toBe('expired')
  })

  it('are refused under another partner’s key, or renamed to another partner', async () => {
    const keyA = newKey()
    const keyB = newKey()
    const fromA = mustParse(await createCounterCode(keyA, 'cafe-shachar', NOON))
    expect(await verifyCounterCode(keyB, fromA, NOON)).toBe('forged')
    // Partner A's code with B's name on it: B's key does not sign it, nor does A's under B's name.
    const renamed = { ...fromA, partnerId: 'gan-toys' }
    expect(await verifyCounterCode(keyB, renamed, NOON)).toBe('forged')
    expect(await verifyCounterCode(keyA, renamed, NOON)).toBe('forged')
  })

  it('are refused when any character of the code or the step is altered', async () => {
    const key = newKey()
    const parsed = mustParse(await createCounterCode(key, 'cafe-shachar', NOON))
    for (let i = 0; i < parsed.code.length; i++) {
      const replacement = BASE32_ALPHABET[(BASE32_ALPHABET.indexOf(parsed.code[i]!) + 1) % 32]!
      const code = parsed.code.slice(0, i) + replacement + parsed.code.slice(i + 1)
      expect(await verifyCounterCode(key, { ...parsed, code }, NOON)).toBe('forged')
    }
    // Moving the step forward to look fresh breaks the signature.
    expect(await verifyCounterCode(key, { ...parsed, step: parsed.step + 6 }, NOON + 3 * 60_000)).toBe('forged')
  })

  it('count down to the next code', () => {
    expect(secondsToNextCounterStep(NOON)).toBe(30)
    expect(secondsToNextCounterStep(NOON + 29_000)).toBe(1)
    expect(secondsToNextCounterStep(NOON + 30_000)).toBe(30)
  })

  it('parse from the link the screen shows, and refuse malformed text', async () => {
    const key = newKey()
    const code = await createCounterCode(key, 'cafe-shachar', NOON)
    expect(mustParse(posterLink(ORIGIN, code))).toEqual(mustParse(code))
    const [, , step, mac] = code.split('.')
    for (const bad of [
      '',
      `S1.cafe-shachar.${step}`,
      `S2.cafe-shachar.${step}.${mac}`,
      `S1.Cafe.${step}.${mac}`,
      `S1.cafe-shachar.-1.${mac}`,
      `S1.cafe-shachar.${step}.${mac!.slice(1)}`,
      `S1.cafe-shachar.${step}.${mac!.toLowerCase()}`,
      `S1.cafe-shachar.${step}.${mac}.X`,
    ]) {
      expect(parseCounterCode(bad), bad).toBeNull()
    }
  })
})

describe('parseVisitCode', () => {
  it('tells a poster from a counter screen, and neither from a card', async () => {
    const key = newKey()
    expect(parseVisitCode(await createPosterCode(key, 'carmel-books', 2))).toMatchObject({ mode: 'printed', partnerId: 'carmel-books', version: 2 })
    expect(parseVisitCode(posterLink(ORIGIN, await createCounterCode(key, 'cafe-shachar', NOON)))).toMatchObject({
      mode: 'screen',
      partnerId: 'cafe-shachar',
      step: counterStep(NOON),
    })
    expect(parseVisitCode('V1.12345678.1000.ABCDEFGHIJ')).toBeNull()
    expect(parseVisitCode('hello')).toBeNull()
  })
})
