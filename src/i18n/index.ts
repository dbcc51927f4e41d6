import { LOCALE_DIRECTION, type Locale } from '@/domain/shared/locale'
import { deviceLocale, rememberLocale } from '@/services/device-storage'
import type { MessageSchema } from './en'
import { addMessages, messageIn, useI18n } from './runtime'


export { addMessages, useI18n }

// Only the card route's messages in the language on screen are loaded before the first paint;
// the other sections come when a screen needs them (the router waits) or once the card is up.
const { locale: activeLocale } = useI18n()
activeLocale.value = deviceLocale()

export const MESSAGE_SECTIONS = ['core', 'account', 'points', 'partners', 'staff', 'referrals', 'earn', 'community', 'messages', 'plans', 'household', 'errors'] as const
export type MessageSection = (typeof MESSAGE_SECTIONS)[number]

type SectionLoader = () => Promise<{ default: Partial<MessageSchema> }>
// Written out, not a template string, so each section is its own chunk per language.
const loaders: Record<Locale, Record<MessageSection, SectionLoader>> = {
  he: {
    core: () => import('./he/core'),
    account: () => import('./he/account'),
    points: () => import('./he/points'),
    partners: () => import('./he/partners'),
    staff: () => import('./he/staff'),
    referrals: () => import('./he/referrals'),
    earn: () => import('./he/earn'),
    community: () => import('./he/community'),
    messages: () => import('./he/messages'),
    plans: () => import('./he/plans'),
    household: () => import('./he/household'),
    errors: () => import('./he/errors'),
  },
  en: {
    core: () => import('./en/core'),
    account: () => import('./en/account'),
    points: () => import('./en/points'),
    partners: () => import('./en/partners'),
    staff: () => import('./en/staff'),
    referrals: () => import('./en/referrals'),
    earn: () => import('./en/earn'),
    community: () => import('./en/community'),
    messages: () => import('./en/messages'),
    plans: () => import('./en/plans'),
    household: () => import('./en/household'),
    errors: () => import('./en/errors'),
  },
}

const loaded: Record<Locale, Set<MessageSection>> = { he: new Set(), en: new Set() }

/** Loads message sections of a language (the card route's `core` by default), each once. */
export async function loadMessages(locale: Locale, sections: readonly MessageSection[] = ['core']): Promise<void> {
  const missing = sections.filter((section) => !loaded[locale].has(section))
  const modules = await Promise.all(missing.map((section) => loaders[locale][section]()))
  modules.forEach((module, i) => {
    addMessages(locale, module.default)
    loaded[locale].add(missing[i]!)
  })
}

/** Every section of a language: what any screen other than the card may show. */
export function loadAllMessages(locale: Locale = currentLocale()): Promise<void> {
  return loadMessages(locale, MESSAGE_SECTIONS)
}

/** Switches language, mirrors `<html lang dir>` and remembers the choice on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  // The new language gets every section the old one had loaded, so the screen stays whole.
  await loadMessages(locale, [...loaded[currentLocale()], 'core'])
  activeLocale.value = locale
  rememberLocale(locale)
  applyDocumentLocale(locale)
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale
  document.documentElement.dir = LOCALE_DIRECTION[locale]
  // The page title follows the language too, once its messages are in (index.html starts in Hebrew).
  const title = messageIn(locale, 'app.name')
  if (title) document.title = title
}

export function currentLocale(): Locale {
  return activeLocale.value
}
