import { shallowRef, type Ref } from 'vue'
import type { Locale } from '@/domain/shared/locale'
import { prefixMaqaf } from './bidi'
import { hebrewPlural } from './plural'
import { defaultPlural, formatMessage, mergeMessages, resolveMessage, type MessageTree, type MutableTree, type Named, type PluralRule } from './translate'

// Module state, no plugin: a screen, a store or a test reads the same catalogue and language.
// Nothing here touches the browser; `@/i18n` chooses the first language and loads the sections.
const catalogues: Record<Locale, MutableTree> = { he: {}, en: {} }
const activeLocale = shallowRef<Locale>('he')
// Bumped when a section arrives: every `t` reads it, so a screen shown before its words re-renders.
const revision = shallowRef(0)
const FALLBACK: Locale = 'en'
const PLURAL_RULES: Record<Locale, PluralRule> = { he: hebrewPlural, en: defaultPlural }

/** Adds messages to a language; what is on screen re-renders with them. */
export function addMessages(target: Locale, messages: MessageTree): void {
  mergeMessages(catalogues[target], messages)
  revision.value++
}

function chainOf(current: Locale): Locale[] {
  return current === FALLBACK ? [current] : [current, FALLBACK]
}

/**
 * The message at `key` in the language on screen, else in English, else the key itself; with
 * `named` values for its placeholders and `plural` choosing among its forms. A Hebrew one-letter
 * prefix before a Latin or numeric value gets its maqaf (see `prefixMaqaf`).
 */
export function t(key: string, named?: Named | number, plural?: number): string {
  void revision.value
  for (const candidate of chainOf(activeLocale.value)) {
    const message = resolveMessage(catalogues[candidate], key)
    if (message === undefined) continue
    const values = typeof named === 'object' ? named : undefined
    const count = typeof plural === 'number' ? plural : typeof named === 'number' ? named : undefined
    return prefixMaqaf(formatMessage(message, values, count, PLURAL_RULES[candidate]))
  }
  return key
}

/** Whether `key` has a message: in `inLocale` only, or on screen with the English fallback. */
export function te(key: string, inLocale?: Locale): boolean {
  void revision.value
  if (!key) return false
  return (inLocale ? [inLocale] : chainOf(activeLocale.value)).some((candidate) => resolveMessage(catalogues[candidate], key) !== undefined)
}

/**
 * What components translate with. `locale` is the language on screen; the app changes it with
 * `setLocale` (which loads its messages and remembers the choice), tests may set it directly.
 */
export function useI18n(): { t: typeof t; te: typeof te; locale: Ref<Locale> } {
  return { t, te, locale: activeLocale }
}

/** The message at `key` in `locale` as written, without fallback or values. */
export function messageIn(locale: Locale, key: string): string | undefined {
  return resolveMessage(catalogues[locale], key)
}
