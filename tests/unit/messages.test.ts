// The copy rules of ../shared/COPY.md that a machine can check, over both message catalogues, the
// demo club's texts and the app's calls into the catalogues. A rule broken here is a string that
// reads as translated (or a plain bug) on some screen.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoConfig, demoPartners, demoRewards } from '../../scripts/demo-club'
import { dayText, momentText } from '@/composables/use-format'
import { isolate, isolateLtr, prefixMaqaf } from '@/i18n/bidi'
import en from '@/i18n/en'
import he from '@/i18n/he'

type Catalogue = Record<string, unknown>

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]]
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key))
}

const heMessages = new Map(flatten(he as Catalogue))
const enMessages = new Map(flatten(en as Catalogue))

/**
 * How counts are marked: a placeholder with one of these names is a number that a noun follows
 * ("{points} נקודות"), so its message must come in plural forms — three in Hebrew (one | two |
 * other: נקודה אחת | שתי נקודות | 5 נקודות), two in English. A number that stands alone takes
 * another name: {balance}, {amount} (already in words, e.g. "1,200 נקודות" or "₪40"),
 * {distance}, {multiplier}, {number}.
 */
const COUNT_PARAMS = ['count', 'n', 'points', 'friends', 'visits', 'goal', 'max', 'months', 'days', 'hours', 'minutes', 'seconds', 'stores']
const FORMS = { he: 3, en: 2 } as const

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
const forms = (message: string) => message.split(' | ')
const countParams = (message: string) => placeholders(message).filter((p) => COUNT_PARAMS.includes(p))
const isPlural = (message: string) => message.includes(' | ')

/** Hebrew words that say the wrong idea, with the word to use instead (COPY.md, glossary). */
const HEBREW_DENY: [RegExp, string][] = [
  [/\/(ה|ת|ים|ות|תה)(?![א-ת])/u, 'a slash form: a form that is the same for both genders'],
  [/(^|[^א-ת])את\/ה/u, 'a slash form'],
  [/(^|[^א-ת])[שוהכלב]?את(ם|ן)(?![א-ת])/u, '"אתם" to one person: a form that is the same for both genders'],
  [/(^|[^א-ת])[שוהכלב]?(לכם|שלכם|אתכם|אליכם|בשבילכם)(?![א-ת])/u, 'addressing one person in the plural'],
  [/(^|[^א-ת])(הציגו|סרקו|בחרו|לחצו|הקישו|הזינו|בדקו|נסו)(?![א-ת])/u, 'a plural imperative for an instruction: the impersonal present (מציגים)'],
  [/סריקת כניסה|סורקים כניסה|סרקת כניסה|לסרוק כניסה/u, '"סריקת כניסה": ביקור'],
  [/דוא״ל|דואר אלקטרוני/u, '"דוא״ל": אימייל'],
  [/(^|[^א-ת])כסף(?![א-ת])/u, '"כסף" (reads as money): סילבר for the tier, שקלים or ₪ for money'],
  [/(^|[^א-ת])(זהב|פלטינה)(?![א-ת])/u, 'tier names: גולד, פלטינום'],
  [/(^|[^א-ת])(פרס|פרסים|הפרס|לפרס)(?![א-ת])/u, '"פרס": הטבה (catalogue) or בונוס (extra points)'],
  [/(^|[^\d.,])1 נקודות/u, '"1 נקודות": through plural forms'],
  [/₪1(?!\d)/u, '"₪1": "נקודה על כל שקל"'],
  [/״[א-ת]{2,}״/u, 'gershayim as quotes: “…”'],
]

const ENGLISH_DENY: [RegExp, string][] = [
  [/\bE-mail\b|\be-mail\b/, 'Email'],
  [/\bscan(ned)? in\b|\bcheck(ed)?[- ]in\b/i, 'one word per idea: Visit'],
  [/\b(neighbour|colour|favour|catalogue|centre|licence|cancelled|organis|recognis|realis)/i, 'US spelling'],
  [/\b(do|does|did|is|are|was|were|could|would|should|have|has|had|will) not\b|\bcannot\b|\bYou are\b|\bYou have (already|reached|been)\b/, 'a contraction (don’t, can’t, you’re)'],
]

describe('message catalogues', () => {
  it('have the same keys in Hebrew and English', () => {
    expect([...heMessages.keys()].sort()).toEqual([...enMessages.keys()].sort())
  })

  it('use the same placeholders in both languages', () => {
    const differ = [...enMessages].filter(([key, message]) => {
      const other = heMessages.get(key)
      return other !== undefined && [...new Set(placeholders(message))].sort().join() !== [...new Set(placeholders(other))].sort().join()
    })
    expect(differ.map(([key]) => key)).toEqual([])
  })

  it('put every count through plural forms: one | two | other in Hebrew, one | other in English', () => {
    const wrong: string[] = []
    for (const [locale, messages] of [['he', heMessages], ['en', enMessages]] as const) {
      for (const [key, message] of messages) {
        if (countParams(message).length === 0 && !isPlural(message)) continue
        if (forms(message).length !== FORMS[locale]) wrong.push(`${locale} ${key}: ${forms(message).length} forms`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('never write "1 נקודות" or "1 points" once the count is in', () => {
    const wrong: string[] = []
    for (const [locale, messages] of [['he', heMessages], ['en', enMessages]] as const) {
      for (const [key, message] of messages) {
        if (!isPlural(message)) continue
        // The count that picks the form is the first one in the last form; any other count is 5.
        const driver = countParams(forms(message).at(-1)!)[0]
        const one = forms(message)[0]!.replace(/\{(\w+)\}/g, (_, p: string) => (p === driver ? '1' : COUNT_PARAMS.includes(p) ? '5' : 'X'))
        const plural = locale === 'he' ? /(^|[^\d.,])1 [א-ת]+(ות|ים)(?![א-ת])/u : /(^|[^\d.,])1 [a-z]+s\b/
        if (plural.test(one)) wrong.push(`${locale} ${key}: ${one}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('have no semicolons in UI text', () => {
    const wrong = [...heMessages, ...enMessages].filter(([, message]) => message.includes(';'))
    expect(wrong).toEqual([])
  })

  it('isolate signed numbers in Hebrew: "+{points}" only inside U+2066…2069, or signed by format.signedPoints', () => {
    const wrong = [...heMessages].filter(([, message]) => /(?<!\u2066)[+−]\{|[\u200e\u200f][+−]?\{/u.test(message))
    expect(wrong).toEqual([])
  })

  it('put a maqaf after a one-letter prefix before digits or Latin in Hebrew (ב־12)', () => {
    const wrong = [...heMessages].filter(([, message]) => /(^|[\s(])[בהוכלמש][A-Za-z0-9]/u.test(message))
    expect(wrong).toEqual([])
  })

  it('use the glossary in Hebrew: no slash forms, no "אתם", no words for the wrong idea', () => {
    const wrong = [...heMessages].flatMap(([key, message]) =>
      HEBREW_DENY.filter(([pattern]) => pattern.test(message)).map(([, why]) => `${key}: ${why}`),
    )
    expect(wrong).toEqual([])
  })

  it('write English in US spelling, with contractions and one word per idea', () => {
    const wrong = [...enMessages].flatMap(([key, message]) =>
      // Language names are written in their own language on purpose.
      key.startsWith('language.') ? [] : ENGLISH_DENY.filter(([pattern]) => pattern.test(message)).map(([, why]) => `${key}: ${why}`),
    )
    expect(wrong).toEqual([])
  })

  it('are checked by these rules: each rule catches the mistake it names', () => {
    const catches = (message: string) => HEBREW_DENY.some(([pattern]) => pattern.test(message))
    for (const bad of ['גם את/ה מקבל/ת', '{name} צבר/ה', 'לא זכאי/ת', 'נראה שאתם רחוקים', 'הציגו את הקוד', 'סריקת כניסה ב{partner}', 'כתובת דוא״ל', 'דרגת כסף שמורה לך', '1 נקודות לכל ₪1', 'לפרס של 50'])
      expect(catches(bad), bad).toBe(true)
    for (const good of ['מציגים את הקוד בקופה', 'קיבלת בונוס', 'הגעת לדרגת סילבר', 'נקודה על כל שקל', 'כתובת אימייל'])
      expect(catches(good), good).toBe(false)
    expect(countParams('חסרות לך {points} נקודות')).toEqual(['points'])
    expect(ENGLISH_DENY.some(([pattern]) => pattern.test('You are offline'))).toBe(true)
    expect(ENGLISH_DENY.some(([pattern]) => pattern.test('You’re offline'))).toBe(false)
  })
})

describe('the demo club', () => {
  const hebrew = [
    demoConfig.name.he,
    demoConfig.tagline.he,
    ...demoConfig.tiers.flatMap((tier) => [tier.name.he, ...tier.benefits.map((b) => b.he)]),
    ...demoConfig.interests.map((i) => i.label.he),
    ...demoConfig.earning.activities.map((a) => a.label.he),
    ...demoPartners.flatMap((p) => [p.name.he, p.address.he, p.hours.he, ...p.benefits.map((b) => b.he)]),
    ...demoRewards.flatMap((r) => [r.name.he, r.description.he]),
  ]
  const english = [
    demoConfig.name.en,
    ...demoConfig.tiers.flatMap((tier) => [tier.name.en, ...tier.benefits.map((b) => b.en)]),
    ...demoPartners.flatMap((p) => [p.name.en, ...p.benefits.map((b) => b.en)]),
    ...demoRewards.flatMap((r) => [r.name.en, r.description.en]),
  ]

  it('names the tiers סילבר, גולד, פלטינום', () => {
    expect(demoConfig.tiers.map((tier) => tier.name.he)).toEqual(['סילבר', 'גולד', 'פלטינום'])
  })

  it('follows the glossary and the rules in Hebrew and English', () => {
    const wrong = [
      ...hebrew.flatMap((text) => HEBREW_DENY.filter(([pattern]) => pattern.test(text)).map(([, why]) => `${text}: ${why}`)),
      ...english.flatMap((text) => ENGLISH_DENY.filter(([pattern]) => pattern.test(text)).map(([, why]) => `${text}: ${why}`)),
      ...[...hebrew, ...english].filter((text) => text.includes(';')),
      // A reward costs points, so it is never "free".
      ...demoRewards.flatMap((r) => [r.name.he, r.description.he]).filter((text) => /חינם/u.test(text)),
      ...demoRewards.flatMap((r) => [r.name.en, r.description.en]).filter((text) => /\bfree\b/i.test(text)),
    ]
    expect(wrong).toEqual([])
  })
})

describe('bidi in sentences', () => {
  it('isolates signed numbers left to right, so "+30" never shows as "30+"', () => {
    expect(isolateLtr('+30')).toBe('\u2066+30\u2069')
    expect(isolateLtr(isolateLtr('−60'))).toBe('\u2066−60\u2069')
  })

  it('isolates Latin names and numbers in Hebrew, Hebrew names in English, and leaves the rest alone', () => {
    expect(isolate('H&O', 'he')).toBe('\u2068H&O\u2069')
    expect(isolate('1234 5674', 'he')).toBe('\u20681234 5674\u2069')
    expect(isolate('קפה שחר', 'he')).toBe('קפה שחר')
    expect(isolate('קפה שחר', 'en')).toBe('\u2068קפה שחר\u2069')
    expect(isolate('Café Shachar', 'en')).toBe('Café Shachar')
  })

  it('puts a maqaf after a one-letter prefix before Latin or digits only', () => {
    expect(prefixMaqaf('קנייה ב\u2068H&O\u2069')).toBe('קנייה ב־\u2068H&O\u2069')
    expect(prefixMaqaf('הביקור בH&O נרשם')).toBe('הביקור ב־H&O נרשם')
    expect(prefixMaqaf('ל12 החודשים')).toBe('ל־12 החודשים')
    expect(prefixMaqaf('קנייה בקפה שחר')).toBe('קנייה בקפה שחר')
    expect(prefixMaqaf('ב־12 החודשים')).toBe('ב־12 החודשים')
    expect(prefixMaqaf('קוד QR')).toBe('קוד QR')
  })

  it('renders a Latin partner and a signed count through the app’s i18n', async () => {
    const { t, locale } = await import('./support/i18n-instance')
    locale.value = 'he'
    expect(t('history.reason.purchase', { partner: isolate('H&O', 'he') })).toBe('קנייה ב־\u2068H&O\u2069')
    expect(t('wallet.gained', { points: isolateLtr('+30') }, 30)).toBe('\u2066+30\u2069 נקודות!')
    expect(t('units.points', { count: '1' }, 1)).toBe('נקודה אחת')
    expect(t('units.points', { count: '2' }, 2)).toBe('שתי נקודות')
    expect(t('units.points', { count: '1,200' }, 1200)).toBe('1,200 נקודות')
    expect(t('partners.rate', { points: '1' }, 1)).toBe('נקודה על כל שקל (לפני תוספת הדרגה)')
    expect(t('partners.rate', { points: '1.5' }, 1.5)).toBe('1.5 נקודות על כל שקל (לפני תוספת הדרגה)')
    expect(t('rewards.needMore', { points: '1' }, 1)).toBe('חסרה לך נקודה אחת')
    locale.value = 'en'
    expect(t('units.points', { count: '1' }, 1)).toBe('1 point')
    expect(t('rewards.fewLeft', { count: '1' }, 1)).toBe('Only one left')
  })
})

/** Every `t('key', …)` in the app's source, with its arguments as written. */
function translationCalls(): { file: string; key: string; args: string[] }[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.(vue|ts)$/.test(name) && !path.includes(`${join('src', 'i18n')}`)) files.push(path)
    }
  }
  walk(join(__dirname, '../../src'))
  const calls: { file: string; key: string; args: string[] }[] = []
  for (const file of files) {
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/(?<![\w.$])t\(\s*'([\w.-]+)'/g)) {
      // Read the call's arguments up to its closing parenthesis, split at top-level commas.
      const args: string[] = []
      let depth = 0
      let quote: string | null = null
      let current = ''
      for (let i = match.index + match[0].indexOf('(') + 1; i < source.length; i++) {
        const c = source[i]!
        if (quote) {
          if (c === quote && source[i - 1] !== '\\') quote = null
        } else if (c === "'" || c === '"' || c === '`') quote = c
        else if ('([{'.includes(c)) depth++
        else if (')]}'.includes(c)) {
          if (depth === 0) break
          depth--
        } else if (c === ',' && depth === 0) {
          args.push(current.trim())
          current = ''
          continue
        }
        current += c
      }
      if (current.trim()) args.push(current.trim())
      calls.push({ file: file.slice(file.indexOf('src')), key: match[1]!, args })
    }
  }
  return calls
}

describe('calls into the catalogues', () => {
  const calls = translationCalls()

  it('name keys that exist', () => {
    expect(calls.length).toBeGreaterThan(100)
    expect(calls.filter((call) => !enMessages.has(call.key)).map((call) => `${call.file}: ${call.key}`)).toEqual([])
  })

  it('pass the count to every message with plural forms, so the form matches the number', () => {
    const wrong = calls.filter((call) => isPlural(enMessages.get(call.key) ?? '') && call.args.length < 3)
    expect(wrong.map((call) => `${call.file}: ${call.key}`)).toEqual([])
  })
})

describe('dates', () => {
  const now = new Date(2026, 10, 26, 12)
  it('read "30 בנובמבר" this year and "30 בנובמבר 2025" in another year', () => {
    expect(dayText('2026-11-30', 'he', now)).toBe('30 בנובמבר')
    expect(dayText('2025-11-30', 'he', now)).toBe('30 בנובמבר 2025')
    expect(dayText('2027-01-31', 'en', now)).toBe('January 31, 2027')
    expect(momentText(new Date(2026, 2, 14, 9), 'he', now)).toBe('14 במרץ')
    expect(momentText(new Date(2025, 9, 1, 9), 'he', now)).toBe('1 באוקטובר 2025')
  })
})
