import { base32, constantTimeEqual, hmacSha256 } from './crypto'

/**
 * A partner's check-in poster carries `P1.<partnerId>.<signature>`, signed with the club's poster
 * key (server-only), so a poster cannot be forged or altered to name another store.
 * The QR encodes a link to the app's /check-in page, so a phone's own camera opens the app.
 */
export const POSTER_VERSION = 'P1'
const SIGNATURE_LENGTH = 16

export async function posterSignature(key: Uint8Array, partnerId: string): Promise<string> {
  return base32(await hmacSha256(key, `${POSTER_VERSION}.${partnerId}`)).slice(0, SIGNATURE_LENGTH)
}

export async function createPosterCode(key: Uint8Array, partnerId: string): Promise<string> {
  return `${POSTER_VERSION}.${partnerId}.${await posterSignature(key, partnerId)}`
}

export function parsePosterCode(input: string): { partnerId: string; signature: string } | null {
  let text = input.trim()
  // A scanned poster is a link: take its `c` parameter.
  const match = /[?&]c=([^&#]+)/.exec(text)
  if (match?.[1]) {
    try {
      text = decodeURIComponent(match[1])
    } catch {
      return null // A damaged link (broken %-encoding) is just not a poster code.
    }
  }
  const parts = text.split('.')
  if (parts.length !== 3 || parts[0] !== POSTER_VERSION) return null
  const [, partnerId, signature] = parts as [string, string, string]
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(partnerId) || !/^[A-Z2-7]{16}$/.test(signature)) return null
  return { partnerId, signature }
}

export async function verifyPosterCode(key: Uint8Array, code: { partnerId: string; signature: string }): Promise<boolean> {
  return constantTimeEqual(await posterSignature(key, code.partnerId), code.signature)
}

export function posterLink(origin: string, code: string): string {
  return `${origin}/check-in?c=${encodeURIComponent(code)}`
}
