import { z } from 'zod'
import { localDate } from '../shared/calendar'
import { parseMemberNumber } from '../cards/member-number'
import { BIRTHDAY_CALENDARS, isValidBirthday, type BirthdayCalendar } from './birthday'

/**
 * Server-side validation of the birthday callables; kept apart so zod and hebcal stay out of the
 * app bundle. The date is judged against the latest calendar day anywhere on Earth (UTC+14) here,
 * so no time zone refuses a birth today, and again against the club's own day by the handler.
 */
const birthday = z.string().refine((s) => isValidBirthday(s, localDate(new Date(), 'Pacific/Kiritimati')), 'a real past date as YYYY-MM-DD, age 0–120')
const calendar = z.enum(BIRTHDAY_CALENDARS)

export const SetBirthdayInputSchema = z.strictObject({
  birthday,
  calendar: calendar.default('gregorian'),
})
/** `birthday`: YYYY-MM-DD, the Gregorian date of birth (a Hebrew-calendar birthday is that day's Hebrew date). */
export type SetBirthdayInput = z.input<typeof SetBirthdayInputSchema>

export const CorrectBirthdayInputSchema = z.strictObject({
  memberNo: z.string().max(20).transform((s, ctx) => {
    const parsed = parseMemberNumber(s)
    if (!parsed) ctx.addIssue({ code: 'custom', message: 'not a valid member number' })
    return parsed ?? ''
  }),
  birthday,
  calendar,
  /** Why the operator changes it (the audit keeps it). */
  reason: z.string().trim().min(3).max(200),
})
export type CorrectBirthdayInput = z.input<typeof CorrectBirthdayInputSchema>

/** What both answer: the stored birthday and the first day its next gift may come (null: none ahead). */
export interface BirthdayResult {
  birthday: string
  calendar: BirthdayCalendar
  nextGiftOn: string | null
}
