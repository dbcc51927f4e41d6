import { expect, test, type Page } from '@playwright/test'
import { demoAdmin } from '../../scripts/demo-club'
import { admin } from '../emulator/support/emulators'
import { uniqueEmail } from './support/club'

const operator = { email: demoAdmin.email, password: 'moadon-demo' }

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/sign-in')
  await page.locator('input[type=email]').fill(account.email)
  await page.locator('input[type=password]').fill(account.password)
  await page.locator('button[type=submit]').click()
}

test('an operator grants a staff account, which reaches the till on reload, and revokes it', async ({ page, browser }) => {
  // The person signed up for the till (not a member) and is signed in on their own phone.
  const account = { email: uniqueEmail('barista'), password: 'secret-123' }
  await admin().auth.createUser(account)
  const staffContext = await browser.newContext({ locale: 'en-US' })
  const staffPage = await staffContext.newPage()
  await signIn(staffPage, account)
  await expect(staffPage).toHaveURL(/\/join/)

  await signIn(page, operator)
  await expect(page).toHaveURL(/\/admin$/)
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Staff' }).click()
  await page.getByLabel('Email of the account').fill(account.email)
  await page.getByLabel('Store', { exact: true }).first().selectOption('cafe-shachar')
  await page.getByRole('button', { name: 'Grant' }).click()
  await expect(page.getByText(`${account.email} now works at Café Shachar`)).toBeVisible()
  const row = page.getByTestId('staff-account').filter({ hasText: account.email })
  await expect(row).toContainText('Active')

  // The phone signed in before the grant: a reload renews its token and opens the till.
  await staffPage.reload()
  await expect(staffPage.getByRole('heading', { level: 1 })).toContainText('Till')
  await expect(staffPage).toHaveURL(/\/staff$/)

  await row.getByRole('button', { name: 'Revoke' }).click()
  await row.getByRole('button', { name: 'Yes, revoke' }).click()
  await expect(page.getByText(`${account.email} no longer works at the till.`)).toBeVisible()
  await expect(row).toContainText('Revoked on')

  // Both changes are in the audit log, in words.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click()
  // Other tests' operators act on the same demo club meanwhile: the account's own entries, in order.
  const entries = page.getByTestId('audit-entry').filter({ hasText: account.email })
  await expect(entries).toHaveCount(2)
  await expect(entries.first()).toContainText(`Staff account ${account.email} revoked`)
  await expect(entries.nth(1)).toContainText(`Staff account ${account.email} granted at Café Shachar`)
  await expect(entries.first()).toContainText('Operator demo-admin')
  await staffContext.close()
})
