/** The languages the club speaks. Hebrew is right-to-left and the default for Hebrew browsers. */
export const LOCALES = ['he', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const LOCALE_DIRECTION: Record<Locale, 'rtl' | 'ltr'> = { he: 'rtl', en: 'ltr' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Picks the first supported language from the browser's preference list (e.g. `he-IL` → `he`). */
export function pickLocale(preferred: readonly string[], fallback: Locale = 'en'): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    // `iw` is the legacy code some Android builds still report for Hebrew.
    const normalised = base === 'iw' ? 'he' : base
    if (isLocale(normalised)) return normalised
  }
  return fallback
}

/** Text the club writes once in each language. */
export type LocalizedText = Record<Locale, string>

/** The club's text in `locale` (any tag the UI reports), falling back to English. */
export function localized(text: LocalizedText, locale: string): string {
  return (isLocale(locale) && text[locale]) || text.en
}
