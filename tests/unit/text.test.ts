import { describe, expect, it, vi } from 'vitest'
import { NAME_MAX, checkText, cleanText, graphemeCount, validateName } from '@/domain/shared/text'

const RLO = '\u202E'
const RLM = '\u200F'
const ZWSP = '\u200B'
const ZWJ = '\u200D'

describe('cleanText (free text: strips)', () => {
  it('leaves Hebrew with niqqud exactly as written', () => {
    const verse = 'שָׁלוֹם עֲלֵיכֶם, בְּרוּכִים הַבָּאִים'
    expect(cleanText(verse)).toBe(verse)
    expect(graphemeCount('שָׁלוֹם')).toBe(4)
  })

  it('keeps emoji ZWJ sequences, skin tones and flags whole', () => {
    const text = 'צוות 👩‍💻 משפחה 👨‍👩‍👧 👩🏽‍💻 🏳️‍🌈 ❤️‍🔥 🏴󠁧󠁢󠁳󠁣󠁴󠁿'
    expect(cleanText(text)).toBe(text)
    expect(graphemeCount('👨‍👩‍👧')).toBe(1)
  })

  it('removes bidi embeddings, overrides, isolates and directional marks', () => {
    expect(cleanText(`invoice${RLO}fdp.exe`)).toBe('invoicefdp.exe')
    expect(cleanText('\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069h')).toBe('abcdefgh')
    expect(cleanText(`דנה${RLM} Levi\u200E\u061C`)).toBe('דנה Levi')
  })

  it('removes zero-width characters, and ZWJ outside an emoji sequence', () => {
    expect(cleanText(`Da${ZWSP}na\uFEFF Le\u2060vi`)).toBe('Dana Levi')
    expect(cleanText(`Da${ZWJ}na`)).toBe('Dana')
    expect(cleanText(`👩${ZWJ}`)).toBe('👩')
    expect(cleanText(`a\u200Cb`)).toBe('ab')
  })

  it('keeps ZWNJ between letters of a script that spells with it (Persian)', () => {
    expect(cleanText('می\u200Cخواهم')).toBe('می\u200Cخواهم')
  })

  it('removes C0 and C1 control characters; tabs and line breaks are spacing', () => {
    expect(cleanText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Bg')).toBe('abcde fg')
    expect(cleanText('one\ttwo\r\nthree')).toBe('one two three')
  })

  it('keeps line breaks only in multiline text, at most one blank line in a row', () => {
    expect(cleanText('  first  line \r\n\r\n\r\n\n second\u2028third  ', { multiline: true })).toBe('first line\n\nsecond\nthird')
  })

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301'
    expect(cleanText(decomposed)).toBe('Caf\u00E9')
    expect(cleanText(decomposed).length).toBe(4)
  })

  it('leaves HTML as plain text: not escaped, not removed (the app never renders it as HTML)', () => {
    const html = '<img src=x onerror="alert(1)"> & <b>bold</b>'
    expect(cleanText(html)).toBe(html)
  })

  it('removes soft hyphens, fillers, private-use characters and lone surrogates', () => {
    expect(cleanText('a\u00ADb\u3164c\uE000d\uD800e')).toBe('abcde')
  })
})

describe('checkText (length in graphemes)', () => {
  it('counts emoji sequences as one character', () => {
    expect(checkText('👨‍👩‍👧'.repeat(10), { max: 10 })).toEqual({ ok: true, text: '👨‍👩‍👧'.repeat(10) })
    expect(checkText('👨‍👩‍👧'.repeat(11), { max: 10 })).toEqual({ ok: false, reason: 'too-long' })
  })
  it('refuses a 5,000-character string over the limit, and text that is empty once cleaned', () => {
    expect(checkText('x'.repeat(5000), { max: 2000 })).toEqual({ ok: false, reason: 'too-long' })
    expect(checkText(`${ZWSP}${RLO} \n`, { max: 2000 })).toEqual({ ok: false, reason: 'too-short' })
  })
})

describe('graphemeCount without Intl.Segmenter (Firefox before 125)', () => {
  it('keeps emoji sequences, flags and combining marks together', async () => {
    const segmenter = Intl.Segmenter
    Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true, writable: true })
    try {
      vi.resetModules()
      const { graphemeCount: approximate } = await import('@/domain/shared/text')
      expect(approximate('👨‍👩‍👧')).toBe(1)
      expect(approximate('👩🏽‍💻')).toBe(1)
      expect(approximate('🇮🇱🏴󠁧󠁢󠁳󠁣󠁴󠁿')).toBe(2)
      expect(approximate('שָׁלוֹם')).toBe(4)
      expect(approximate('Dana Levi')).toBe(9)
    } finally {
      Object.defineProperty(Intl, 'Segmenter', { value: segmenter, configurable: true, writable: true })
      vi.resetModules()
    }
  })
})

describe('validateName (names: refuses)', () => {
  it('accepts Hebrew with niqqud, Arabic, English and an emoji sequence, normalising only spacing', () => {
    expect(validateName('  יוֹסֵף   כֹּהֵן ')).toEqual({ ok: true, name: 'יוֹסֵף כֹּהֵן' })
    expect(validateName('מוחמד חלבי')).toEqual({ ok: true, name: 'מוחמד חלבי' })
    expect(validateName('Dana\tLevi\n')).toEqual({ ok: true, name: 'Dana Levi' })
    expect(validateName('Dana 👩‍💻')).toEqual({ ok: true, name: 'Dana 👩‍💻' })
    expect(validateName('Noa 👩🏽‍💻 🏳️‍🌈')).toEqual({ ok: true, name: 'Noa 👩🏽‍💻 🏳️‍🌈' })
  })

  it('stores the NFC form', () => {
    expect(validateName('Rene\u0301')).toEqual({ ok: true, name: 'Ren\u00E9' })
  })

  it.each([
    ['a bidi override (U+202E)', `Dana${RLO}iveL`],
    ['an unfinished flag (hidden tags)', 'Dana \u{1F3F4}\u{E0067}\u{E0062}'],
    ['a right-to-left mark', `דנה${RLM}`],
    ['an isolate', 'Dana\u2067Levi\u2069'],
    ['a zero-width space', `Da${ZWSP}na`],
    ['a byte-order mark', '\uFEFFDana'],
    ['ZWJ between letters', `Da${ZWJ}na`],
    ['a ZWNJ', 'Da\u200Cna'],
    ['a control character', 'Dana\u0007'],
    ['a C1 control character', 'Dana\u009B'],
    ['a stray variation selector', 'Dana\uFE0F'],
    ['tag characters (hidden text)', 'Dana\u{E0068}\u{E0069}'],
    ['a soft hyphen', 'Da\u00ADna'],
    ['a Hangul filler', 'Dana\u3164'],
  ])('refuses a name with %s', (_label, name) => {
    expect(validateName(name)).toEqual({ ok: false, reason: 'forbidden-characters' })
  })

  it('counts length in graphemes, and bounds the stored length', () => {
    expect(validateName('D')).toEqual({ ok: false, reason: 'too-short' })
    expect(validateName('  ')).toEqual({ ok: false, reason: 'too-short' })
    expect(validateName('א'.repeat(NAME_MAX))).toEqual({ ok: true, name: 'א'.repeat(NAME_MAX) })
    expect(validateName('א'.repeat(NAME_MAX + 1))).toEqual({ ok: false, reason: 'too-long' })
    expect(validateName('x'.repeat(5000))).toEqual({ ok: false, reason: 'too-long' })
    // 30 graphemes, but 150 code units of stacked marks.
    expect(validateName('a\u0301\u0302\u0303\u0304\u0305'.repeat(30))).toEqual({ ok: false, reason: 'too-long' })
    expect(validateName(`Dana ${'👨‍👩‍👧'.repeat(10)}`).ok).toBe(true)
  })

  it('refuses a name without a letter', () => {
    expect(validateName('12345')).toEqual({ ok: false, reason: 'only-symbols' })
    expect(validateName('🦄🦄')).toEqual({ ok: false, reason: 'only-symbols' })
    expect(validateName('<>!!')).toEqual({ ok: false, reason: 'only-symbols' })
  })

  it('keeps markup as the text it is', () => {
    expect(validateName('<b>Dana</b>')).toEqual({ ok: true, name: '<b>Dana</b>' })
  })
})
