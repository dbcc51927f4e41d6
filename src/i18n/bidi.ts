/**
 * Bidirectional text in sentences. A number with a sign, a code, a member number or a Latin name
 * inside Hebrew (or a Hebrew name inside English) is isolated with U+2066–2069, so the Unicode
 * bidi algorithm lays it out on its own: "+30 נקודות" stays "+30", not "30+". Plain-text
 * isolates rather than <bdi>, because the same sentences go to aria-live announcements, share
 * texts and the clipboard.
 */

const LRI = '\u2066'
const FSI = '\u2068'
const PDI = '\u2069'
const MAQAF = '\u05BE'

const ISOLATED = /^[\u2066-\u2068]/u
/** Hebrew text with nothing whose direction could differ: letters, spaces, Hebrew punctuation. */
const PLAIN_HEBREW = /^[\p{Script=Hebrew}\s'’"׳״\-־.,!?()]*$/u
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}]/u

/** Wraps text that reads left to right whatever its first character (signed numbers, codes). */
export function isolateLtr(text: string): string {
  return ISOLATED.test(text) ? text : `${LRI}${text}${PDI}`
}

/**
 * Wraps text in a first-strong isolate when its direction may differ from the sentence's: in
 * Hebrew anything that is not plain Hebrew, in English anything with right-to-left letters.
 */
export function isolate(text: string, locale: string): string {
  if (text === '' || ISOLATED.test(text)) return text
  const needed = locale.startsWith('he') ? !PLAIN_HEBREW.test(text) : RIGHT_TO_LEFT.test(text)
  return needed ? `${FSI}${text}${PDI}` : text
}

/**
 * A one-letter Hebrew prefix (ב, ה, ו, כ, ל, מ, ש) takes a maqaf before digits or Latin letters:
 * "ב־H&O", "ב־12". Messages write the prefix glued to a placeholder ("ב{partner}"), so the maqaf
 * is added once the values are in.
 */
const PREFIX_BEFORE_LTR = /(^|[\s("“'—–])([בהוכלמש])(?=[\u2066-\u2068]?[\p{Script=Latin}\p{Nd}])/gu

export function prefixMaqaf(text: string): string {
  return text.replace(PREFIX_BEFORE_LTR, `$1$2${MAQAF}`)
}
