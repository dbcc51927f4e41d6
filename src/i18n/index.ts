import { createI18n } from 'vue-i18n'
import { LOCALE_DIRECTION, isLocale, pickLocale, type Locale } from '@/domain/locale'
import en, { type MessageSchema } from './en'
import he from './he'
import { hebrewPlural } from './plural'

const STORAGE_KEY = 'moadon.locale'

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (isLocale(stored)) return stored
  // Hebrew where the browser prefers it; the club is Israeli, so Hebrew too when nothing matches.
  return pickLocale(navigator.languages ?? [navigator.language], 'he')
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en, he },
  pluralRules: { he: hebrewPlural },
})

/** Switches language, mirrors `<html lang dir>` and remembers the choice on this device. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  applyDocumentLocale(locale)
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale
  document.documentElement.dir = LOCALE_DIRECTION[locale]
}

export function currentLocale(): Locale {
  return i18n.global.locale.value
}
