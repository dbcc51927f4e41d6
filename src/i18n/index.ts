import { createI18n } from 'vue-i18n'
import { LOCALE_DIRECTION, isLocale, pickLocale, type Locale } from '@/domain/shared/locale'
import type { MessageSchema } from './en'
import { prefixMaqaf } from './bidi'
import { hebrewPlural } from './plural'

const STORAGE_KEY = 'moadon.locale'

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (isLocale(stored)) return stored
  // Hebrew where the browser prefers it; the club is Israeli, so Hebrew too when nothing matches.
  return pickLocale(navigator.languages ?? [navigator.language], 'he')
}

// Only the language on screen is loaded before the first paint; the other comes when chosen.
export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: {} as Record<Locale, MessageSchema>,
  pluralRules: { he: hebrewPlural },
  postTranslation: (message) => (typeof message === 'string' ? prefixMaqaf(message) : message),
})

const loaders: Record<Locale, () => Promise<{ default: MessageSchema }>> = {
  he: () => import('./he'),
  en: () => import('./en'),
}

export async function loadMessages(locale: Locale): Promise<void> {
  if (Object.keys(i18n.global.getLocaleMessage(locale)).length > 0) return
  i18n.global.setLocaleMessage(locale, (await loaders[locale]()).default)
}

/** Switches language, mirrors `<html lang dir>` and remembers the choice on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  await loadMessages(locale)
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  applyDocumentLocale(locale)
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale
  document.documentElement.dir = LOCALE_DIRECTION[locale]
  // The page title follows the language too, once its messages are in (index.html starts in Hebrew).
  const title = i18n.global.getLocaleMessage(locale).app?.name
  if (title) document.title = title
}

export function currentLocale(): Locale {
  return i18n.global.locale.value
}
