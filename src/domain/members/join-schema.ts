import { z } from 'zod'
import { INTERESTS_MAX, isPastCalendarDate, type JoinClubInput, type JoinClubRequest } from './join'
import { LOCALES } from '../shared/locale'
import { parseReferralCode } from '../referrals/referral-code'
import { NAME_MAX_UNITS, validateName } from '../shared/text'
import { SLUG_PATTERN } from '../shared/paths'

/** Server-side validation of `joinClub` input; kept apart so zod stays out of the app bundle. */
export const JoinClubInputSchema: z.ZodType<JoinClubRequest, JoinClubInput> = z.strictObject({
  // Refused, not repaired (src/domain/shared/text.ts): the message is the reason the app translates.
  name: z
    .string()
    .max(NAME_MAX_UNITS * 4, 'too-long')
    .transform((raw, ctx) => {
      const checked = validateName(raw)
      if (checked.ok) return checked.name
      ctx.addIssue({ code: 'custom', message: checked.reason })
      return z.NEVER
    }),
  birthday: z
    .string()
    .refine((s) => isPastCalendarDate(s), 'a real past date as YYYY-MM-DD')
    .nullable()
    .default(null),
  // Ids only; joinClub checks each against the club's list.
  interests: z
    .array(z.string().regex(SLUG_PATTERN))
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
