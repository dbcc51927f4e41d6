import type { Firestore } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import { badgePage } from '../../functions/src/earn/badge-page'
import { demoConfig } from '../../scripts/demo-club'

/**
 * Just enough Firestore for the badge page: the code ABCDEFG belongs to member u1, named `name`,
 * who holds the badges in `earned`.
 */
function fakeDb(name: string, earned: string[], codeActive = true): Firestore {
  const snap = (exists: boolean, data: Record<string, unknown> = {}) => ({ exists, get: (field: string) => data[field] })
  return {
    doc: (path: string) => ({
      get: async () => {
        if (path === 'referralCodes/ABCDEFG') return snap(true, { uid: 'u1', active: codeActive })
        if (path === 'members/u1') return snap(true, { name })
        const badge = /^members\/u1\/badges\/(.+)$/.exec(path)
        return snap(badge !== null && earned.includes(badge[1]!))
      },
    }),
  } as unknown as Firestore
}

const page = (path: string, language: string, options: { name?: string; earned?: string[]; active?: boolean } = {}) =>
  badgePage(fakeDb(options.name ?? 'Dana Levi', options.earned ?? ['five-partners'], options.active), demoConfig, {
    path,
    origin: 'https://club.example',
    acceptLanguage: language,
  })

const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1]
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1]
const join = (html: string) => /<a href="([^"]*)" data-testid="badge-join">/.exec(html)?.[1]

describe('the shared badge page', () => {
  it('names the holder and the badge they earned, with the badge’s own 1200×630 preview', async () => {
    const html = await page('/b/ABCDEFG/five-partners', 'en-US')
    expect(title(html)).toBe('Dana earned “Five stores” at Neighborhood Club')
    expect(meta(html, 'og:title')).toBe('Dana earned “Five stores” at Neighborhood Club')
    expect(meta(html, 'twitter:card')).toBe('summary_large_image')
    expect(meta(html, 'og:image')).toBe('https://club.example/badges/og/five-partners.png')
    expect(meta(html, 'og:image:width')).toBe('1200')
    expect(meta(html, 'og:image:height')).toBe('630')
    expect(meta(html, 'og:url')).toBe('https://club.example/b/ABCDEFG/five-partners')
    expect(meta(html, 'og:description')).toBe('Join Neighborhood Club for free and earn points and badges of your own.')
    // The way in carries the holder's invitation; nothing names the member's account.
    expect(join(html)).toBe('/sign-up?ref=ABCDEFG&amp;from=Dana')
    expect(html).not.toContain('u1')
  })

  it('in Hebrew, by the browser’s languages, without gendered verbs or slash forms', async () => {
    const html = await page('/b/abcdefg/five-partners', 'he-IL,he;q=0.9,en;q=0.5', { name: 'דנה לוי' })
    expect(html).toContain('<html lang="he" dir="rtl">')
    expect(title(html)).toBe('לדנה יש תג חדש במועדון השכונה: חמש חנויות')
    expect(title(await page('/b/ABCDEFG/five-partners', 'he', { name: 'Dana Levi' }))).toBe('ל־Dana יש תג חדש במועדון השכונה: חמש חנויות')
    expect(html).not.toMatch(/[\u0590-\u05FF]\/[\u0590-\u05FF]/)
  })

  it('gives a badge not earned, an unknown badge, an unknown code or a longer path the club’s generic page', async () => {
    const generic = await page('/b/ZZZZZZZ/five-partners', 'en')
    expect(title(generic)).toBe('Join Neighborhood Club')
    expect(meta(generic, 'og:image')).toBe('https://club.example/brand/og-referral.png')
    expect(join(generic)).toBe('/sign-up')
    for (const path of ['/b/ABCDEFG/first-review', '/b/ABCDEFG/not-a-badge', '/b/ABCDEFG/five-partners/extra', '/b/ABCDEFG', '/b/../../x']) {
      expect(await page(path, 'en')).toBe(generic)
    }
  })

  it('still shows a badge whose holder’s invitation is switched off, without the invitation', async () => {
    const html = await page('/b/ABCDEFG/five-partners', 'en', { active: false })
    expect(title(html)).toContain('Five stores')
    expect(join(html)).toBe('/sign-up')
  })

  it('escapes a hostile first name and drops direction overrides', async () => {
    const html = await page('/b/ABCDEFG/five-partners', 'en', { name: '<script>alert(1)</script>\u202Egnp.exe "x' })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('\u202E')
    expect(title(html)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;gnp.exe earned “Five stores” at Neighborhood Club')
    const quoted = await page('/b/ABCDEFG/five-partners', 'en', { name: '"onload=alert(1) x' })
    expect(meta(quoted, 'og:title')).toBe('&quot;onload=alert(1) earned “Five stores” at Neighborhood Club')
    expect(join(quoted)).toBe('/sign-up?ref=ABCDEFG&amp;from=%22onload%3Dalert(1)')
  })
})
