// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startLanding } from '@/boot/landing'
import { clubLandingOf, type ClubLanding } from '@/domain/members/club-landing'
import { demoConfig, demoPartners } from '../../scripts/demo-club'

/** The landing page's markup exactly as index.html carries it. */
const INDEX = readFileSync(resolve(__dirname, '../../index.html'), 'utf8')
const markup = INDEX.slice(INDEX.indexOf('<!-- landing:start'), INDEX.indexOf('<!-- landing:end -->'))

const demo = clubLandingOf(demoConfig, demoPartners)

function serve(data: unknown, ok = true) {
  const fetch = vi.fn(async () => ({ ok, json: async () => data }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

function open(url: string, lang: 'he' | 'en' = 'he') {
  history.replaceState(null, '', url)
  document.documentElement.lang = lang
  document.body.innerHTML = markup
  startLanding()
}

const block = (lang: 'he' | 'en') => document.querySelector<HTMLElement>(`[data-landing-locale="${lang}"]`)!
const texts = (lang: 'he' | 'en', selector: string) => Array.from(block(lang).querySelectorAll(selector), (node) => node.textContent)
const settled = () => new Promise((done) => setTimeout(done, 0))

beforeEach(() => localStorage.clear())
afterEach(() => vi.unstubAllGlobals())

describe('the landing page’s script', () => {
  it('fills in the club’s name, tiers and stores in both languages, and keeps them for the next visit', async () => {
    serve(demo)
    open('/')
    await settled()
    expect(texts('he', '[data-fill="club-name"]')).toEqual(['מועדון השכונה', 'מועדון השכונה'])
    expect(texts('en', '[data-testid="landing-tiers"] h3')).toEqual(['Silver', 'Gold', 'Platinum'])
    expect(texts('he', '[data-testid="landing-tiers"] p')).toEqual(['מרגע ההצטרפות', 'מ־1,000 נקודות בשנה', 'מ־3,000 נקודות בשנה'])
    expect(texts('en', '[data-testid="landing-partners"] strong')).toContain('Café Shachar')
    expect(texts('he', '[data-testid="landing-partners"] span')).toContain('בית קפה · דיזנגוף 120, תל אביב')
    expect(block('he').querySelector('[data-fill="offer"]')!.textContent).toBe('מצטרפים בחינם ומקבלים 50 נקודות מתנה.')
    expect(block('en').querySelector('[data-fill="offer"]')!.textContent).toBe('Join for free and get 50 points as a gift.')
    expect(JSON.parse(localStorage.getItem('moadon.landing')!)).toEqual(demo)

    // Offline next time: the device's copy.
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))))
    open('/', 'en')
    expect(texts('en', '[data-testid="landing-tiers"] h3')).toEqual(['Silver', 'Gold', 'Platinum'])
    await settled()
    expect(document.title).toBe('Neighborhood Club')
  })

  it('puts the club’s text in as text, never as markup', async () => {
    const hostile: ClubLanding = {
      ...demo,
      partners: [{ id: 'evil', name: { he: '<img src=x onerror=alert(1)>', en: '<b>bold</b>' }, category: 'cafe', address: { he: 'א', en: 'A' } }],
    }
    serve(hostile)
    open('/', 'en')
    await settled()
    expect(block('en').querySelector('[data-testid="landing-partners"] strong')!.textContent).toBe('<b>bold</b>')
    expect(document.querySelector('#landing img[src="x"], #landing b')).toBeNull()
  })

  it('shows the invitation on top, the name isolated and cleaned, remembers it as the app does and carries it to sign-up', async () => {
    serve(demo)
    open('/?ref=abcdefg&from=%E2%80%AEanaD', 'en')
    const banner = block('en').querySelector<HTMLElement>('[data-testid="landing-invite"]')!
    expect(banner.hidden).toBe(false)
    await settled()
    expect(banner.textContent).toBe('anaD invited you — join and get 100 points with your first purchase of ₪50 or more.')
    expect(banner.querySelector('bdi')).toMatchObject({ textContent: 'anaD', dir: 'auto' })
    expect(block('he').querySelector('[data-testid="landing-invite"]')!.textContent).toMatch(/^קיבלת הזמנה מ־anaD: מצטרפים ומקבלים 100 נקודות מתנה בקנייה הראשונה ב־.*50.*₪ ומעלה\.$/)
    expect(JSON.parse(localStorage.getItem('moadon.referral')!)).toEqual({ code: 'ABCDEFG', from: 'anaD' })
    expect(block('en').querySelector<HTMLAnchorElement>('[data-landing-join]')!.getAttribute('href')).toBe('/sign-up?ref=ABCDEFG&from=anaD')
  })

  it('names the inviter without a gift of nothing when the club gives the friend no points', async () => {
    serve({ ...demo, referral: { friendPoints: 0, minSpendShekels: 50 } })
    open('/?ref=ABCDEFG&from=Dana', 'en')
    await settled()
    expect(block('en').querySelector('[data-testid="landing-invite"]')!.textContent).toBe('Dana invited you to join Neighborhood Club.')
    expect(block('he').querySelector('[data-testid="landing-invite"]')!.textContent).toBe('קיבלת הזמנה מ־Dana להצטרף למועדון השכונה.')
  })

  it('shows no invitation for a code that cannot be one, and joins without it', async () => {
    serve(demo)
    open('/?ref=<script>&from=Eve', 'en')
    await settled()
    expect(block('en').querySelector<HTMLElement>('[data-testid="landing-invite"]')!.hidden).toBe(true)
    expect(localStorage.getItem('moadon.referral')).toBeNull()
    expect(block('en').querySelector<HTMLAnchorElement>('[data-landing-join]')!.getAttribute('href')).toBe('/sign-up')
  })

  it('keeps its own words when the club’s data is unavailable', async () => {
    serve({ error: 'unavailable' }, false)
    open('/')
    await settled()
    expect(texts('he', '[data-fill="club-name"]')).toEqual(['מועדון הלקוחות', 'מועדון הלקוחות'])
    expect(block('he').querySelector('[data-testid="landing-tiers"]')!.children).toHaveLength(0)
  })

  it('switches language and remembers it as the app does', () => {
    serve(demo)
    open('/')
    const toEnglish = block('he').querySelector<HTMLButtonElement>('[data-switch-locale]')!
    expect(toEnglish.hidden).toBe(false)
    toEnglish.click()
    expect(document.documentElement.lang).toBe('en')
    expect(document.documentElement.dir).toBe('ltr')
    expect(localStorage.getItem('moadon.locale')).toBe('en')
  })
})
