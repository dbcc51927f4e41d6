import { z } from 'zod'
import type { MessagePrefs } from './prefs'
import { PROMOTIONAL_PER_WEEK_MAX, TIME_OF_DAY } from './prefs'

// What idOf produces (letters, digits, `-`, `_`, `%` escapes and `~` between parts): never a `/`, `.` or `..`.
const MESSAGE_ID = /^[A-Za-z0-9%_~-]{1,400}$/

const TimeOfDay = z.string().regex(TIME_OF_DAY, 'a time of day, HH:MM')

/** The member's limits as `updateMessagePrefs` takes them: all of them, each checked. */
export const MessagePrefsSchema = z.strictObject({
  promotionalPerWeek: z.number().int().min(0).max(PROMOTIONAL_PER_WEEK_MAX),
  quietHours: z.strictObject({ start: TimeOfDay, end: TimeOfDay }),
  restDays: z.boolean(),
  channels: z.strictObject({ push: z.boolean() }),
}) satisfies z.ZodType<MessagePrefs>

export const UpdateMessagePrefsInputSchema = z.strictObject({ prefs: MessagePrefsSchema })
export type UpdateMessagePrefsInput = z.input<typeof UpdateMessagePrefsInputSchema>

/** Some messages by id, or every unread one. */
export const MarkMessagesReadInputSchema = z.union([
  z.strictObject({ ids: z.array(z.string().regex(MESSAGE_ID, 'a message id')).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
])
export type MarkMessagesReadInput = z.input<typeof MarkMessagesReadInputSchema>
