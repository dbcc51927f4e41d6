import { describe, expect, it } from 'vitest'
import { localized, pickLocale } from '@/domain/shared/locale'
import en from '@/i18n/en'
import he from '@/i18n/he'
import { hebrewPlural } from '@/i18n/plural'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

describe('locales', () => {
  it('Hebrew and English have exactly the same keys', () => {
    expect(keys(he).sort()).toEqual(keys(en).sort())
  })

  it('no message is empty, and Hebrew ones are not left in English', () => {
    const heMessages = keys(he).map((key) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], he))
    for (const message of heMessages) expect(String(message).trim()).not.toBe('')
    const untranslated = keys(he).filter((key) => {
      const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], he)
      const english = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], en)
      // Language names are written in their own language on purpose; "X" is a brand.
      return value === english && !key.startsWith('language.') && key !== 'refer.channels.x'
    })
    expect(untranslated).toEqual([])
  })

  it('picks the browser language, Hebrew for Hebrew browsers', () => {
    expect(pickLocale(['he-IL', 'en-US'])).toBe('he')
    expect(pickLocale(['iw'])).toBe('he')
    expect(pickLocale(['en-GB', 'he'])).toBe('en')
    expect(pickLocale(['fr-FR'], 'he')).toBe('he')
  })

  it('shows club text in the chosen language, English when missing', () => {
    expect(localized({ he: 'סילבר', en: 'Silver' }, 'he')).toBe('סילבר')
    expect(localized({ he: 'סילבר', en: 'Silver' }, 'en-US')).toBe('Silver')
    expect(localized({ he: '', en: 'Silver' }, 'he')).toBe('Silver')
  })
})

describe('Hebrew plurals', () => {
  it('picks one, two and other from three forms', () => {
    expect([1, 2, 3, 5, 10, 11, 20, 100, 0].map((n) => hebrewPlural(n, 3))).toEqual([0, 1, 2, 2, 2, 2, 2, 2, 2])
  })
  it('falls back to one and other with two forms', () => {
    expect([1, 2, 7].map((n) => hebrewPlural(n, 2))).toEqual([0, 1, 1])
  })
  it('renders through the app’s messages in both languages', async () => {
    const { t, locale } = await import('./support/i18n-instance')
    locale.value = 'he'
    expect(t('wallet.coupons', { count: 1 }, 1)).toBe('יש לך קופון אחד לשימוש')
    expect(t('wallet.coupons', { count: 2 }, 2)).toBe('יש לך שני קופונים לשימוש')
    expect(t('wallet.coupons', { count: 7 }, 7)).toBe('יש לך 7 קופונים לשימוש')
    locale.value = 'en'
    expect(t('wallet.coupons', { count: 1 }, 1)).toBe('You have one coupon ready to use')
    expect(t('wallet.coupons', { count: 2 }, 2)).toBe('You have 2 coupons ready to use')
  })
})
