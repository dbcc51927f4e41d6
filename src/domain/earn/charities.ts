import { z } from 'zod'
import type { LocalizedText } from '../shared/locale'
import { SLUG_PATTERN } from '../shared/paths'

/**
 * The impact wallet: members give points to a charity on the club's list, sometimes matched by a
 * partner store for a while. Pure rules shared by the app and `donatePoints`.
 */

const localizedText = z.object({ he: z.string().min(1), en: z.string().min(1) })
const slug = z.string().regex(SLUG_PATTERN, 'lowercase letters, digits and dashes')

/** How many counter documents hold a charity's running totals: donations spread over them at random. */
export const DONATION_SHARDS = 10

/** The most a member may give in one donation: a typo of extra zeros should not empty a wallet silently. */
export const MAX_DONATION_POINTS = 1_000_000

/** "Partner X adds 50% until Friday": the partner gives `percent` of each donation, up to `capPoints` in all. */
export const MatchingCampaignSchema = z.object({
  id: slug,
  partnerId: slug,
  percent: z.number().int().min(1).max(300),
  /** ISO moments: matched from `startsAt` (inclusive) to `until` (exclusive). */
  startsAt: z.iso.datetime({ offset: true }),
  until: z.iso.datetime({ offset: true }),
  /** The partner's whole budget for the campaign, in points, spread over the shards. */
  capPoints: z.number().int().min(1).max(100_000_000),
})
export type MatchingCampaign = z.infer<typeof MatchingCampaignSchema>

export const CharitySchema = z
  .object({
    id: slug,
    name: localizedText,
    description: localizedText,
    /** Under `public/`: the app works offline. */
    logo: z.string().regex(/^\/[\w\-./]+\.(svg|png|webp)$/),
    minPoints: z.number().int().min(1).max(MAX_DONATION_POINTS),
    /** What one point is worth in ₪ on the receipt: the club's point value. */
    pointValueShekels: z.number().min(0.001).max(100),
    active: z.boolean(),
    campaigns: z.array(MatchingCampaignSchema).max(10).default([]),
  })
  .superRefine((charity, ctx) => {
    charity.campaigns.forEach((campaign, i) => {
      if (Date.parse(campaign.until) <= Date.parse(campaign.startsAt)) {
        ctx.addIssue({ code: 'custom', path: ['campaigns', i, 'until'], message: 'ends after it starts' })
      }
    })
    const ids = charity.campaigns.map((campaign) => campaign.id)
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['campaigns'], message: 'duplicate campaign ids' })
  })
export type Charity = z.infer<typeof CharitySchema>

/** A request id as the app makes it (the same rule as redemptions). */
const requestId = z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -')

export const DonatePointsInputSchema = z.strictObject({
  charityId: slug,
  // A number only: "100", 1e-9, −5 and 2.5 are refused here, before anything is read.
  points: z.number().int().min(1).max(MAX_DONATION_POINTS),
  requestId,
})
export type DonatePointsInput = z.input<typeof DonatePointsInputSchema>

/** The receipt a member keeps, as `donatePoints` answers it and `donations/{id}` holds it. */
export interface DonationReceipt {
  id: string
  receiptNo: string
  charityId: string
  charityName: LocalizedText
  points: number
  valueShekels: number
  matchedPoints: number
  matchedShekels: number
  matchPartnerId: string | null
  campaignId: string | null
  /** ISO moment. */
  createdAt: string
}

export interface DonateResult {
  receipt: DonationReceipt
  balance: number
  replayed: boolean
}

export type DonationRefusal = 'charity-inactive' | 'below-minimum' | 'insufficient-points'

/** Why a donation cannot go ahead, or null: the order is the order a member would fix it in. */
export function donationRefusal(charity: Pick<Charity, 'active' | 'minPoints'>, points: number, balance: number): DonationRefusal | null {
  if (!charity.active) return 'charity-inactive'
  if (!Number.isInteger(points) || points < charity.minPoints) return 'below-minimum'
  if (points > balance) return 'insufficient-points'
  return null
}

/** The amounts the app offers: the minimum, a few round steps, and everything the member has. */
export function donationChoices(minPoints: number, balance: number): number[] {
  if (balance < minPoints) return []
  const steps = [minPoints, minPoints * 2, minPoints * 5, minPoints * 10].filter((points) => points <= balance)
  return [...new Set([...steps, balance])].sort((a, b) => a - b)
}

/** A whole number of agorot, so sums of receipts never drift by floating point. */
export function agorotOf(points: number, pointValueShekels: number): number {
  return Math.round(points * pointValueShekels * 100)
}

export function shekelsOf(agorot: number): number {
  return agorot / 100
}

/** The campaign running at `now`; the one that adds most when two overlap. */
export function activeCampaign(campaigns: readonly MatchingCampaign[], now: Date): MatchingCampaign | null {
  const t = now.getTime()
  const running = campaigns.filter((c) => Date.parse(c.startsAt) <= t && t < Date.parse(c.until))
  return running.sort((a, b) => b.percent - a.percent || a.id.localeCompare(b.id))[0] ?? null
}

/** What the partner would add to a donation before its budget is counted: whole points, rounded down. */
export function matchFor(points: number, percent: number): number {
  return Math.floor((points * percent) / 100)
}

/** Shard `index`'s part of a budget: the parts add up to the budget exactly. */
export function shardBudget(cap: number, index: number, shards = DONATION_SHARDS): number {
  return Math.floor(cap / shards) + (index < cap % shards ? 1 : 0)
}

/**
 * Takes `wanted` matched points from the campaign's budget, shard by shard starting at `start`
 * (the donation's random shard), given what each shard has already matched. Returns the points
 * taken from each shard visited. Only a donation near the end of the budget visits more than one.
 */
export function takeFromBudget(
  wanted: number,
  cap: number,
  used: (index: number) => number,
  start: number,
  shards = DONATION_SHARDS,
): { index: number; points: number }[] {
  const taken: { index: number; points: number }[] = []
  let left = wanted
  for (let step = 0; step < shards && left > 0; step++) {
    const index = (start + step) % shards
    const free = Math.max(0, shardBudget(cap, index, shards) - used(index))
    const points = Math.min(free, left)
    if (points > 0) taken.push({ index, points })
    left -= points
  }
  return taken
}

/** One counter document's figures. */
export interface DonationShard {
  donations: number
  points: number
  valueAgorot: number
  matchedPoints: number
  matchedAgorot: number
  /** Matched points per campaign id, for the campaign's budget. */
  campaigns: Record<string, number>
}

export interface DonationTotals {
  donations: number
  points: number
  valueShekels: number
  matchedPoints: number
  matchedShekels: number
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

/** A shard document as read (missing fields, or a missing document, count as zero). */
export function shardOf(data: Record<string, unknown> | undefined): DonationShard {
  const campaigns: Record<string, number> = {}
  const raw = data?.campaigns
  if (raw && typeof raw === 'object') {
    for (const [id, value] of Object.entries(raw as Record<string, unknown>)) campaigns[id] = count(value)
  }
  return {
    donations: count(data?.donations),
    points: count(data?.points),
    valueAgorot: count(data?.valueAgorot),
    matchedPoints: count(data?.matchedPoints),
    matchedAgorot: count(data?.matchedAgorot),
    campaigns,
  }
}

/** A charity's running totals: the sum of its shards. */
export function sumShards(shards: readonly DonationShard[]): DonationTotals {
  const sum = shards.reduce(
    (acc, s) => ({
      donations: acc.donations + s.donations,
      points: acc.points + s.points,
      valueAgorot: acc.valueAgorot + s.valueAgorot,
      matchedPoints: acc.matchedPoints + s.matchedPoints,
      matchedAgorot: acc.matchedAgorot + s.matchedAgorot,
    }),
    { donations: 0, points: 0, valueAgorot: 0, matchedPoints: 0, matchedAgorot: 0 },
  )
  return {
    donations: sum.donations,
    points: sum.points,
    valueShekels: shekelsOf(sum.valueAgorot),
    matchedPoints: sum.matchedPoints,
    matchedShekels: shekelsOf(sum.matchedAgorot),
  }
}

/** A member's own totals, from their receipts. */
export function memberTotals(receipts: readonly Pick<DonationReceipt, 'points' | 'valueShekels' | 'matchedPoints' | 'matchedShekels'>[]): DonationTotals {
  const agorot = receipts.reduce((sum, r) => sum + Math.round(r.valueShekels * 100), 0)
  const matchedAgorot = receipts.reduce((sum, r) => sum + Math.round(r.matchedShekels * 100), 0)
  return {
    donations: receipts.length,
    points: receipts.reduce((sum, r) => sum + r.points, 0),
    valueShekels: shekelsOf(agorot),
    matchedPoints: receipts.reduce((sum, r) => sum + r.matchedPoints, 0),
    matchedShekels: shekelsOf(matchedAgorot),
  }
}

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** "D-20261127-7K3QX9PA": the club day, then eight characters without look-alikes. */
export function receiptNumber(day: string, random: () => number): string {
  let code = ''
  for (let i = 0; i < 8; i++) code += RECEIPT_ALPHABET[Math.floor(random() * RECEIPT_ALPHABET.length)]
  return `D-${day.replaceAll('-', '')}-${code}`
}
