// @vitest-environment happy-dom
// The app's own message runtime (src/i18n/runtime.ts, translate.ts): the forms, values, fallbacks
// and re-rendering the screens relied on when vue-i18n did this.
import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import { describe, expect, it } from 'vitest'
import { setLocale } from '@/i18n'
import { prefixMaqaf } from '@/i18n/bidi'
import en from '@/i18n/en'
import he from '@/i18n/he'
import { addMessages, useI18n } from '@/i18n/runtime'
import { defaultPlural, formatMessage } from '@/i18n/translate'
import { hebrewPlural } from '@/i18n/plural'

const { t, te, locale } = useI18n()
const COUNTS = [0, 1, 2, 3, 10, 11, 20, 100]

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]]
  return Object.entries(value as object).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key))
}

describe('the catalogues', () => {
  it('use only what the runtime reads: {name} placeholders and " | " between plural forms', () => {
    const unreadable = [...flatten(en), ...flatten(he)].filter(([, message]) => {
      const rest = message.replace(/\{\w+\}/g, '')
      return /[{}]/.test(rest) || message.split('|').some((form) => form.trim() === '') || /\S\||\|\S/.test(message)
    })
    expect(unreadable).toEqual([])
  })
})

describe('filling a message in', () => {
  it('puts named values in their places, and nothing where a value is missing', () => {
    expect(formatMessage('Purchase at {partner} on {date}', { partner: 'H&O', date: '3 May' }, undefined, defaultPlural)).toBe('Purchase at H&O on 3 May')
    expect(formatMessage('{points} points', { points: 30 }, undefined, defaultPlural)).toBe('30 points')
    expect(formatMessage('Purchase at {partner}', {}, undefined, defaultPlural)).toBe('Purchase at ')
    expect(formatMessage('Purchase at {partner}', { partner: null }, undefined, defaultPlural)).toBe('Purchase at ')
    expect(formatMessage('No placeholders (%)', { partner: 'x' }, undefined, defaultPlural)).toBe('No placeholders (%)')
  })

  it('shows the count in {count} when only the number is given', () => {
    expect(formatMessage('{count} point | {count} points', undefined, 7, defaultPlural)).toBe('7 points')
    expect(formatMessage('{count} point | {count} points', { count: '1,200' }, 1200, defaultPlural)).toBe('1,200 points')
  })

  it('lets a numeric count among the values choose the form, as vue-i18n did', () => {
    expect(formatMessage('one | {count} many', { count: 1 }, undefined, defaultPlural)).toBe('one')
    expect(formatMessage('one | {count} many', { count: 5 }, 1, defaultPlural)).toBe('5 many')
  })
})

describe('plural forms', () => {
  it('English: one | other, and zero | one | other with three forms', () => {
    expect(COUNTS.map((n) => defaultPlural(n, 2))).toEqual([1, 0, 1, 1, 1, 1, 1, 1])
    expect(COUNTS.map((n) => defaultPlural(n, 3))).toEqual([0, 1, 2, 2, 2, 2, 2, 2])
  })

  it('Hebrew: one | two | other', () => {
    expect(COUNTS.map((n) => hebrewPlural(n, 3))).toEqual([2, 0, 1, 2, 2, 2, 2, 2])
  })

  it('chooses, for every counted message of both catalogues, the form written for that number', () => {
    addMessages('en', en)
    addMessages('he', he)
    const wrong: string[] = []
    for (const [lang, catalogue, formFor] of [
      ['en', en, (n: number) => (n === 1 ? 0 : 1)],
      ['he', he, (n: number) => (n === 1 ? 0 : n === 2 ? 1 : 2)],
    ] as const) {
      locale.value = lang
      for (const [key, message] of flatten(catalogue).filter(([, m]) => m.includes('|'))) {
        const forms = message.split('|').map((form) => form.trim())
        for (const n of COUNTS) {
          const named = Object.fromEntries([...message.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], `<${m[1]}>`]))
          const expected = prefixMaqaf(forms[formFor(n)]!.replace(/\{(\w+)\}/g, (_, name: string) => named[name]!))
          const shown = t(key, named, n)
          if (shown !== expected) wrong.push(`${lang} ${key} ${n}: ${shown}`)
        }
      }
    }
    expect(wrong).toEqual([])
  })

  it('reads the real counted messages in both languages', () => {
    addMessages('en', en)
    addMessages('he', he)
    locale.value = 'he'
    expect(COUNTS.map((n) => t('units.points', { count: String(n) }, n))).toEqual([
      '0 נקודות',
      'נקודה אחת',
      'שתי נקודות',
      '3 נקודות',
      '10 נקודות',
      '11 נקודות',
      '20 נקודות',
      '100 נקודות',
    ])
    expect(t('wallet.coupons', 2)).toBe('יש לך שני קופונים לשימוש')
    locale.value = 'en'
    expect(COUNTS.map((n) => t('units.points', { count: String(n) }, n))).toEqual([
      '0 points',
      '1 point',
      '2 points',
      '3 points',
      '10 points',
      '11 points',
      '20 points',
      '100 points',
    ])
    expect(t('wallet.coupons', 1)).toBe('You have one coupon ready to use')
    expect(t('wallet.coupons', 11)).toBe('You have 11 coupons ready to use')
  })
})

describe('missing messages', () => {
  it('falls back to English, then to the key itself', () => {
    addMessages('en', { runtimeTest: { onlyEnglish: 'Only in {where}' } })
    locale.value = 'he'
    expect(t('runtimeTest.onlyEnglish', { where: 'English' })).toBe('Only in English')
    expect(t('runtimeTest.nowhere')).toBe('runtimeTest.nowhere')
    // A section is not a message.
    expect(t('runtimeTest')).toBe('runtimeTest')
  })

  it('says whether a message exists, on screen with the fallback or in one language', () => {
    addMessages('en', { runtimeTest: { onlyEnglish: 'Only in English' } })
    locale.value = 'he'
    expect(te('runtimeTest.onlyEnglish')).toBe(true)
    expect(te('runtimeTest.onlyEnglish', 'he')).toBe(false)
    expect(te('runtimeTest.onlyEnglish', 'en')).toBe(true)
    expect(te('runtimeTest')).toBe(false)
    expect(te('')).toBe(false)
  })
})

describe('the maqaf after a one-letter prefix', () => {
  it('goes in once the value is in, and only before Latin letters or digits', () => {
    addMessages('he', he)
    locale.value = 'he'
    expect(t('history.reason.purchase', { partner: 'H&O' })).toBe('קנייה ב־H&O')
    expect(t('history.reason.purchase', { partner: '\u2068H&O\u2069' })).toBe('קנייה ב־\u2068H&O\u2069')
    expect(t('history.reason.purchase', { partner: 'קפה שחר' })).toBe('קנייה בקפה שחר')
  })
})

describe('a screen on the runtime', () => {
  const Greeting = defineComponent({
    setup() {
      const { t: translate } = useI18n()
      return () => h('p', translate('runtimeTest.greeting', { name: 'Dana' }))
    },
  })

  it('re-renders when its section arrives after it was first drawn', async () => {
    locale.value = 'he'
    const wrapper = mount(Greeting)
    expect(wrapper.text()).toBe('runtimeTest.greeting')
    addMessages('he', { runtimeTest: { greeting: 'שלום {name}' } })
    await nextTick()
    expect(wrapper.text()).toBe('שלום Dana')
    wrapper.unmount()
  })

  it('re-renders in the language chosen, with the page’s language and direction', async () => {
    addMessages('he', { runtimeTest: { greeting: 'שלום {name}' } })
    addMessages('en', { runtimeTest: { greeting: 'Hello {name}' } })
    locale.value = 'he'
    const wrapper = mount(Greeting)
    expect(wrapper.text()).toBe('שלום Dana')
    await setLocale('en')
    await nextTick()
    expect(wrapper.text()).toBe('Hello Dana')
    expect(document.documentElement.lang).toBe('en')
    expect(document.documentElement.dir).toBe('ltr')
    expect(localStorage.getItem('moadon.locale')).toBe('en')
    await setLocale('he')
    await nextTick()
    expect(wrapper.text()).toBe('שלום Dana')
    expect(document.documentElement.dir).toBe('rtl')
    wrapper.unmount()
  })
})
