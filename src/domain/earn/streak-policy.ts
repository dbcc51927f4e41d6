import { z } from 'zod'

/**
 * The club's streak settings (`config/club.streaks`). Kept apart from the streak rules, which load
 * the Hebrew calendar, so the configuration schema stays light for the card.
 */
const runPolicy = {
  /** A freeze is earned for every this many counted periods in a row … */
  freezeEvery: z.number().int().min(1).max(365),
  /** … and a member holds at most this many (Duolingo's number is 2). */
  maxFreezes: z.number().int().min(0).max(2),
}

export const StreakPolicySchema = z.object({
  /** A week (Sunday to Saturday, the club's time zone) with a purchase or a paid visit counts. */
  weekly: z.object({
    enabled: z.boolean(),
    ...runPolicy,
    /** Points paid once per streak when it reaches this many weeks (and the badge at the first). */
    milestones: z
      .array(z.object({ weeks: z.number().int().min(1).max(520), points: z.number().int().min(0).max(100_000) }))
      .max(12),
  }),
  /** A day with a visit counts; Shabbat and Yom Tov in Israel are skipped. Off unless the club turns it on. */
  daily: z.object({ enabled: z.boolean(), ...runPolicy }),
})
export type StreakPolicy = z.infer<typeof StreakPolicySchema>

export const DEFAULT_STREAK_POLICY: StreakPolicy = {
  weekly: {
    enabled: true,
    freezeEvery: 4,
    maxFreezes: 2,
    milestones: [
      { weeks: 4, points: 50 },
      { weeks: 8, points: 100 },
      { weeks: 12, points: 200 },
    ],
  },
  daily: { enabled: false, freezeEvery: 7, maxFreezes: 2 },
}
