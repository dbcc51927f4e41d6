/**
 * The calendars a member may celebrate their birthday by, apart from ./birthday.ts so the profile
 * screen can list them without bringing hebcal into the app.
 */
export const BIRTHDAY_CALENDAR_CHOICES = ['gregorian', 'hebrew'] as const
export type BirthdayCalendar = (typeof BIRTHDAY_CALENDAR_CHOICES)[number]
