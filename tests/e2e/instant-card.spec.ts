import { expect, test } from '@playwright/test'
import { createCardToken, parseCardToken } from '../../src/domain/cards/card-token'
import { fromBase64 } from '../../src/domain/shared/crypto'
import { memberByEmail, signInAs } from './support/club'

const dana = { email: 'dana@moadon.test', password: 'moadon-demo' }

test('the card shows its number and a live QR from the device alone: no script, no Firebase, no network after the page', async ({ browser }) => {
  const setup = await browser.newContext()
  const first = await setup.newPage()
  await signInAs(first, dana)
  await expect(first.getByTestId('wallet-card').locator('[data-qr-value]')).toHaveAttribute('data-qr-value', /^V1\./)
  const state = await setup.storageState()
  await setup.close()

  const context = await browser.newContext({ storageState: state })
  const page = await context.newPage()
  // Everything but the page itself is blocked: the app's modules, Auth, Firestore, the functions.
  const blocked: string[] = []
  await page.route('**/*', (route) => {
    if (route.request().resourceType() === 'document') return route.continue()
    blocked.push(route.request().url())
    return route.abort('internetdisconnected')
  })
  await page.goto('/')
  const card = page.getByTestId('boot-card')
  await expect(card).toContainText(`${(await memberByEmail(dana.email)).memberNo.slice(0, 4)} `)
  const qr = card.locator('svg[data-qr-value]')
  await expect(qr).toBeVisible()
  const token = (await qr.getAttribute('data-qr-value'))!
  // The code the till will check: signed with Dana's card key for the current 30-second step.
  const parsed = parseCardToken(token)!
  const stored = await page.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith('moadon.cardKey.'))?.[1])
  const key = fromBase64((JSON.parse(stored!) as { key: string }).key)
  expect(token).toBe(await createCardToken(key, parsed.memberNo, parsed.step * 30_000))
  expect(Math.abs(parsed.step - Math.floor(Date.now() / 30_000))).toBeLessThanOrEqual(1)
  // Nothing of the app or of Firebase ran: only the boot script inlined in the page.
  expect(blocked.some((url) => url.includes('/assets/') || url.includes('/src/'))).toBe(true)
  await expect(page.getByTestId('wallet-card')).toHaveCount(0)
  await context.close()
})

test('the app takes over the painted card with the same code, and the card goes on working', async ({ page }) => {
  await signInAs(page, dana)
  await page.reload()
  const card = page.getByTestId('wallet-card')
  await expect(card.locator('[data-qr-value]')).toHaveAttribute('data-qr-value', /^V1\.\d{8}\.\d+\.[A-Z2-7]{10}$/)
  await expect(page.getByTestId('boot-card')).toHaveCount(0)
  // One card on screen, not the boot card beside the app's.
  await expect(page.locator('[data-qr-value^="V1."]')).toHaveCount(1)
})
