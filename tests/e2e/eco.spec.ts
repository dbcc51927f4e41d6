import { expect, test } from '@playwright/test'
import { createMember, fakeCameraShowing, signInAs } from './support/club'

test('staff confirm an eco action from the member’s live card and the member sees the points arrive', async ({ page, browser }) => {
  const account = await createMember('Tamar Ecologist')
  await signInAs(page, account)
  const qr = page.getByTestId('wallet-card').locator('[data-qr-value]')
  await expect(qr).toHaveAttribute('data-qr-value', /^V1\./)
  const token = (await qr.getAttribute('data-qr-value'))!

  const context = await browser.newContext({ locale: 'en-US' })
  const till = await context.newPage()
  await fakeCameraShowing(till, token)
  await till.goto('/sign-in')
  await till.locator('input[type=email]').fill('staff.cafe-shachar@moadon.test')
  await till.locator('input[type=password]').fill('moadon-demo')
  await till.locator('button[type=submit]').click()
  await expect(till).toHaveURL(/\/staff$/)

  await till.getByRole('button', { name: 'Scan with the camera' }).click()
  await expect(till.getByTestId('staff-customer')).toContainText('Card scanned')
  // The café offers the cup; returned packaging is for other stores.
  await expect(till.getByTestId('staff-eco-eco-packaging')).toHaveCount(0)
  await till.getByRole('button', { name: 'Own cup · 5 points' }).click()
  await expect(till.getByTestId('staff-done')).toHaveText('Eco action confirmed for Tamar E.: Own cup, \u2066+5\u2069 points.')

  await expect(page.getByTestId('wallet-balance')).toHaveText('55')
  await page.goto('/history')
  await expect(page.getByText('Eco action at Café Shachar: Own cup')).toBeVisible()
  await context.close()
})
