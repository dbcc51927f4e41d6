import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { PNG } from 'pngjs'
import { createMember, signInAs } from './support/club'

const dana = { email: 'dana@moadon.test', password: 'moadon-demo' }

async function controlledByWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  // The first visit installs the worker; from the next load on it serves the app.
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload()
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
}

test('the manifest is linked and complete, with real icons and screenshots', async ({ page, request }) => {
  await page.goto('/sign-in')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  expect(href).toBe('/manifest.webmanifest')
  const manifest = await (await request.get(href!)).json()
  expect(manifest).toMatchObject({ id: '/', start_url: '/', display: 'standalone', lang: 'he', dir: 'rtl', short_name: 'מועדון' })
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/)
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/)
  const sizes = async (src: string) => {
    const response = await request.get(src)
    expect(response.headers()['content-type']).toBe('image/png')
    const png = PNG.sync.read(await response.body())
    return `${png.width}x${png.height}`
  }
  for (const icon of manifest.icons) expect(await sizes(icon.src)).toBe(icon.sizes)
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ])
  expect(manifest.screenshots.map((s: { form_factor: string }) => s.form_factor).sort()).toEqual(['narrow', 'wide'])
  for (const shot of manifest.screenshots) expect(await sizes(shot.src)).toBe(shot.sizes)
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')
  expect(await sizes(touch!)).toBe('180x180')
})

test('the service worker installs, and after one visit the card opens offline with its QR and balance', async ({ page, context }) => {
  await signInAs(page, dana)
  // Visit the screens once online, as a member would before losing the signal.
  await page.goto('/history')
  await page.locator('li.history-entry-row').first().waitFor()
  await page.goto('/partners')
  await page.locator('.partners-view__item').first().waitFor()
  await page.goto('/')
  await controlledByWorker(page)
  const card = page.getByTestId('wallet-card')
  await expect(card.locator('[data-qr-value]')).toHaveAttribute('data-qr-value', /^V1\./)
  const balance = await card.getByTestId('wallet-balance').textContent()

  await context.setOffline(true)
  await page.reload()
  await expect(card.getByTestId('wallet-name')).toHaveText('דנה לוי')
  await expect(card.getByTestId('wallet-balance')).toHaveText(balance!)
  await expect(card.locator('[data-qr-value]')).toHaveAttribute('data-qr-value', /^V1\.\d{8}\.\d+\.[A-Z2-7]{10}$/)
  // The balance shown is the last one the server confirmed, and the card says how old it is.
  await expect(page.getByTestId('wallet-offline')).toContainText('היתרה עודכנה')
  // Recent history and the store directory come from the device too.
  await page.getByRole('navigation', { name: 'ראשי' }).getByRole('link', { name: 'היסטוריה' }).click()
  await expect(page.locator('li.history-entry-row').first()).toBeVisible()
  await page.getByRole('navigation', { name: 'ראשי' }).getByRole('link', { name: 'חנויות' }).click()
  // The directory from the device's cache (the console's test may have published one more store).
  await expect(page.locator('.partners-view__item', { hasText: 'בית מרקחת הדר' })).toHaveCount(1)
  // Referral links and Firebase's auth handler are never answered by the app shell.
  // Offline and not in the worker's cache, the fetch fails as a network error (TypeError).
  const referral = await page.evaluate(() =>
    fetch('/r/ABCDEFG').then(
      (response) => ({ answered: response.status }),
      (error: unknown) => ({ failed: (error as Error).name }),
    ),
  )
  expect(referral).toEqual({ failed: 'TypeError' })
  await context.setOffline(false)
})

test('a waiting new version offers to reload', async ({ page }) => {
  await page.goto('/sign-in')
  await controlledByWorker(page)
  // A deploy: the server now has a changed worker. (The browser fetches workers itself, outside
  // the page, so the file is changed where the preview server reads it.)
  const worker = resolve('dist/sw.js')
  const original = readFileSync(worker, 'utf8')
  try {
    writeFileSync(worker, `${original}\n// next version ${Date.now()}\n`)
    // The app looks for updates hourly and when it comes back to the foreground; do it now.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
    await expect(page.getByTestId('update-prompt')).toContainText('A new version is ready.')
    await page.getByRole('button', { name: 'Reload' }).click()
    await expect(page.getByTestId('update-prompt')).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Sign in to your club' })).toBeVisible()
  } finally {
    writeFileSync(worker, original)
  }
})

const ROUTES = ['/', '/history', '/tiers', '/rewards', '/coupons', '/partners', '/refer']

for (const locale of ['he-IL', 'en-US'] as const) {
  test.describe(`accessibility in ${locale}`, () => {
    test.use({ locale })

    test('axe finds no WCAG 2.1 A/AA violations on the main screens', async ({ page }) => {
      await page.goto('/sign-in')
      const signIn = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      expect(signIn.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      // Dana (Hebrew, a long history) for Hebrew; a member who chose English for English, so no
      // test changes the language another test's member relies on.
      await signInAs(page, locale === 'he-IL' ? dana : await createMember('Axe Checker', { extraPoints: 300, language: 'en' }))
      for (const route of ROUTES) {
        await page.goto(route)
        await page.getByRole('heading', { level: 1 }).first().waitFor()
        await expect(page.getByRole('status').filter({ hasText: /^(Loading…|טוען…)$/ })).toHaveCount(0)
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
        expect(result.violations.map((v) => `${route} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      }
    })
  })
}

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('the main screens are right-to-left with no English left in them', async ({ page }) => {
    await signInAs(page, dana)
    for (const route of ROUTES) {
      await page.goto(route)
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      await expect(page.getByRole('status').filter({ hasText: /^טוען…$/ })).toHaveCount(0)
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
      // Latin words outside what is meant to stay as written: codes and numbers (dir=ltr) and
      // the name of the other language (lang=en).
      const latin = await page.evaluate(() => {
        const found: string[] = []
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement
          if (!parent || parent.closest('[dir="ltr"], [lang="en"], script, style')) continue
          const words = (node.textContent ?? '').match(/[A-Za-z]{2,}/g)
          if (words) found.push(...words)
        }
        return found.filter((word) => !['QR'].includes(word))
      })
      expect(latin, route).toEqual([])
    }
  })
})
