import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { demoPartners } from '../../scripts/demo-club'
import { paths } from '../../src/domain/shared/paths'
import { admin } from '../emulator/support/emulators'
import { createMember, signInAs } from './support/club'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** The visible one of the page's two language blocks. */
const shown = (page: Page) => page.locator('[data-landing-locale]:visible')

/** A fresh member's invitation code, read where the server keeps it. */
async function invitationOf(name: string, language: 'he' | 'en'): Promise<string> {
  const member = await createMember(name, { language })
  return String((await admin().db.doc(paths.member(member.uid)).get()).get('referralCode'))
}

test.describe('in Hebrew (the default)', () => {
  test.use({ locale: 'he-IL' })

  test('a visitor sees the club — its tiers and partner stores from the configuration — with Join and Sign in, axe-clean', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('data-boot', 'landing')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    const landing = shown(page)
    await expect(landing).toHaveAttribute('lang', 'he')
    await expect(landing.getByRole('heading', { level: 1 })).toHaveText('כרטיס המועדון בטלפון')
    await expect(landing.getByRole('banner')).toContainText('מועדון השכונה')
    await expect(landing.getByTestId('landing-tiers').getByRole('heading', { level: 3 })).toHaveText(['סילבר', 'גולד', 'פלטינום'])
    await expect(landing.getByTestId('landing-tiers')).toContainText('מ־1,000 נקודות בשנה')
    await expect(landing.getByTestId('landing-partners')).toContainText('קפה שחר')
    // Every demo store; the console's own test may have published one more on the shared club.
    for (const partner of demoPartners.filter((p) => p.active)) await expect(landing.getByTestId('landing-partners')).toContainText(partner.name.he)
    await expect(landing.getByText('מצטרפים בחינם ומקבלים 50 נקודות מתנה.')).toBeVisible()
    await expect(landing.getByRole('heading', { level: 2, name: 'התקנה בטלפון' })).toBeVisible()
    await expect(landing.getByRole('link', { name: 'הצטרפות' }).first()).toHaveAttribute('href', '/sign-up')
    await expect(landing.getByRole('link', { name: 'כניסה' }).first()).toHaveAttribute('href', '/sign-in')
    // The app itself is not started on the landing page.
    await expect(page.locator('#app')).toBeEmpty()
    expect(await axeViolations(page)).toEqual([])
    await expect(page).toHaveTitle('מועדון השכונה')

    await landing.getByRole('link', { name: 'הצטרפות' }).first().click()
    await expect(page).toHaveURL(/\/sign-up$/)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  })

  test('its first paint and its preview tags need no JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'he-IL' })
    const page = await context.newPage()
    const response = await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: 'כרטיס המועדון בטלפון' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'הצטרפות' }).first()).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Your club card, on your phone' })).toBeHidden()
    const html = await response!.text()
    expect(html).toContain('<meta property="og:image" content="/brand/og-referral.png" />')
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />')
    expect(html).toMatch(/<meta property="og:title" content="[^"]+" \/>/)
    expect(html).toMatch(/<meta name="description" content="[^"]+" \/>/)
    await context.close()
  })

  test('a referral link lands on the page with the inviter and the friend’s gift on top, and joining keeps the invitation', async ({ page }) => {
    const code = await invitationOf('נועה ברק', 'he')
    await page.goto(`/r/${code}`)
    await expect(page).toHaveURL(new RegExp(`/\\?ref=${code}&from=`))
    const invite = shown(page).getByTestId('landing-invite')
    await expect(invite).toHaveText(/^קיבלת הזמנה מנועה: מצטרפים ומקבלים 100 נקודות מתנה בקנייה הראשונה ב־\u200F?50\s\u200F?₪ ומעלה\.$/)
    await expect(invite.locator('bdi')).toHaveText('נועה')
    expect(await axeViolations(page)).toEqual([])
    await shown(page).getByRole('link', { name: 'הצטרפות' }).first().click()
    await expect(page).toHaveURL(new RegExp(`/sign-up\\?ref=${code}&from=`))
    await expect(page.getByTestId('invite-banner')).toContainText('נועה')
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('moadon.referral') ?? 'null'))).toEqual({ code, from: 'נועה' })
  })
})

test.describe('in English', () => {
  test.use({ locale: 'en-US' })

  test('a visitor whose browser speaks English sees the English page, axe-clean, and can switch to Hebrew', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    const landing = shown(page)
    await expect(landing).toHaveAttribute('dir', 'ltr')
    await expect(landing.getByRole('heading', { level: 1 })).toHaveText('Your club card, on your phone')
    await expect(landing.getByTestId('landing-tiers').getByRole('heading', { level: 3 })).toHaveText(['Silver', 'Gold', 'Platinum'])
    await expect(landing.getByTestId('landing-tiers')).toContainText('From 3,000 points a year')
    await expect(landing.getByTestId('landing-partners')).toContainText('Supermarket · 64 Ibn Gabirol St, Tel Aviv')
    await expect(landing.getByText('On Android:')).toBeVisible()
    expect(await axeViolations(page)).toEqual([])

    await landing.getByRole('button', { name: 'עברית' }).click()
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(shown(page).getByRole('heading', { level: 1 })).toHaveText('כרטיס המועדון בטלפון')
    await expect(shown(page).getByRole('button', { name: 'English' })).toBeFocused()
    // The choice is the app's own: the sign-in screen opens in Hebrew.
    await shown(page).getByRole('link', { name: 'כניסה' }).first().click()
    await expect(page.getByRole('button', { name: 'כניסה', exact: true })).toBeVisible()
  })

  test('a referral link with a name someone tampered with shows it cleaned and isolated', async ({ page }) => {
    const code = await invitationOf('Dana Inviter', 'en')
    await page.goto(`/r/${code}`)
    await expect(shown(page).getByTestId('landing-invite')).toHaveText('Dana invited you — join and get 100 points with your first purchase of ₪50 or more.')
    await page.goto(`/?ref=${code.toLowerCase()}&from=${encodeURIComponent('\u202Eevil\u2066 <b>x</b>')}`)
    const invite = shown(page).getByTestId('landing-invite')
    await expect(invite).toHaveText('evil <b>x</b> invited you — join and get 100 points with your first purchase of ₪50 or more.')
    await expect(invite.locator('bdi')).toHaveAttribute('dir', 'auto')
    await expect(invite.locator('b')).toHaveCount(0)
  })

  test('sign-out leaves no device data behind, and the next visit shows the landing page', async ({ page }) => {
    const member = await createMember('Landing Leaver')
    await signInAs(page, member)
    const ours = () => page.evaluate(() => Object.keys(localStorage).filter((key) => /^moadon\.(cache|cardKey)\./.test(key)))
    await expect.poll(ours).toContain(`moadon.cardKey.${member.uid}`)
    expect(await ours()).toContain('moadon.cache.session')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(shown(page).getByRole('heading', { level: 1 })).toHaveText('Your club card, on your phone')
    expect(await ours()).toEqual([])

    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('data-boot', 'landing')
    await expect(shown(page).getByRole('link', { name: 'Join' }).first()).toBeVisible()
  })

  test('in the running app, signed out, the way to / leads to the landing page', async ({ page }) => {
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { name: 'Sign in to your club' })).toBeVisible()
    await page.locator('.the-app-header__brand').click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.locator('html')).toHaveAttribute('data-boot', 'landing')
    await expect(shown(page).getByRole('heading', { level: 1 })).toHaveText('Your club card, on your phone')
  })
})

test('robots.txt is a robots file, and the landing data is public and cached briefly', async ({ request }) => {
  const robots = await request.get('/robots.txt')
  expect(robots.status()).toBe(200)
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/)
  const text = await robots.text()
  expect(text).toMatch(/^User-agent: \*$/m)
  expect(text).not.toContain('<html')

  const data = await request.get('/club/landing.json')
  expect(data.status()).toBe(200)
  expect(data.headers()['cache-control']).toBe('public, max-age=300')
  expect(await data.json()).toMatchObject({ name: { he: 'מועדון השכונה', en: 'Neighborhood Club' } })
})
