// The app's messages and plural rules in a vue-i18n instance, without the browser-only setup.
import { createI18n } from 'vue-i18n'
import en, { type MessageSchema } from '@/i18n/en'
import he from '@/i18n/he'
import { prefixMaqaf } from '@/i18n/bidi'
import { hebrewPlural } from '@/i18n/plural'

export const i18n = createI18n<[MessageSchema], 'he' | 'en', false>({
  legacy: false,
  locale: 'he',
  fallbackLocale: 'en',
  messages: { en, he },
  pluralRules: { he: hebrewPlural },
  postTranslation: (message) => (typeof message === 'string' ? prefixMaqaf(message) : message),
})
