/**
 * The limits a member sets on what the club sends them (`members/{uid}.messagePrefs`, written only
 * by `updateMessagePrefs`). Times are "HH:MM" in the club's time zone. No zod here: the app reads
 * these types and defaults; the schema is in prefs-schema.ts for the server.
 */
export interface MessagePrefs {
  /** Promotional messages a week (Sunday to Saturday, the club's week), 0–7. */
  promotionalPerWeek: number
  /** No promotional message from `start` until `end` (across midnight when start > end); equal means none. */
  quietHours: { start: string; end: string }
  /** No promotional message from sunset before Shabbat or a Yom Tov until nightfall after it. */
  restDays: boolean
  /** The inbox always gets what is delivered; push only when the member opts in. */
  channels: { push: boolean }
}

export const PROMOTIONAL_PER_WEEK_MAX = 7

export const DEFAULT_MESSAGE_PREFS: MessagePrefs = {
  promotionalPerWeek: 2,
  quietHours: { start: '21:00', end: '08:00' },
  restDays: true,
  channels: { push: false },
}

export const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/

/**
 * The stored limits, field by field, falling back to the defaults for anything missing or
 * malformed (a member who never opened the settings has none stored).
 */
export function messagePrefsOf(raw: unknown): MessagePrefs {
  const d = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const quiet = (d.quietHours && typeof d.quietHours === 'object' ? d.quietHours : {}) as Record<string, unknown>
  const channels = (d.channels && typeof d.channels === 'object' ? d.channels : {}) as Record<string, unknown>
  const cap = d.promotionalPerWeek
  const time = (value: unknown, fallback: string) => (typeof value === 'string' && TIME_OF_DAY.test(value) ? value : fallback)
  return {
    promotionalPerWeek:
      typeof cap === 'number' && Number.isInteger(cap) && cap >= 0 && cap <= PROMOTIONAL_PER_WEEK_MAX ? cap : DEFAULT_MESSAGE_PREFS.promotionalPerWeek,
    quietHours: {
      start: time(quiet.start, DEFAULT_MESSAGE_PREFS.quietHours.start),
      end: time(quiet.end, DEFAULT_MESSAGE_PREFS.quietHours.end),
    },
    restDays: typeof d.restDays === 'boolean' ? d.restDays : DEFAULT_MESSAGE_PREFS.restDays,
    channels: { push: channels.push === true },
  }
}

export interface UpdateMessagePrefsResult {
  prefs: MessagePrefs
}

export interface MarkMessagesReadResult {
  /** Messages that were unread and now are read. */
  marked: number
  /** The unread count after marking. */
  unread: number
}
