import type { Locale } from '@/domain/shared/locale'
import type { MessageSchema } from './en'
import { addMessages, loadAllMessages } from '.'
import enAdmin from './en/admin'
import enAdminConfig from './en/adminConfig'
import enAdminReports from './en/adminReports'
import enAdminStaff from './en/adminStaff'
import heAdmin from './he/admin'
import heAdminConfig from './he/adminConfig'
import heAdminReports from './he/adminReports'
import heAdminStaff from './he/adminStaff'

/**
 * The operator console's words, in both languages, part of the console's own chunk (only the
 * router's admin guard imports it): the card route carries none of them, not even their loaders,
 * and a language switch inside the console finds them already there.
 */
const ADMIN_MESSAGES: Record<Locale, Partial<MessageSchema>> = {
  en: { ...enAdmin, ...enAdminConfig, ...enAdminReports, ...enAdminStaff },
  he: { ...heAdmin, ...heAdminConfig, ...heAdminReports, ...heAdminStaff },
}

let merged = false

/** What an admin route shows: every member section (the console reuses their words) and its own. */
export async function loadAdminMessages(): Promise<void> {
  if (!merged) {
    for (const [locale, messages] of Object.entries(ADMIN_MESSAGES)) addMessages(locale as Locale, messages)
    merged = true
  }
  await loadAllMessages()
}
