import { parseReferralCode } from './referral-code'

/**
 * The invitation a referral link brings (`/?ref=<code>&from=<first name>`), kept on the device
 * from the visitors' landing page through sign-up until the friend joins. Both the landing page's
 * script (no framework) and the app read and write it through these functions, so they agree on
 * the key, the checks and the shape.
 */
export const INVITE_STORAGE_KEY = 'moadon.referral'

/** The inviter's first name arrives in the link, so it is untrusted text: cleaned and kept short. */
export const INVITER_NAME_MAX = 40

export interface ReferralInvite {
  code: string
  /** The inviter's first name, as the link carried it, cleaned (may be empty). */
  from: string
}

type InviteStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/**
 * Controls, format characters (bidi embeddings, overrides, isolates and marks, zero-width
 * characters) and private-use or lone surrogate code points; the zero-width joiner stays, since it
 * only joins emoji (👩‍💻) and cannot reorder text. Names the club stored passed `validateName`
 * already; this is for a link someone edited. (Not `cleanText`: the router calls this on every
 * navigation, and the card route should not carry the full sanitiser.)
 */
const HIDDEN = /(?!\u200D)[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu

/**
 * The name as it may be shown: without hidden characters (a U+202E in a link must not reorder the
 * page's sentence), spaces collapsed, at most `INVITER_NAME_MAX` user-perceived characters.
 */
export function inviterName(input: unknown): string {
  if (typeof input !== 'string') return ''
  // Cut long input first: a link can carry kilobytes, a first name never does.
  const text = input
    .slice(0, INVITER_NAME_MAX * 8)
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(HIDDEN, '')
    .replace(/ {2,}/g, ' ')
    .trim()
  const graphemes =
    typeof Intl.Segmenter === 'function'
      ? Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (part) => part.segment)
      : Array.from(text)
  return graphemes.length > INVITER_NAME_MAX ? graphemes.slice(0, INVITER_NAME_MAX).join('').trim() : text
}

/** The invitation in a link's query (`ref`, `from`), or null when it carries no valid code. */
export function inviteFromQuery(query: { ref?: unknown; from?: unknown }): ReferralInvite | null {
  const code = typeof query.ref === 'string' ? parseReferralCode(query.ref) : null
  return code ? { code, from: inviterName(query.from) } : null
}

/** Remembers the invitation a link brought; a link without a valid code leaves the stored one. */
export function rememberInviteIn(storage: InviteStorage, query: { ref?: unknown; from?: unknown }): ReferralInvite | null {
  const invite = inviteFromQuery(query)
  if (!invite) return null
  try {
    storage.setItem(INVITE_STORAGE_KEY, JSON.stringify(invite))
  } catch {
    // Blocked storage: the invitation still shows on this page, it just isn't carried to sign-up.
  }
  return invite
}

export function storedInvite(storage: InviteStorage): ReferralInvite | null {
  try {
    const stored = JSON.parse(storage.getItem(INVITE_STORAGE_KEY) ?? 'null') as { code?: unknown; from?: unknown } | null
    return stored && typeof stored === 'object' ? inviteFromQuery({ ref: stored.code, from: stored.from }) : null
  } catch {
    return null
  }
}

export function forgetInviteIn(storage: InviteStorage): void {
  try {
    storage.removeItem(INVITE_STORAGE_KEY)
  } catch {
    // Blocked storage holds nothing to forget.
  }
}
