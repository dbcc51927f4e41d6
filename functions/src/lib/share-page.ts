import type { Request } from 'firebase-functions/v2/https'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { pickLocale, type Locale } from '../../../src/domain/shared/locale'

/**
 * The pages a shared link opens (an invitation, a badge, a post): server-rendered so WhatsApp,
 * Facebook, X and Telegram find real preview tags, then one way into the app. One template, so
 * every shared page escapes the same way and looks the same.
 */

/** A one-letter Hebrew prefix joins a Hebrew word directly, and takes a maqaf before digits or Latin. */
export function prefixed(letter: string, word: string): string {
  return /^[\u0590-\u05FF]/.test(word) ? `${letter}${word}` : `${letter}־${word}`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

/** The language of the visitor's browser, among the app's, else the club's default. */
export function visitorLocale(acceptLanguage: string | undefined, config: Pick<ClubConfig, 'defaultLocale'>): Locale {
  const languages = (acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]!.trim()).filter(Boolean)
  return pickLocale(languages, config.defaultLocale)
}

/** Where the request came from, as the visitor's browser sees it (Hosting forwards the host). */
export function requestOrigin(req: Pick<Request, 'headers'>): string {
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost')
  const proto = String(req.headers['x-forwarded-proto'] ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https'))
  return `${proto.split(',')[0]}://${host.split(',')[0]}`
}

export interface SharePage {
  locale: Locale
  siteName: string
  title: string
  description: string
  /** The page's own address (absolute). */
  canonical: string
  /** The preview image: its path on this site, and its size (1200×630 for the club's own images). */
  image: { path: string; width: number; height: number }
  origin: string
  /** Where the button leads, inside the app. */
  target: string
  button: string
  /** The button's `data-testid`. */
  testId: string
}

export function renderSharePage(page: SharePage): string {
  const e = escapeHtml
  const image = `${page.origin}${page.image.path}`
  return `<!doctype html>
<html lang="${page.locale}" dir="${page.locale === 'he' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(page.title)}</title>
<meta name="description" content="${e(page.description)}">
<link rel="canonical" href="${e(page.canonical)}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${e(page.siteName)}">
<meta property="og:title" content="${e(page.title)}">
<meta property="og:description" content="${e(page.description)}">
<meta property="og:url" content="${e(page.canonical)}">
<meta property="og:image" content="${e(image)}">
<meta property="og:image:width" content="${page.image.width}">
<meta property="og:image:height" content="${page.image.height}">
<meta property="og:locale" content="${page.locale === 'he' ? 'he_IL' : 'en_US'}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${e(page.title)}">
<meta name="twitter:description" content="${e(page.description)}">
<meta name="twitter:image" content="${e(image)}">
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;background:#f4f6f5;color:#1b1f23;text-align:center}main{max-width:28rem;margin:auto}img{max-width:100%;height:auto;border-radius:1rem}p{white-space:pre-wrap}a{display:inline-block;margin-top:1rem;padding:.8rem 1.4rem;border-radius:.75rem;background:#0f5c4d;color:#fff;font-weight:700;text-decoration:none}</style>
</head>
<body>
<main>
<img src="${e(page.image.path)}" alt="" width="${page.image.width}" height="${page.image.height}">
<h1 dir="auto">${e(page.title)}</h1>
<p dir="auto">${e(page.description)}</p>
<a href="${e(page.target)}" data-testid="${e(page.testId)}">${e(page.button)}</a>
</main>
</body>
</html>`
}
