import { z } from 'zod'
import { INTERESTS_MAX, NAME_MAX, NAME_MIN, isPastCalendarDate, type JoinClubInput, type JoinClubRequest } from './join'
import { LOCALES } from './locale'
import { parseReferralCode } from './referral-code'

/** Server-side validation of `joinClub` input; kept apart so zod stays out of the app bundle. */
export const JoinClubInputSchema: z.ZodType<JoinClubRequest, JoinClubInput> = z.strictObject({
  name: z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(NAME_MIN).max(NAME_MAX)),
  birthday: z
    .string()
    .refine((s) => isPastCalendarDate(s), 'a real past date as YYYY-MM-DD')
    .nullable()
    .default(null),
  interests: z
    .array(z.string().max(40))
    .max(INTERESTS_MAX)
    .transform((ids) => [...new Set(ids)]),
  language: z.enum(LOCALES),
  marketingConsent: z.boolean(),
  // A mistyped or unknown code is not an error: the member simply joins without a referral.
  referralCode: z
    .string()
    .max(20)
    .transform((s) => parseReferralCode(s))
    .nullable()
    .default(null),
})
