import { z } from 'zod'
import { HDate, months } from '@hebcal/core'
import { LocalizedTextSchema } from '../shared/club-config'
import { addDays, localDate, type LocalDate } from '../shared/calendar'
import type { LocalizedText } from '../shared/locale'
import { SLUG_PATTERN } from '../shared/paths'
import { SEGMENTS, type Segment } from './rfm'

/**
 * Offers the club makes to parts of its membership (config kind `offer`, live in `offers/{id}`):
 * who they target, when they run (fixed moments or a Hebrew-calendar holiday week, resolved each
 * year), what they are, and the share of the targeted members held out as a control group.
 */

const slug = z.string().regex(SLUG_PATTERN, 'lowercase letters, digits and dashes')

export const OFFER_KINDS = ['recognition', 'discount', 'second-purchase'] as const
export type OfferKind = (typeof OFFER_KINDS)[number]

/** Holidays an offer's week can be tied to, by their first day in the Hebrew calendar. */
export const OFFER_HOLIDAYS = ['rosh-hashana', 'sukkot', 'hanukkah', 'purim', 'pesach', 'shavuot'] as const
export type OfferHoliday = (typeof OFFER_HOLIDAYS)[number]

/** A second purchase within this many days of the one before earns a `second-purchase` offer's bonus. */
export const SECOND_PURCHASE_DAYS = 7
/** The report compares purchases in this many days from the offer's start. */
export const LIFT_DAYS = 14

const ISO = z.iso.datetime({ offset: true })

export const OfferWindowSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dates'), startsAt: ISO, endsAt: ISO }),
  z.object({
    type: z.literal('holiday'),
    holiday: z.enum(OFFER_HOLIDAYS),
    /** The window opens this many days before the holiday's first day … */
    daysBefore: z.number().int().min(0).max(30),
    /** … and lasts this many days. */
    days: z.number().int().min(1).max(30),
  }),
])
export type OfferWindow = z.infer<typeof OfferWindowSchema>

export const OfferSchema = z
  .object({
    id: slug,
    title: LocalizedTextSchema,
    body: LocalizedTextSchema,
    kind: z.enum(OFFER_KINDS),
    /** Any of the listed segments, interests or tiers; a list left empty does not narrow. */
    target: z.object({
      segments: z.array(z.enum(SEGMENTS)).max(SEGMENTS.length).default([]),
      interests: z.array(slug).max(30).default([]),
      tiers: z.array(slug).max(8).default([]),
    }),
    /** Said on the offer ("for club members only"): the club does not advertise it elsewhere. */
    membersOnly: z.boolean().default(true),
    window: OfferWindowSchema,
    /** `second-purchase`: points for a purchase within 7 days of the one before. */
    bonusPoints: z.number().int().min(0).max(100_000).default(0),
    /** `discount`: the percentage off, told to the member and honoured at the till. */
    discountPercent: z.number().int().min(0).max(90).default(0),
    /** Targeted members held out as a control group, stable per member and offer. */
    holdOutPercent: z.number().min(0).max(50).default(0),
    active: z.boolean(),
  })
  .superRefine((offer, ctx) => {
    if (offer.window.type === 'dates' && Date.parse(offer.window.endsAt) <= Date.parse(offer.window.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['window', 'endsAt'], message: 'must end after it starts' })
    }
    if (offer.kind === 'second-purchase' && offer.bonusPoints <= 0) {
      ctx.addIssue({ code: 'custom', path: ['bonusPoints'], message: 'a second-purchase offer pays at least 1 point' })
    }
    if (offer.kind === 'discount' && offer.discountPercent <= 0) {
      ctx.addIssue({ code: 'custom', path: ['discountPercent'], message: 'a discount offer takes at least 1% off' })
    }
  })
export type Offer = z.infer<typeof OfferSchema>

/** The first day of a holiday in a Hebrew year. */
function holidayStart(holiday: OfferHoliday, hebrewYear: number): Date {
  switch (holiday) {
    case 'rosh-hashana':
      return new HDate(1, months.TISHREI, hebrewYear).greg()
    case 'sukkot':
      return new HDate(15, months.TISHREI, hebrewYear).greg()
    case 'hanukkah':
      return new HDate(25, months.KISLEV, hebrewYear).greg()
    case 'purim':
      return new HDate(14, HDate.isLeapYear(hebrewYear) ? months.ADAR_II : months.ADAR_I, hebrewYear).greg()
    case 'pesach':
      return new HDate(15, months.NISAN, hebrewYear).greg()
    case 'shavuot':
      return new HDate(6, months.SIVAN, hebrewYear).greg()
  }
}

/** HDate.greg() gives local midnight; the date's own fields are the civil date. */
const civil = (date: Date): LocalDate =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

/** A window in club-local days, first and last day included. */
export interface OfferDays {
  from: LocalDate
  to: LocalDate
}

/**
 * The window that is running on `today` or, if none, the next one (holiday windows recur every
 * year); null when a fixed window is over.
 */
export function offerDays(window: OfferWindow, today: LocalDate, timeZone: string): OfferDays | null {
  if (window.type === 'dates') {
    const days = { from: localDate(new Date(window.startsAt), timeZone), to: localDate(new Date(Date.parse(window.endsAt) - 1), timeZone) }
    return days.to < today ? null : days
  }
  const year = new HDate(new Date(`${today}T12:00:00Z`)).getFullYear()
  for (const hebrewYear of [year - 1, year, year + 1]) {
    const from = addDays(civil(holidayStart(window.holiday, hebrewYear)), -window.daysBefore)
    const days = { from, to: addDays(from, window.days - 1) }
    if (days.to >= today) return days
  }
  return null
}

export const isOpen = (days: OfferDays | null, today: LocalDate): days is OfferDays => days !== null && days.from <= today && today <= days.to

/** What targeting reads of a member. */
export interface OfferAudience {
  segment: Segment | null
  interests: readonly string[]
  tierId: string
}

/** Any of the listed segments, interests or tiers; an empty list does not narrow. */
export function targets(offer: Pick<Offer, 'target'>, member: OfferAudience): boolean {
  const { segments, interests, tiers } = offer.target
  if (segments.length === 0 && interests.length === 0 && tiers.length === 0) return true
  return (
    (member.segment !== null && segments.includes(member.segment)) ||
    interests.some((id) => member.interests.includes(id)) ||
    tiers.includes(member.tierId)
  )
}

/**
 * Where a member falls in [0, 1) for an offer: the first 48 bits of SHA-256(offerId ~ uid). Stable
 * across runs and machines, and independent between offers (another offer id, another hash).
 */
export async function holdOutDraw(offerId: string, uid: string): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${offerId}~${uid}`)))
  let value = 0
  for (let i = 0; i < 6; i += 1) value = value * 256 + digest[i]!
  return value / 2 ** 48
}

export async function isHeldOut(offer: Pick<Offer, 'id' | 'holdOutPercent'>, uid: string): Promise<boolean> {
  if (offer.holdOutPercent <= 0) return false
  return (await holdOutDraw(offer.id, uid)) < offer.holdOutPercent / 100
}

/** The group a targeted member is in for one season of an offer (written by the scoring run). */
export type OfferGroup = 'exposed' | 'control'

/** `members/{uid}.offers[offerId]`: the member's group and the season (window start) it is for. */
export interface OfferAssignment {
  group: OfferGroup
  from: LocalDate
}

/** An offer as the member sees it (`listMyOffers`). */
export interface MyOffer {
  id: string
  kind: OfferKind
  title: LocalizedText
  body: LocalizedText
  membersOnly: boolean
  from: LocalDate
  to: LocalDate
  /** Whether it runs today (false: it starts on `from`). */
  open: boolean
  bonusPoints: number
  discountPercent: number
}

export interface ListMyOffersResult {
  offers: MyOffer[]
}

/** Offers shown this many days before they open, so a holiday week can be announced. */
export const UPCOMING_DAYS = 14

/**
 * The offers a member sees: active, targeting them, not held out, running or starting within
 * `UPCOMING_DAYS`; running first, then by start.
 */
export async function offersFor(
  offers: readonly Offer[],
  member: OfferAudience & { uid: string },
  today: LocalDate,
  timeZone: string,
): Promise<MyOffer[]> {
  const shown: MyOffer[] = []
  for (const offer of offers) {
    if (!offer.active || !targets(offer, member)) continue
    const days = offerDays(offer.window, today, timeZone)
    if (!days || days.from > addDays(today, UPCOMING_DAYS)) continue
    if (await isHeldOut(offer, member.uid)) continue
    shown.push({
      id: offer.id,
      kind: offer.kind,
      title: offer.title,
      body: offer.body,
      membersOnly: offer.membersOnly,
      from: days.from,
      to: days.to,
      open: isOpen(days, today),
      bonusPoints: offer.kind === 'second-purchase' ? offer.bonusPoints : 0,
      discountPercent: offer.kind === 'discount' ? offer.discountPercent : 0,
    })
  }
  return shown.sort((a, b) => Number(b.open) - Number(a.open) || a.from.localeCompare(b.from) || a.id.localeCompare(b.id))
}

/** A second purchase: the one before it was recorded at most `SECOND_PURCHASE_DAYS` days earlier. */
export function isSecondPurchase(previousOn: LocalDate | null, today: LocalDate): boolean {
  return previousOn !== null && previousOn <= today && previousOn >= addDays(today, -SECOND_PURCHASE_DAYS)
}
