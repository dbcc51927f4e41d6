import { z } from 'zod'
import { LOCALES } from './locale'

export const NAME_MIN = 2
export const NAME_MAX = 60
export const INTERESTS_MAX = 12

/** A calendar date that exists (2023-02-30 does not) and is not in the future. */
export function isPastCalendarDate(value: string, now: Date = new Date()): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  return real && y >= now.getUTCFullYear() - 120 && date.getTime() <= now.getTime()
}

/** Input of the `joinClub` callable. The server checks interests against the club's list. */
export const JoinClubInputSchema = z.strictObject({
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
})

export type JoinClubInput = z.input<typeof JoinClubInputSchema>
export type JoinClubRequest = z.output<typeof JoinClubInputSchema>

export interface JoinClubResult {
  memberNo: string
  created: boolean
}
