import { z } from 'zod'
import { PARTNER_CATEGORIES } from '../partners/categories'
import { CommunityPolicySchema, DEFAULT_COMMUNITY_POLICY } from '../community/policy'
import { DEFAULT_ECO_POLICY, EcoPolicySchema } from '../earn/eco'
import { DEFAULT_REVIEW_POLICY } from '../earn/reviews'
import { DEFAULT_STREAK_POLICY, StreakPolicySchema } from '../earn/streak-policy'
import { INTERESTS_MAX } from '../members/join'
import { LOCALES } from './locale'
import { SLUG_PATTERN } from './paths'
import { DEFAULT_SEGMENT_POLICY, SegmentPolicySchema } from '../offers/rfm'

/**
 * The club's configuration is data, validated by this schema wherever it is written (the seed,
 * operator tools) and read (the functions). The app only imports the inferred types.
 */
/** Text in both of the app's languages (names, labels, descriptions of the club's own data). */
export const LocalizedTextSchema = z.object({ he: z.string().min(1), en: z.string().min(1) })
const localizedText = LocalizedTextSchema
const slug = z.string().regex(SLUG_PATTERN, 'lowercase letters, digits and dashes')
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/)

export const TierSchema = z.object({
  id: slug,
  name: localizedText,
  color: hexColor,
  /** Qualifying amount (points or ₪, per `tierMeasure`) needed to reach the tier. */
  threshold: z.number().int().min(0),
  /** Earn-rate multiplier on purchases, e.g. 1.5 for Gold. */
  multiplier: z.number().min(1).max(10),
  benefits: z.array(localizedText).max(12),
})

export const InterestSchema = z.object({ id: slug, label: localizedText })

/** A way to earn without buying (review, survey, profile completion …) and how often it pays. */
export const ActivityRuleSchema = z.object({
  id: slug,
  label: localizedText,
  points: z.number().int().min(1).max(100_000),
  perDay: z.number().int().min(1).nullable(),
  perMonth: z.number().int().min(1).nullable(),
  /** Pays once per member, ever. */
  once: z.boolean(),
})

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * What the till may do, against staff who would pay themselves (limits are per staff account per
 * club day; the device's till id is recorded beside them). Amounts are ₪.
 */
export const PurchasePolicySchema = z.object({
  /** Smaller purchases are refused (a purchase must be real money). */
  minAmountShekels: z.number().min(0.01).max(1000),
  /** The largest receipt any partner may record (a partner may set a lower one). */
  maxReceiptShekels: z.number().min(1).max(1_000_000),
  /** Purchases above this are held until an operator approves them; the points wait. */
  reviewAboveShekels: z.number().min(1).max(1_000_000),
  /** A typed member number (the card was not scanned): its own, lower maximum per receipt. */
  typedMaxShekels: z.number().min(1).max(1_000_000),
  /** Per staff account per day. */
  dailyCount: z.number().int().min(1).max(100_000),
  dailySumShekels: z.number().min(1).max(100_000_000),
  dailyTypedCount: z.number().int().min(0).max(10_000),
  /** How long the till's offline queue may hold a scanned card (hours), and how many a day. */
  offlineWindowHours: z.number().min(0).max(72),
  dailyOfflineCount: z.number().int().min(0).max(10_000),
  /** Member lookups (typed numbers) per staff account: per minute and per day. */
  lookupsPerMinute: z.number().int().min(1).max(1000),
  lookupsPerDay: z.number().int().min(1).max(100_000),
  /**
   * Refunds at the till per staff account per day: how many and their ₪ sum (a refund takes points
   * back, so a dishonest account could otherwise refund and re-record to its liking). Defaults keep
   * configurations written before refunds parsing.
   */
  dailyRefundCount: z.number().int().min(0).max(10_000).default(20),
  dailyRefundSumShekels: z.number().min(0).max(100_000_000).default(5000),
})
export type PurchasePolicy = z.infer<typeof PurchasePolicySchema>

export const DEFAULT_PURCHASE_POLICY: PurchasePolicy = {
  minAmountShekels: 1,
  maxReceiptShekels: 5000,
  reviewAboveShekels: 2000,
  typedMaxShekels: 500,
  dailyCount: 300,
  dailySumShekels: 60_000,
  dailyTypedCount: 20,
  offlineWindowHours: 12,
  dailyOfflineCount: 100,
  lookupsPerMinute: 10,
  lookupsPerDay: 200,
  dailyRefundCount: 20,
  dailyRefundSumShekels: 5000,
}

export const ClubConfigSchema = z
  .object({
    name: localizedText,
    tagline: localizedText,
    /** Path of the logo under `public/`; never a remote URL, the app works offline. */
    logo: z.string().regex(/^\/[\w\-./]+\.(svg|png|webp)$/),
    currency: z.literal('ILS'),
    defaultLocale: z.enum(LOCALES),
    interests: z.array(InterestSchema).min(1).max(30),
    /**
     * The interest ids, in the same order: firestore.rules cannot map over `interests`, so they
     * check a member's choices against this list. Whoever writes the configuration derives it.
     */
    interestIds: z.array(slug).max(30),
    /** What makes a profile "real" enough for the profile reward (src/domain/members/member.ts). */
    profileReward: z
      .object({ requireBirthday: z.boolean(), minInterests: z.number().int().min(1).max(INTERESTS_MAX) })
      .default({ requireBirthday: true, minInterests: 3 }),
    tierMeasure: z.enum(['points', 'spend']),
    /** Ordered from entry tier upwards; the first has threshold 0. */
    tiers: z.array(TierSchema).min(1).max(8),
    /** IANA zone for the club's calendar: expiry days, birthdays, caps per day. */
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Jerusalem'),
    welcomeGift: z.object({ points: z.number().int().min(0).max(100_000) }),
    earning: z.object({
      pointsPerShekel: z.number().min(0).max(100),
      /**
       * Once a year in the birthday's month (or from the day itself): a coupon for `rewardId` when
       * set and available (as a redemption, without points), else `points` (src/domain/members/birthday.ts).
       */
      birthdayGift: z.object({
        points: z.number().int().min(0).max(100_000),
        rewardId: slug.nullable().default(null),
        window: z.enum(['month', 'day']).default('month'),
      }),
      activities: z.array(ActivityRuleSchema).max(40),
    }),
    /** The club's pages on social networks: following one pays the `follow-social` rule, once. */
    socialLinks: z
      .array(z.object({ network: z.enum(['instagram', 'facebook', 'tiktok', 'x']), url: z.string().url().startsWith('https://') }))
      .max(6)
      .default([]),
    /** Points expire at the end of the month this many months after they were earned. */
    pointsExpiryMonths: z.number().int().min(1).max(120),
    couponValidityDays: z.number().int().min(1).max(366),
    purchases: PurchasePolicySchema.default(DEFAULT_PURCHASE_POLICY),
    /** Scanning in at partner stores: once per partner per day, a location check, a monthly streak. */
    checkIn: z.object({
      /** A printed-code visit needs a position within this distance of the store … */
      radiusMeters: z.number().int().min(20).max(5000),
      /** … from a fix at least this accurate (a vaguer one could claim the whole neighbourhood). */
      maxAccuracyMeters: z.number().int().min(10).max(1000).default(100),
      /** Different partners visited in a month that earn the streak bonus (0: no streak). */
      streakGoal: z.number().int().min(0).max(50),
      streakBonusPoints: z.number().int().min(0).max(100_000),
    }),
    /** Reviews of partner stores from verified visits (src/domain/earn/reviews.ts). */
    reviews: z
      .object({
        points: z.number().int().min(0).max(100_000),
        visitWindowDays: z.number().int().min(1).max(365),
        periodDays: z.number().int().min(1).max(3650),
        minChars: z.number().int().min(1).max(500),
        maxChars: z.number().int().min(20).max(5000),
      })
      .default(DEFAULT_REVIEW_POLICY),
    /** Visit streaks, their freezes and milestone rewards (src/domain/earn/streaks.ts). */
    streaks: StreakPolicySchema.default(DEFAULT_STREAK_POLICY),
    /** The club feed's limits (src/domain/community/policy.ts). */
    community: CommunityPolicySchema.default(DEFAULT_COMMUNITY_POLICY),
    /** Eco actions staff confirm at the till (src/domain/earn/eco.ts). */
    eco: EcoPolicySchema.default(DEFAULT_ECO_POLICY),
    /** Photos members attach (src/domain/photos/photos.ts): uploads per member per club day. */
    photos: z.object({ dailyUploads: z.number().int().min(0).max(1000) }).default({ dailyUploads: 20 }),
    /**
     * Which wallet passes the club issues (the app shows the buttons only for these); the issuer
     * credentials are server-only, in `secrets/walletPasses` (functions/src/members/wallet-pass.ts).
     */
    walletPasses: z.object({ google: z.boolean(), apple: z.boolean() }).default({ google: false, apple: false }),
    /** RFM thresholds and the new-member period the segment scoring uses (src/domain/offers/rfm.ts). */
    segments: SegmentPolicySchema.default(DEFAULT_SEGMENT_POLICY),
    /**
     * Household cards (src/domain/members/household.ts): an owner invites up to `maxMembers`
     * people who earn into the owner's balance. Off: invites and accepts are refused.
     */
    household: z
      .object({ enabled: z.boolean(), maxMembers: z.number().int().min(1).max(10) })
      .default({ enabled: false, maxMembers: 4 }),
    /**
     * Partner settlement (src/domain/reports/settlement.ts): every `perPoints` points are worth
     * `agorot` agorot. 0 until the operator sets it, so no statement invents money.
     */
    settlement: z
      .object({ pointValue: z.object({ agorot: z.number().int().min(0).max(100_000), perPoints: z.number().int().min(1).max(10_000) }) })
      .default({ pointValue: { agorot: 0, perPoints: 1 } }),
    referrals: z.object({
      enabled: z.boolean(),
      friendWelcomePoints: z.number().int().min(0).max(100_000),
      /** The friend's first purchase of at least this many ₪ (scanned, online, recorded) qualifies. */
      minQualifyingSpendShekels: z.number().int().min(1).max(100_000),
      ladder: z
        .array(
          z.object({
            fromFriend: z.number().int().min(1),
            points: z.number().int().min(0).max(100_000),
            tierBoostMonths: z.number().int().min(0).max(12),
          }),
        )
        .min(1),
      monthlyCap: z.number().int().min(0).max(1000),
      /** More than `maxFriends` friends of one referrer qualifying within `minutes` → held for review. */
      velocityHold: z.object({ maxFriends: z.number().int().min(1).max(100), minutes: z.number().int().min(1).max(10_080) }),
      /** A refund of the qualifying purchase within this many days takes both rewards back. */
      refundWindowDays: z.number().int().min(0).max(365),
      /** The club's own additions to the maintained list of throwaway domains (the npm package). */
      disposableDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).max(500),
    }),
  })
  .superRefine((config, ctx) => {
    const p = config.purchases
    if (p.reviewAboveShekels > p.maxReceiptShekels || p.typedMaxShekels > p.maxReceiptShekels || p.minAmountShekels > p.typedMaxShekels) {
      ctx.addIssue({ code: 'custom', path: ['purchases'], message: 'minimum ≤ typed maximum ≤ maximum, and the review threshold ≤ maximum' })
    }
    const [first] = config.tiers
    if (first && first.threshold !== 0) {
      ctx.addIssue({ code: 'custom', path: ['tiers', 0, 'threshold'], message: 'the entry tier starts at 0' })
    }
    config.tiers.forEach((tier, i) => {
      const prev = config.tiers[i - 1]
      if (prev && tier.threshold <= prev.threshold) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'threshold'], message: 'thresholds must rise' })
      }
    })
    if (config.interestIds.join(',') !== config.interests.map((interest) => interest.id).join(',')) {
      ctx.addIssue({ code: 'custom', path: ['interestIds'], message: 'the ids of `interests`, in order' })
    }
    for (const list of [config.tiers, config.interests, config.earning.activities]) {
      const ids = list.map((item) => item.id)
      if (new Set(ids).size !== ids.length) {
        ctx.addIssue({ code: 'custom', path: [], message: `duplicate ids: ${ids.join(', ')}` })
      }
    }
  })

export type Tier = z.infer<typeof TierSchema>
export type ActivityRule = z.infer<typeof ActivityRuleSchema>
export type Interest = z.infer<typeof InterestSchema>
export type ClubConfig = z.infer<typeof ClubConfigSchema>

export { PARTNER_CATEGORIES }

export const PartnerSchema = z.object({
  id: slug,
  name: localizedText,
  category: z.enum(PARTNER_CATEGORIES),
  address: localizedText,
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
  /** Opening hours as shown to members, e.g. "Sun–Thu 07:00–21:00". */
  hours: localizedText,
  /** Extra points per ₪ on top of the club rate, as a multiplier (1 = club rate). */
  earnMultiplier: z.number().min(1).max(10),
  benefits: z.array(localizedText).max(8),
  checkInPoints: z.number().int().min(0).max(1000),
  /**
   * How members prove a visit: `screen`, a rotating code on a device at the counter (signed with
   * the partner's own key), or `printed`, a poster the operator can re-issue, with a location check.
   */
  visitCode: z
    .discriminatedUnion('mode', [z.object({ mode: z.literal('screen') }), z.object({ mode: z.literal('printed') })])
    .default({ mode: 'printed' }),
  /** This partner's own maximum receipt (₪), below the club's; null: the club's. */
  maxReceiptShekels: z.number().min(1).max(1_000_000).nullable().default(null),
  active: z.boolean(),
})
export type Partner = z.infer<typeof PartnerSchema>

export const RewardSchema = z.object({
  id: slug,
  name: localizedText,
  description: localizedText,
  kind: z.enum(['item', 'voucher']),
  cost: z.number().int().min(1),
  /** For vouchers: the ₪ value the coupon is worth at the till. */
  valueShekels: z.number().min(0).nullable(),
  partnerId: slug.nullable(),
  /** Tiers that may redeem it; empty means every tier. */
  tierIds: z.array(slug),
  /** Units left; null means unlimited. */
  stock: z.number().int().min(0).nullable(),
  image: z.string().regex(/^\/[\w\-./]+\.(svg|png|webp)$/),
  active: z.boolean(),
})
export type Reward = z.infer<typeof RewardSchema>
