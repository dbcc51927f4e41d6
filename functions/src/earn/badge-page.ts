import type { Firestore } from 'firebase-admin/firestore'
import { isBadgeId, type BadgeId } from '../../../src/domain/earn/badges'
import { firstName } from '../../../src/domain/members/member'
import { parseReferralCode } from '../../../src/domain/referrals/referral-code'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { localized, type Locale } from '../../../src/domain/shared/locale'
import { paths } from '../../../src/domain/shared/paths'
import { cleanText } from '../../../src/domain/shared/text'
import enEarn from '../../../src/i18n/en/earn'
import heEarn from '../../../src/i18n/he/earn'
import { prefixed, renderSharePage, visitorLocale } from '../lib/share-page'

/** The badges' names are the app's own (src/i18n), so the page and the Earn hub never disagree. */
const BADGE_NAMES: Record<Locale, Record<BadgeId, string>> = {
  he: heEarn.earn.badges.names,
  en: enEarn.earn.badges.names,
}

/** The page's own sentences (the referral landing page's style: no gendered verb in Hebrew). */
const TEXT = {
  he: {
    earned: (name: string, badge: string, club: string) => `${prefixed('ל', name)} יש תג חדש ${prefixed('ב', club)}: ${badge}`,
    generic: (club: string) => `הצטרפות ${prefixed('ל', club)}`,
    invite: (club: string) => `מצטרפים ${prefixed('ל', club)} בחינם וצוברים נקודות ותגים משלך.`,
    join: 'להצטרפות',
  },
  en: {
    earned: (name: string, badge: string, club: string) => `${name} earned “${badge}” at ${club}`,
    generic: (club: string) => `Join ${club}`,
    invite: (club: string) => `Join ${club} for free and earn points and badges of your own.`,
    join: 'Join now',
  },
} as const

export interface BadgePageRequest {
  path: string
  origin: string
  acceptLanguage: string | undefined
}

/** Whose badge the link shows, when the link is real: the holder's first name and their invitation code. */
export interface SharedBadge {
  badgeId: BadgeId
  /** The holder's referral code: their public handle, never their uid or e-mail. */
  code: string
  firstName: string
  /** The code may bring a friend in (referrals on, the code active). */
  invites: boolean
}

/**
 * `/b/<referral code>/<badge id>`: the member and the badge, if that member has earned it. Any
 * other link (an unknown code, a badge not earned, a made-up badge) is null: the club's generic
 * page, with no hint which part was wrong.
 */
export async function findSharedBadge(db: Firestore, config: ClubConfig, path: string): Promise<SharedBadge | null> {
  const [prefix, rawCode, rawBadge, ...rest] = path.split('/').filter(Boolean)
  const code = parseReferralCode(rawCode ?? '')
  if (prefix !== 'b' || !code || !isBadgeId(rawBadge) || rest.length > 0) return null
  const codeSnap = await db.doc(paths.referralCode(code)).get()
  if (!codeSnap.exists) return null
  const uid = String(codeSnap.get('uid'))
  const [member, badge] = await Promise.all([db.doc(paths.member(uid)).get(), db.doc(paths.badge(uid, rawBadge)).get()])
  if (!member.exists || !badge.exists) return null
  const name = firstName(cleanText(String(member.get('name') ?? '')))
  if (!name) return null
  return { badgeId: rawBadge, code, firstName: name, invites: config.referrals.enabled && codeSnap.get('active') !== false }
}

/**
 * The page a shared badge link opens: preview tags for WhatsApp, Facebook, X and Telegram (the
 * holder's first name, the badge, a 1200×630 PNG of its artwork), then the way into the club —
 * with the holder's invitation when it can bring a friend in. Everything from outside is escaped.
 */
export function renderBadgePage(config: ClubConfig, request: BadgePageRequest, shared: SharedBadge | null): string {
  const locale = visitorLocale(request.acceptLanguage, config)
  const t = TEXT[locale]
  const club = localized(config.name, locale)
  const title = shared ? t.earned(shared.firstName, BADGE_NAMES[locale][shared.badgeId], club) : t.generic(club)
  const description = t.invite(club)
  const canonical = shared ? `${request.origin}/b/${shared.code}/${shared.badgeId}` : `${request.origin}/sign-up`
  const target = shared?.invites ? `/sign-up?ref=${shared.code}&from=${encodeURIComponent(shared.firstName)}` : '/sign-up'
  return renderSharePage({
    locale,
    siteName: club,
    title,
    description,
    canonical,
    image: { path: shared ? `/badges/og/${shared.badgeId}.png` : '/brand/og-referral.png', width: 1200, height: 630 },
    origin: request.origin,
    target,
    button: t.join,
    testId: 'badge-join',
  })
}

/** The page for a request path: the shared badge when the link is real, the generic page otherwise. */
export async function badgePage(db: Firestore, config: ClubConfig, request: BadgePageRequest): Promise<string> {
  return renderBadgePage(config, request, await findSharedBadge(db, config, request.path))
}
