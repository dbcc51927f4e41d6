import type { Firestore } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import { referralLanding } from '../../functions/src/referrals/landing'
import { demoConfig } from '../../scripts/demo-club'

/** Just enough Firestore for the landing page: a code that belongs to a member named `name`. */
function fakeDb(name: string, commits: string[] = []): Firestore {
  const snap = (data: Record<string, unknown>) => ({ exists: true, get: (field: string) => data[field], ref: {} })
  return {
    doc: (path: string) => ({
      get: async () => (path.startsWith('referralCodes/') ? snap({ uid: 'u1', active: true }) : snap({ name })),
    }),
    batch: () => ({ create: () => undefined, update: () => undefined, commit: async () => void commits.push('opened') }),
    // The server secret that keys the visitor marker (`secrets/referralOpens`).
    runTransaction: async (run: (tx: unknown) => unknown) =>
      run({ get: async () => ({ exists: true, get: () => 'c2VjcmV0' }), create: () => undefined }),
  } as unknown as Firestore
}

const answer = (name: string, language: string, userAgent = 'WhatsApp/2.23') =>
  referralLanding(fakeDb(name), demoConfig, {
    path: '/r/ABCDEFG',
    origin: 'https://club.example',
    acceptLanguage: language,
    userAgent,
    clientIp: '203.0.113.7',
  })

/** The preview page a chat's robot gets. */
async function page(name: string, language: string): Promise<string> {
  const result = await answer(name, language)
  if (!('html' in result)) throw new Error(`a preview robot was sent to ${result.redirect}`)
  return result.html
}

const description = (html: string) => /<meta name="description" content="([^"]*)">/.exec(html)?.[1]
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1]

describe('the referral landing page says what is true', () => {
  it('in Hebrew: no slash forms, the gift comes with a first purchase of at least the minimum', async () => {
    const html = await page('דנה לוי', 'he-IL')
    expect(title(html)).toBe('קיבלת הזמנה מדנה להצטרף למועדון השכונה')
    const text = description(html)!
    expect(text).toContain('50 נקודות מתנה')
    const minimum = new Intl.NumberFormat('he-IL', { style: 'currency', currency: 'ILS', maximumFractionDigits: 0 }).format(50)
    expect(text).toBe(`מצטרפים בחינם ומקבלים 50 נקודות מתנה, ועוד 100 נקודות בקנייה הראשונה ב־${minimum} ומעלה.`)
    expect(html).not.toMatch(/[\u0590-\u05FF]\/[\u0590-\u05FF]/)
  })

  it('joins a Latin name to a Hebrew prefix with a maqaf', async () => {
    expect(title(await page('Dana Levi', 'he-IL'))).toBe('קיבלת הזמנה מ־Dana להצטרף למועדון השכונה')
  })

  it('in English', async () => {
    const html = await page('Dana Levi', 'en-US')
    expect(title(html)).toBe('Dana invited you to Neighborhood Club')
    expect(description(html)).toBe('Join for free and get 50 points as a gift, plus 100 points more with your first purchase of ₪50 or more.')
  })

  it('sends a person to the club’s landing page with the code and the first name, and a robot’s page links there too', async () => {
    expect(await answer('דנה לוי', 'he-IL', 'Mozilla/5.0 (Linux; Android 14) Chrome/131')).toEqual({ redirect: '/?ref=ABCDEFG&from=%D7%93%D7%A0%D7%94' })
    expect(await page('Dana Levi', 'en-US')).toContain('href="/?ref=ABCDEFG&amp;from=Dana"')
  })

  it('counts people, not preview robots', async () => {
    const commits: string[] = []
    const request = { path: '/r/ABCDEFG', origin: 'https://x', acceptLanguage: 'en', clientIp: '203.0.113.7' }
    await referralLanding(fakeDb('Dana', commits), demoConfig, { ...request, userAgent: 'facebookexternalhit/1.1' })
    expect(commits).toEqual([])
    await referralLanding(fakeDb('Dana', commits), demoConfig, { ...request, userAgent: 'Mozilla/5.0 Chrome/131' })
    expect(commits).toEqual(['opened'])
  })
})
