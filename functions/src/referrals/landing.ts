import type { Firestore } from 'firebase-admin/firestore'
import { FieldValue } from 'firebase-admin/firestore'
import type { ClubConfig } from '../../../src/domain/club-config'
import { localized, pickLocale, type Locale } from '../../../src/domain/locale'
import { firstName } from '../../../src/domain/member'
import { paths } from '../../../src/domain/paths'
import { parseReferralCode } from '../../../src/domain/referral-code'

const TEXT = {
  he: {
    invited: (name: string, club: string) => `${name} מזמין/ה אותך ל${club}`,
    generic: (club: string) => `הצטרפות ל${club}`,
    offer: (points: number) => `מצטרפים בחינם ומקבלים ${points} נקודות מתנה לקנייה הראשונה.`,
    join: 'להצטרפות',
  },
  en: {
    invited: (name: string, club: string) => `${name} invites you to ${club}`,
    generic: (club: string) => `Join ${club}`,
    offer: (points: number) => `Join for free and get ${points} gift points for your first purchase.`,
    join: 'Join now',
  },
} as const

const BOTS = /bot|crawler|spider|facebookexternalhit|whatsapp|telegram|slack|discord|embedly|preview/i

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

export interface LandingRequest {
  path: string
  origin: string
  acceptLanguage: string | undefined
  userAgent: string | undefined
}

/**
 * The page a shared link opens: real preview tags for WhatsApp, Facebook, X and Telegram (the
 * referrer's first name, the offer, a 1200×630 image), then the way into the app with the code.
 * An unknown or disabled code gets the club's ordinary join page, with no hint why.
 */
export async function referralLanding(db: Firestore, config: ClubConfig, request: LandingRequest): Promise<string> {
  const code = parseReferralCode(request.path.split('/').filter(Boolean).pop() ?? '')
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
        if (!BOTS.test(request.userAgent ?? '')) await member.ref.update({ 'referralStats.opened': FieldValue.increment(1) })
      }
    }
  }
  const languages = (request.acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]!.trim()).filter(Boolean)
  const locale: Locale = pickLocale(languages, config.defaultLocale)
  const t = TEXT[locale]
  const club = localized(config.name, locale)
  const gift = config.welcomeGift.points + (validCode ? config.referrals.friendWelcomePoints : 0)
  const title = inviter ? t.invited(inviter, club) : t.generic(club)
  const description = t.offer(gift)
  const canonical = validCode ? `${request.origin}/r/${validCode}` : `${request.origin}/sign-up`
  const target = validCode
    ? `/sign-up?ref=${validCode}&from=${encodeURIComponent(inviter ?? '')}`
    : '/sign-up'
  const image = `${request.origin}/brand/og-referral.png`
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
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;background:#f4f6f5;color:#1b1f23;text-align:center}main{max-width:28rem;margin:auto}img{max-width:100%;border-radius:1rem}a{display:inline-block;margin-top:1rem;padding:.8rem 1.4rem;border-radius:.75rem;background:#0f5c4d;color:#fff;font-weight:700;text-decoration:none}</style>
</head>
<body>
<main>
<img src="/brand/og-referral.png" alt="" width="1200" height="630">
<h1>${escape(title)}</h1>
<p>${escape(description)}</p>
<a href="${escape(target)}" data-testid="referral-join">${t.join}</a>
</main>
</body>
</html>`
}
