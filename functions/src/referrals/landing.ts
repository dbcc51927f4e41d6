import { createHmac } from 'node:crypto'
import { FieldValue, Timestamp, type DocumentReference, type Firestore } from 'firebase-admin/firestore'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { welcomeGiftPoints } from '../../../src/domain/points/earning'
import { localized, type Locale } from '../../../src/domain/shared/locale'
import { firstName } from '../../../src/domain/members/member'
import { paths } from '../../../src/domain/shared/paths'
import { parseReferralCode } from '../../../src/domain/referrals/referral-code'
import { serverSecret } from '../lib/secrets'
import { prefixed, renderSharePage, visitorLocale } from '../lib/share-page'

const hePoints = (n: number) => (n === 1 ? 'נקודה אחת' : n === 2 ? 'שתי נקודות' : `${n} נקודות`)
const enPoints = (n: number) => (n === 1 ? '1 point' : `${n} points`)
const money = (locale: Locale, shekels: number) =>
  new Intl.NumberFormat(locale === 'he' ? 'he-IL' : 'en-US', { style: 'currency', currency: 'ILS', maximumFractionDigits: 0 }).format(shekels)

/** What a new member gets: the welcome gift now, the friend's gift with a first purchase of at least the minimum. */
interface Offer {
  welcome: number
  /** 0 when there is no valid invitation. */
  friendGift: number
  minSpend: number
}

/** The landing page's words, defined once here (the app has its own in src/i18n). */
const TEXT = {
  he: {
    invited: (name: string, club: string) => `קיבלת הזמנה ${prefixed('מ', name)} להצטרף ${prefixed('ל', club)}`,
    generic: (club: string) => `הצטרפות ${prefixed('ל', club)}`,
    offer: ({ welcome, friendGift, minSpend }: Offer) => {
      const purchase = `בקנייה הראשונה ${prefixed('ב', money('he', minSpend))} ומעלה`
      if (friendGift > 0 && welcome > 0) return `מצטרפים בחינם ומקבלים ${hePoints(welcome)} מתנה, ועוד ${hePoints(friendGift)} ${purchase}.`
      if (friendGift > 0) return `מצטרפים בחינם ומקבלים ${hePoints(friendGift)} מתנה ${purchase}.`
      return welcome > 0 ? `מצטרפים בחינם ומקבלים ${hePoints(welcome)} מתנה.` : 'מצטרפים בחינם.'
    },
    join: 'להצטרפות',
  },
  en: {
    invited: (name: string, club: string) => `${name} invited you to ${club}`,
    generic: (club: string) => `Join ${club}`,
    offer: ({ welcome, friendGift, minSpend }: Offer) => {
      const purchase = `with your first purchase of ${money('en', minSpend)} or more`
      if (friendGift > 0 && welcome > 0) return `Join for free and get ${enPoints(welcome)} as a gift, plus ${enPoints(friendGift)} more ${purchase}.`
      if (friendGift > 0) return `Join for free and get a gift of ${enPoints(friendGift)} ${purchase}.`
      return welcome > 0 ? `Join for free and get ${enPoints(welcome)} as a gift.` : 'Join for free.'
    },
    join: 'Join now',
  },
} as const

const BOTS = /bot|crawler|spider|facebookexternalhit|whatsapp|telegram|slack|discord|embedly|preview/i

export interface LandingRequest {
  path: string
  origin: string
  acceptLanguage: string | undefined
  userAgent: string | undefined
  /** The visitor's address (the first hop of x-forwarded-for): only its hash is kept, for a day. */
  clientIp: string | undefined
  now?: Date
}

/** gRPC ALREADY_EXISTS: this visitor was counted today. */
const ALREADY_EXISTS = 6

/**
 * Counts a person opening the link once per code per club day: a marker keyed by a hash of the
 * address, the browser, the code and the day is created together with the increment, so a
 * reload, a refresh loop or a script from one machine adds one. The marker holds no address, and
 * its id is an HMAC under a server secret, not a plain hash an address could be tried against.
 */
async function countOpening(db: Firestore, memberRef: DocumentReference, code: string, request: LandingRequest, config: ClubConfig): Promise<void> {
  const now = request.now ?? new Date()
  const day = localDate(now, config.timeZone)
  // Keyed with a server secret: without it the day's addresses could be tried one by one against
  // the marker ids.
  const visitor = createHmac('sha256', await serverSecret(db, 'referralOpens'))
    .update([request.clientIp ?? '', request.userAgent ?? '', code, day].join('\n'))
    .digest('hex')
  const batch = db.batch()
  // `expireAt` is for a Firestore TTL policy: markers are worthless after their day.
  batch.create(db.doc(paths.referralOpen(visitor)), { day, expireAt: Timestamp.fromMillis(now.getTime() + 2 * 86_400_000) })
  batch.update(memberRef, { 'referralStats.opened': FieldValue.increment(1) })
  try {
    await batch.commit()
  } catch (error) {
    if ((error as { code?: unknown }).code !== ALREADY_EXISTS) throw error
  }
}

/** What `/r/<code>` answers: a person goes to the club's landing page, a preview robot gets tags. */
export type LandingAnswer = { redirect: string } | { html: string }

/**
 * What a shared link opens. A person is sent to the club's landing page (`/`) with the code and
 * the inviter's first name, where the friend's gift shows on top and joining carries the code;
 * WhatsApp, Facebook, X and Telegram get a page of real preview tags (the referrer's first name,
 * the offer, a 1200×630 image) with a link to the same place. An unknown or disabled code gets the
 * club's ordinary landing page, with no hint why.
 */
export async function referralLanding(db: Firestore, config: ClubConfig, request: LandingRequest): Promise<LandingAnswer> {
  const code = parseReferralCode(request.path.split('/').filter(Boolean).pop() ?? '')
  const robot = BOTS.test(request.userAgent ?? '')
  let inviter: string | null = null
  let validCode: string | null = null
  if (code && config.referrals.enabled) {
    const snap = await db.doc(paths.referralCode(code)).get()
    if (snap.exists && snap.get('active') !== false) {
      const member = await db.doc(paths.member(String(snap.get('uid')))).get()
      if (member.exists) {
        inviter = firstName(String(member.get('name') ?? ''))
        validCode = code
        // People opening the link, not the preview robots that fetch it for a chat.
        if (!robot) await countOpening(db, member.ref, code, request, config)
      }
    }
  }
  const target = validCode ? `/?${new URLSearchParams({ ref: validCode, from: inviter ?? '' })}` : '/'
  if (!robot) return { redirect: target }
  const locale = visitorLocale(request.acceptLanguage, config)
  const t = TEXT[locale]
  const club = localized(config.name, locale)
  const title = inviter ? t.invited(inviter, club) : t.generic(club)
  const description = t.offer({
    welcome: welcomeGiftPoints(config),
    friendGift: validCode ? config.referrals.friendWelcomePoints : 0,
    minSpend: config.referrals.minQualifyingSpendShekels,
  })
  const canonical = validCode ? `${request.origin}/r/${validCode}` : `${request.origin}/`
  return {
    html: renderSharePage({
      locale,
      siteName: club,
      title,
      description,
      canonical,
      image: { path: '/brand/og-referral.png', width: 1200, height: 630 },
      origin: request.origin,
      target,
      button: t.join,
      testId: 'referral-join',
    }),
  }
}
