import type { Firestore } from 'firebase-admin/firestore'
import { isBadgeId, type BadgeId } from '../../../src/domain/earn/badges'
import { firstName } from '../../../src/domain/members/member'
import { parseReferralCode } from '../../../src/domain/referrals/referral-code'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { localized, pickLocale, type Locale } from '../../../src/domain/shared/locale'
import { paths } from '../../../src/domain/shared/paths'
import { cleanText } from '../../../src/domain/shared/text'
import enEarn from '../../../src/i18n/en/earn'
import heEarn from '../../../src/i18n/he/earn'

/** A one-letter Hebrew prefix joins a Hebrew word directly, and takes a maqaf before digits or Latin. */
function prefixed(letter: string, word: string): string {
  return /^[\u0590-\u05FF]/.test(word) ? `${letter}${word}` : `${letter}־${word}`
}

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

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

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
  const languages = (request.acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]!.trim()).filter(Boolean)
  const locale: Locale = pickLocale(languages, config.defaultLocale)
  const t = TEXT[locale]
  const club = localized(config.name, locale)
  const title = shared ? t.earned(shared.firstName, BADGE_NAMES[locale][shared.badgeId], club) : t.generic(club)
  const description = t.invite(club)
  const canonical = shared ? `${request.origin}/b/${shared.code}/${shared.badgeId}` : `${request.origin}/sign-up`
  const target = shared?.invites ? `/sign-up?ref=${shared.code}&from=${encodeURIComponent(shared.firstName)}` : '/sign-up'
  const imagePath = shared ? `/badges/og/${shared.badgeId}.png` : '/brand/og-referral.png'
  const image = `${request.origin}${imagePath}`
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'he' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<meta name="description" content="${escape(description)}">
<link rel="canonical" href="${escape(canonical)}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${escape(club)}">
<meta property="og:title" content="${escape(title)}">
<meta property="og:description" content="${escape(description)}">
<meta property="og:url" content="${escape(canonical)}">
<meta property="og:image" content="${escape(image)}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:locale" content="${locale === 'he' ? 'he_IL' : 'en_US'}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${escape(title)}">
<meta name="twitter:description" content="${escape(description)}">
<meta name="twitter:image" content="${escape(image)}">
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;background:#f4f6f5;color:#1b1f23;text-align:center}main{max-width:28rem;margin:auto}img{max-width:100%;height:auto;border-radius:1rem}a{display:inline-block;margin-top:1rem;padding:.8rem 1.4rem;border-radius:.75rem;background:#0f5c4d;color:#fff;font-weight:700;text-decoration:none}</style>
</head>
<body>
<main>
<img src="${escape(imagePath)}" alt="" width="1200" height="630">
<h1>${escape(title)}</h1>
<p>${escape(description)}</p>
<a href="${escape(target)}" data-testid="badge-join">${t.join}</a>
</main>
</body>
</html>`
}

/** The page for a request path: the shared badge when the link is real, the generic page otherwise. */
export async function badgePage(db: Firestore, config: ClubConfig, request: BadgePageRequest): Promise<string> {
  return renderBadgePage(config, request, await findSharedBadge(db, config, request.path))
}
