import { expect, test } from '@playwright/test'
import { createMember, fakeCameraShowing, signInAs } from './support/club'

test('staff record a purchase, see it in today’s list, refund it from there and the list shows it refunded', async ({ page, browser }) => {
  const account = await createMember('Omer Refund')
  await signInAs(page, account)
  const qr = page.getByTestId('wallet-card').locator('[data-qr-value]')
  await expect(qr).toHaveAttribute('data-qr-value', /^V1\./)
  const token = (await qr.getAttribute('data-qr-value'))!

  // The till on a phone: a fresh device, so its till id (and today's list) starts empty.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } })
  const till = await context.newPage()
  await fakeCameraShowing(till, token)
  await till.goto('/sign-in')
  await till.locator('input[type=email]').fill('staff.super-hashchuna@moadon.test')
  await till.locator('input[type=password]').fill('moadon-demo')
  await till.locator('button[type=submit]').click()
  await expect(till).toHaveURL(/\/staff$/)
  await expect(till.getByTestId('till-today')).toContainText('Nothing was recorded at this till today yet.')

  await till.getByRole('button', { name: 'Scan with the camera' }).click()
  await expect(till.getByTestId('staff-customer')).toContainText('Card scanned')
  const receipt = `E2E-${Date.now().toString(36).toUpperCase()}`
  await till.getByLabel('Amount (₪)').fill('40')
  await till.getByLabel('Receipt number').fill(receipt)
  await till.getByRole('button', { name: 'Record purchase' }).click()
  await expect(till.getByTestId('staff-done')).toContainText('Recorded for Omer R.')
  await expect(page.getByTestId('wallet-balance')).toHaveText('90')

  const row = till.getByTestId(`till-row-purchase-${receipt}`)
  await expect(row).toHaveAttribute('data-status', 'recorded')
  await expect(row).toContainText('Omer R.')
  await expect(row).toContainText('₪40')
  await expect(till.getByTestId('till-today-totals')).toContainText('1 purchase · ₪40')

  await till.getByTestId(`till-refund-${receipt}`).click()
  const form = till.getByTestId('till-refund')
  await expect(form.getByLabel('Receipt number')).toHaveValue(receipt)
  await form.getByText('The goods were returned').click()
  await form.getByRole('button', { name: 'Continue' }).click()
  await expect(form).toContainText(`Receipt ${receipt}, ₪40, Omer R.: 40 points will be taken back.`)
  await form.getByTestId('till-refund-confirm').click()
  await expect(till.getByTestId('till-refund-done')).toHaveText(`Refunded receipt ${receipt} for Omer R.: 40 points taken back.`)

  await expect(row).toHaveAttribute('data-status', 'refunded')
  await expect(row).toContainText('Refunded')
  await expect(till.getByTestId(`till-refund-${receipt}`)).toHaveCount(0)
  await expect(till.getByTestId(`till-row-refund-${receipt}`)).toContainText('Omer R.')
  await expect(till.getByTestId('till-today-totals')).toContainText('1 refund · ₪40')
  await expect(till.getByTestId('till-today-totals')).toContainText('Net: ₪0')
  // Nothing runs off the side of a phone's screen.
  expect(await till.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)

  await expect(page.getByTestId('wallet-balance')).toHaveText('50')
  await context.close()
})

test('the till’s refund and today’s list in Hebrew, right to left', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'he-IL', viewport: { width: 390, height: 844 } })
  const till = await context.newPage()
  await till.goto('/sign-in')
  await till.locator('input[type=email]').fill('staff.super-hashchuna@moadon.test')
  await till.locator('input[type=password]').fill('moadon-demo')
  await till.locator('button[type=submit]').click()
  await expect(till).toHaveURL(/\/staff$/)
  await expect(till.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(till.getByTestId('till-today')).toContainText('היום בקופה הזאת')
  await till.getByTestId('till-refund-open').click()
  const form = till.getByTestId('till-refund')
  await form.getByLabel('מספר קבלה').fill('NO-SUCH-RECEIPT')
  await form.getByText('המכירה בוטלה').click()
  await form.getByRole('button', { name: 'המשך' }).click()
  await form.getByTestId('till-refund-confirm').click()
  await expect(till.getByTestId('till-refund-failure')).toHaveText('אין בחנות הזאת קנייה עם מספר הקבלה הזה. כדאי לבדוק את המספר כפי שהוא מודפס.')
  expect(await till.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
  await context.close()
})
