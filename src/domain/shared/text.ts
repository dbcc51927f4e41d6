/**
 * Text that members write (names now; reviews, posts and comments later) goes through this file
 * and nowhere else. The app shows member text as text with `dir="auto"`, never as HTML, so markup
 * is left alone: the threats here are characters that change how *other* text is displayed or
 * that cannot be seen — bidi overrides that reverse a line ("evil‮gpj.exe"), zero-width
 * characters that make two equal-looking names differ, control characters, and lengths that are
 * short in characters but huge in code points.
 *
 * Two policies, on purpose:
 * - `validateName` (names and other one-line identifiers) **refuses**: the member sees why and
 *   fixes it, and nothing they typed is silently changed except spacing.
 * - `cleanText` (long free text) **strips**: a stray mark pasted into a review is not worth
 *   refusing the review for.
 * Both keep Hebrew niqqud and every combining mark, emoji with their joiners and skin tones, and
 * the zero-width non-joiner between letters of the scripts that need it (free text only).
 */

/** A name is 2–60 user-perceived characters (graphemes). */
export const NAME_MIN = 2
export const NAME_MAX = 60
/**
 * A name's stored length in UTF-16 units: bounds names made of a few graphemes carrying many
 * combining marks, and is what firestore.rules checks (it cannot count graphemes).
 */
export const NAME_MAX_UNITS = 120

export type NameRefusal = 'too-short' | 'too-long' | 'forbidden-characters' | 'only-symbols'
export type NameCheck = { ok: true; name: string } | { ok: false; reason: NameRefusal }

export type TextRefusal = 'too-short' | 'too-long'
export type TextCheck = { ok: true; text: string } | { ok: false; reason: TextRefusal }

export interface TextOptions {
  /** Keep line breaks (at most one blank line in a row); otherwise they become spaces. */
  multiline?: boolean
}

const LINE_BREAK = /^[\n\r\u0085\u2028\u2029]$/u
const SPACE = /^[\t\p{Zs}]$/u
const CONTROL = /^\p{Cc}$/u
/** Embeddings, overrides, isolates and the directional marks (LRM, RLM, ALM). */
const BIDI = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u
/** Format characters and the other invisible code points (soft hyphen, fillers, tags …). */
const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Co}\p{Cs}]$/u
const VARIATION_SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u
const EMOJI_PRESENTATION = '\uFE0F'
const SKIN_TONE = /^[\u{1F3FB}-\u{1F3FF}]$/u
const ZWJ = '\u200D'
const ZWNJ = '\u200C'
const BLACK_FLAG = '\u{1F3F4}'
const TAG = /^[\u{E0020}-\u{E007F}]$/u
const CANCEL_TAG = '\u{E007F}'
const LETTER = /\p{L}/u

/**
 * Where emoji live, as firestore.rules spell it: the rules' regex engine has old Unicode tables
 * (🏳 and 🧑 are not `\p{So}` there), so both sides name the blocks instead.
 */
const EMOJI_BLOCKS =
  /^[\u00A9\u00AE\u203C\u2049\u2122\u2139\u2194-\u21AA\u231A-\u23FF\u24C2\u25AA-\u27BF\u2934\u2935\u2B05-\u2B55\u3030\u303D\u3297\u3299\u{1F000}-\u{1FAFF}]$/u

/** An emoji that may carry FE0F or take part in a ZWJ sequence (so the rules accept it too). */
function isEmoji(cp: string | undefined): boolean {
  return cp !== undefined && /^\p{Extended_Pictographic}$/u.test(cp) && EMOJI_BLOCKS.test(cp)
}

/** Scripts whose spelling uses ZWJ and ZWNJ between letters (Persian, Urdu, Indic scripts). */
const JOINING_SCRIPT =
  /^[\p{Script_Extensions=Arabic}\p{Script_Extensions=Syriac}\p{Script_Extensions=Devanagari}\p{Script_Extensions=Bengali}\p{Script_Extensions=Gurmukhi}\p{Script_Extensions=Gujarati}\p{Script_Extensions=Oriya}\p{Script_Extensions=Tamil}\p{Script_Extensions=Telugu}\p{Script_Extensions=Kannada}\p{Script_Extensions=Malayalam}\p{Script_Extensions=Sinhala}]$/u

interface Scan {
  text: string
  /** Code points dropped because they are not allowed where they stood. */
  dropped: number
}

/**
 * One pass over the code points. `out` holds what is kept, so each decision looks at the kept
 * character before it (an emoji's base) and the raw one after it.
 */
function scan(input: string, { multiline, scriptJoiners }: { multiline: boolean; scriptJoiners: boolean }): Scan {
  const cps = Array.from(input.normalize('NFC'))
  const out: string[] = []
  let dropped = 0
  const drop = () => void dropped++
  /** The kept text ends with an emoji, itself or with one FE0F or skin tone after it. */
  const endsWithEmoji = () => {
    const last = out[out.length - 1]
    if (isEmoji(last)) return true
    return last !== undefined && (last === EMOJI_PRESENTATION || SKIN_TONE.test(last)) && isEmoji(out[out.length - 2])
  }
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!
    const next = cps[i + 1]
    const prev = out[out.length - 1]
    if (cp === '\r' && next === '\n') continue
    if (LINE_BREAK.test(cp)) out.push(multiline ? '\n' : ' ')
    else if (SPACE.test(cp)) out.push(' ')
    else if (CONTROL.test(cp) || BIDI.test(cp)) drop()
    else if (cp === ZWJ) {
      const emoji = endsWithEmoji() && isEmoji(next)
      const script = scriptJoiners && prev !== undefined && JOINING_SCRIPT.test(prev) && next !== undefined && JOINING_SCRIPT.test(next)
      if (emoji || script) out.push(cp)
      else drop()
    } else if (cp === ZWNJ) {
      if (scriptJoiners && prev !== undefined && JOINING_SCRIPT.test(prev) && next !== undefined && JOINING_SCRIPT.test(next)) out.push(cp)
      else drop()
    } else if (cp === EMOJI_PRESENTATION) {
      if (isEmoji(prev)) out.push(cp)
      else drop()
    } else if (VARIATION_SELECTOR.test(cp)) {
      // Text presentation and the ideographic variants: only after a visible character.
      if (scriptJoiners && prev !== undefined && !/^\s$/u.test(prev) && !INVISIBLE.test(prev)) out.push(cp)
      else drop()
    } else if (TAG.test(cp)) {
      // Subdivision flags (🏴 + tag letters + cancel tag), e.g. Scotland; tags anywhere else hide text.
      const inFlag = prev === BLACK_FLAG || (prev !== undefined && TAG.test(prev) && prev !== CANCEL_TAG)
      if (inFlag) out.push(cp)
      else drop()
    } else if (INVISIBLE.test(cp)) drop()
    else out.push(cp)
  }
  // A flag sequence must end with the cancel tag; an unfinished one is hidden text.
  const text = out.join('').replace(/\u{1F3F4}[\u{E0020}-\u{E007E}]+(?![\u{E0020}-\u{E007F}])/gu, (run) => {
    dropped += Array.from(run).length - 1
    return BLACK_FLAG
  })
  return { text, dropped }
}

function tidySpaces(text: string, multiline: boolean): string {
  if (!multiline) return text.replace(/ {2,}/g, ' ').trim()
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

// Made on first use, so a bundle that imports this file without counting carries no segmenter.
let segmenter: Intl.Segmenter | null | undefined

/**
 * User-perceived characters: "👩‍💻" is 1, "שָׁלוֹם" is 4. Without Intl.Segmenter (Firefox before
 * 125) an approximation that keeps emoji sequences and combining marks together.
 */
export function graphemeCount(text: string): number {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null
  }
  if (segmenter) return Array.from(segmenter.segment(text)).length
  const clusters = text.match(
    /\r\n|\p{Regional_Indicator}{2}|\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]*(?:\u200D\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]*)*|[\s\S]\p{M}*/gu,
  )
  return clusters?.length ?? 0
}

/**
 * Free text, stripped: NFC, no control, bidi or stray invisible characters, spaces collapsed,
 * trimmed. Line breaks are kept only when `multiline` (at most one blank line in a row).
 */
export function cleanText(input: string, options: TextOptions = {}): string {
  const multiline = options.multiline ?? false
  return tidySpaces(scan(input, { multiline, scriptJoiners: true }).text, multiline)
}

/** `cleanText`, then a length in graphemes between `min` and `max`. */
export function checkText(input: string, options: TextOptions & { min?: number; max: number }): TextCheck {
  const text = cleanText(input, options)
  const length = graphemeCount(text)
  if (length < (options.min ?? 1)) return { ok: false, reason: 'too-short' }
  if (length > options.max) return { ok: false, reason: 'too-long' }
  return { ok: true, text }
}

/**
 * A member's name, refused rather than repaired: only spacing is normalised (runs of spaces,
 * tabs or line breaks become one space; ends trimmed). Anything `cleanText` would strip — a
 * control, bidi or zero-width character, ZWJ outside an emoji sequence, ZWNJ, a stray variation
 * selector or tag — refuses the name, as does one without a letter (only digits, emoji or
 * punctuation). firestore.rules check a looser version of the same (see validName there), so
 * every name accepted here is accepted by the rules.
 */
export function validateName(input: string): NameCheck {
  if (typeof input !== 'string') return { ok: false, reason: 'forbidden-characters' }
  const scanned = scan(input, { multiline: false, scriptJoiners: false })
  if (scanned.dropped > 0) return { ok: false, reason: 'forbidden-characters' }
  const name = tidySpaces(scanned.text, false)
  const length = graphemeCount(name)
  if (length < NAME_MIN) return { ok: false, reason: 'too-short' }
  if (length > NAME_MAX || name.length > NAME_MAX_UNITS) return { ok: false, reason: 'too-long' }
  if (!LETTER.test(name)) return { ok: false, reason: 'only-symbols' }
  return { ok: true, name }
}
