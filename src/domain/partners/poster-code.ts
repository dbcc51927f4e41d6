import { base32, constantTimeEqual, hmacSha256 } from '../shared/crypto'
import { SLUG_PATTERN } from '../shared/paths'

/**
 * A printed visit code: `P2.<partnerId>.<version>.<signature>`, signed with the club's poster
 * key (server-only), so a poster cannot be forged or altered to name another store. The version
 * lets the operator re-issue a partner's poster: the server accepts only the current version, so
 * a photo of the old poster passed around stops working the moment the new one is printed.
 * The QR encodes a link to the app's /check-in page, so a phone's own camera opens the app.
 */
export const POSTER_VERSION = 'P2'
const SIGNATURE_LENGTH = 16

export interface ParsedPosterCode {
  partnerId: string
  version: number
  signature: string
}

const PARTNER_ID = SLUG_PATTERN

export async function posterSignature(key: Uint8Array, partnerId: string, version: number): Promise<string> {
  return base32(await hmacSha256(key, `${POSTER_VERSION}.${partnerId}.${version}`)).slice(0, SIGNATURE_LENGTH)
}

export async function createPosterCode(key: Uint8Array, partnerId: string, version: number): Promise<string> {
  return `${POSTER_VERSION}.${partnerId}.${version}.${await posterSignature(key, partnerId, version)}`
}

/**
 * The code a scan carries: a scanned poster or counter screen is a link, so take its `c`
 * parameter; anything else is taken as the code itself. Null for a damaged link.
 */
export function visitCodeText(input: string): string | null {
  const text = input.trim()
  const match = /[?&]c=([^&#]+)/.exec(text)
  if (!match?.[1]) return text
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null // Broken %-encoding is just not a code.
  }
}

export function parsePosterCode(input: string): ParsedPosterCode | null {
  const text = visitCodeText(input)
  if (text === null) return null
  const parts = text.split('.')
  if (parts.length !== 4 || parts[0] !== POSTER_VERSION) return null
  const [, partnerId, versionText, signature] = parts as [string, string, string, string]
  if (!PARTNER_ID.test(partnerId) || !/^[1-9]\d{0,8}$/.test(versionText) || !/^[A-Z2-7]{16}$/.test(signature)) return null
  return { partnerId, version: Number(versionText), signature }
}

/** The signature only: whether the version is still the current one is the server's question. */
export async function verifyPosterCode(key: Uint8Array, code: ParsedPosterCode): Promise<boolean> {
  return constantTimeEqual(await posterSignature(key, code.partnerId, code.version), code.signature)
}

/** The link a poster's or a counter screen's QR carries. */
export function posterLink(origin: string, code: string): string {
  return `${origin}/check-in?c=${encodeURIComponent(code)}`
}
