import { DENY_WORDS } from './deny-words'

/**
 * The automatic checks every piece of member text goes through before it is shown to others
 * (reviews, posts, comments): a word list, links and phone numbers. None of them refuses text;
 * they hold it for a person to read.
 */

/**
 * Folds text for matching, not for display: NFKD, every combining mark dropped (niqqud,
 * cantillation, Latin accents), lowercase, Hebrew final letters as their base letters
 * (ך ם ן ף ץ → כ מ נ פ צ), anything else than letters and digits a single space.
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ךםןףץ]/g, (ch) => ({ ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' })[ch]!)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** One-letter Hebrew prefixes (ו, ה, ב, כ, ל, מ, ש) that may stick to a word, up to three of them. */
const HEBREW_PREFIXES = /^[והבכלמש]{1,3}$/

function wordMatches(token: string, word: string): boolean {
  if (token === word) return true
  if (!/^[\u05D0-\u05EA]/.test(word) || !token.endsWith(word)) return false
  return HEBREW_PREFIXES.test(token.slice(0, token.length - word.length))
}

/** The deny-list entries the text contains as whole words (folded on both sides). */
export function deniedWords(text: string, words: readonly string[] = DENY_WORDS): string[] {
  const tokens = foldForMatch(text).split(' ').filter(Boolean)
  const hits: string[] = []
  for (const entry of words) {
    const parts = foldForMatch(entry).split(' ')
    const found = tokens.some((_, i) => parts.every((part, j) => {
      const token = tokens[i + j]
      return token !== undefined && (j === 0 ? wordMatches(token, part) : token === part)
    }))
    if (found) hits.push(entry)
  }
  return hits
}

const LINK = /(?:https?:\/\/|www\.|[\p{L}\p{N}-]+\.(?:com|net|org|io|co|il|ly|me|info|biz|app|xyz)\b)/iu
/** Seven or more digits in a row once spaces, dots and dashes between them are ignored. */
const PHONE = /(?:\+?\d[\s.\-()]*){7,}/u

export function hasLink(text: string): boolean {
  return LINK.test(text)
}

export function hasPhone(text: string): boolean {
  return PHONE.test(text.normalize('NFKC'))
}
