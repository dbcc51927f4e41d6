// Every message of both languages (the console's too) in the app's catalogue, Hebrew on screen:
// components mounted in a test translate as they would once all sections have loaded.
import { addMessages, useI18n } from '@/i18n/runtime'
import en from '@/i18n/en'
import he from '@/i18n/he'

addMessages('en', en)
addMessages('he', he)

export const { t, te, locale } = useI18n()
locale.value = 'he'
