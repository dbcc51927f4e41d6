import { expect, test, type Browser, type Page } from '@playwright/test'
import { demoAdmin } from '../../scripts/demo-club'
import { admin } from '../emulator/support/emulators'
import { createMember, memberByEmail, uniqueEmail } from './support/club'

// The club's live configuration is shared by every test running at the same time, so these tests
// publish only items of their own (a store made for the test); the club's own settings are edited
// as a draft and discarded, never published.

const operator = { email: demoAdmin.email, password: 'moadon-demo' }

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/sign-in')
  await page.locator('input[type=email]').fill(account.email)
  await page.locator('input[type=password]').fill(account.password)
  await page.locator('button[type=submit]').click()
}

const field = (page: Page, path: string) => page.locator(`[data-path="${path}"]`)
const input = (page: Page, path: string) => page.locator(`#cfg-${path.replace(/[^\w-]/g, '_')}`)

async function openConfig(page: Page) {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Configuration' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Club configuration' })).toBeVisible()
}

async function publishDraft(page: Page, expectChange: RegExp | null) {
  await page.getByTestId('config-publish').click()
  const panel = page.getByTestId('config-publish-panel')
  if (expectChange) await expect(panel).toContainText(expectChange)
  await panel.getByTestId('config-publish-confirm').click()
  await expect(page.getByTestId('config-notice')).toContainText('Published. Members see version')
}

async function tillFor(browser: Browser, account: { email: string; password: string }, storeName: string) {
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  await signIn(page, account)
  await expect(page).toHaveURL(/\/staff$/)
  await expect(page.getByRole('heading', { name: `Till · ${storeName}` })).toBeVisible()
  return { page, context }
}

async function recordTyped(till: Page, memberNo: string, amount: string, expected: string) {
  await till.getByLabel('Or type the member number').fill(memberNo)
  await till.getByLabel('Phone battery is dead').check()
  await till.getByRole('button', { name: 'Find customer' }).click()
  await till.getByLabel('Amount (₪)').fill(amount)
  await till.getByLabel('Receipt number').fill(`R-${Date.now()}`)
  await till.getByRole('button', { name: 'Record purchase' }).click()
  await expect(till.getByTestId('staff-done')).toHaveText(expected)
}

test('an operator adds a store, grants it a staff account, changes its earning rule, and the next purchase at the till uses it', async ({ page, browser }) => {
  const storeId = `e2e-store-${Date.now().toString(36)}`
  const storeName = `Rate Test ${storeId.slice(-5)}`
  const staffEmail = uniqueEmail('till')
  await admin().auth.createUser({ email: staffEmail, password: 'secret-123' })
  const member = await createMember('Ofer Rate')
  const { memberNo } = await memberByEmail(member.email)

  await signIn(page, operator)
  await expect(page).toHaveURL(/\/admin$/)
  await openConfig(page)

  // A new store, through the form its schema draws.
  await page.getByTestId('config-new-partner').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New: Partner stores')
  await expect(page.getByTestId('config-save')).toBeDisabled()
  await input(page, 'id').fill(storeId)
  await field(page, 'name.he').fill('חנות בדיקה')
  await field(page, 'name.en').fill(storeName)
  await page.getByLabel('Category').selectOption('bookstore')
  await field(page, 'address.he').fill('רחוב הבדיקה 1')
  await field(page, 'address.en').fill('1 Test Street')
  await input(page, 'location.lat').fill('32.08')
  await input(page, 'location.lng').fill('34.78')
  await field(page, 'hours.he').fill('א׳–ה׳ 09:00–18:00')
  await field(page, 'hours.en').fill('Sun–Thu 09:00–18:00')
  // An emptied number is a problem at its field, never a silent 0.
  await input(page, 'earnMultiplier').fill('')
  await expect(field(page, 'earnMultiplier')).toContainText('Enter a number.')
  await input(page, 'earnMultiplier').fill('0.5')
  await expect(field(page, 'earnMultiplier')).toContainText('At least 1.')
  await input(page, 'earnMultiplier').fill('2')
  await input(page, 'checkInPoints').fill('10')
  await page.getByLabel('Active').check()
  await expect(page.getByTestId('config-issue-summary')).toHaveCount(0)
  await page.getByTestId('config-save').click()
  await expect(page).toHaveURL(new RegExp(`/admin/config/partner/${storeId}$`))
  await expect(page.locator('[data-draft-state]').first()).toHaveText('Draft saved')
  await publishDraft(page, /This item is new/)
  await expect(page.getByTestId('config-published')).toContainText('Last published: your account')

  // Its staff account, granted from the console to an account that has never worked a till.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Staff' }).click()
  await page.getByLabel('Email of the account').fill(staffEmail)
  await page.locator('#admin-staff-partner').selectOption(storeId)
  await page.getByRole('button', { name: 'Grant' }).click()
  await expect(page.getByRole('status')).toContainText('now works at')

  const till = await tillFor(browser, { email: staffEmail, password: 'secret-123' }, storeName)
  // ₪20 × 1 point per shekel × Silver's 1 × the store's 2.
  await recordTyped(till.page, memberNo, '20', 'Recorded for Ofer R., Silver: \u2066+40\u2069 points.')

  // The store's earning rule changes: a draft, the changes shown, then published.
  await openConfig(page)
  await page.getByTestId(`config-item-partner-${storeId}`).click()
  await expect(input(page, 'id')).toBeDisabled()
  await input(page, 'earnMultiplier').fill('3')
  await page.getByTestId('config-save').click()
  await expect(page.getByTestId('config-notice')).toContainText('Draft saved')
  await publishDraft(page, /Earn multiplier\s*2\s*→?\s*becomes\s*3|Earn multiplier[\s\S]*2[\s\S]*3/)

  // The next purchase at the till earns at the new rule.
  await recordTyped(till.page, memberNo, '20', 'Recorded for Ofer R., Silver: \u2066+60\u2069 points.')
  expect((await memberByEmail(member.email)).balance).toBe(50 + 40 + 60)
  await till.context.close()
})

test('an operator edits the club’s earning rules as a draft: errors at their fields, saved, then discarded', async ({ page }) => {
  await signIn(page, operator)
  await expect(page).toHaveURL(/\/admin$/)
  await openConfig(page)
  await page.getByTestId('config-kind-club').getByRole('link', { name: 'Earning rules' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  const rate = input(page, 'earning.pointsPerShekel')
  await expect(rate).toBeVisible()
  const live = await rate.inputValue()
  await rate.fill('')
  await expect(field(page, 'earning.pointsPerShekel')).toContainText('Enter a number.')
  const summary = page.getByTestId('config-issue-summary')
  await expect(summary).toContainText('Earning rules › Points per shekel')
  await expect(page.getByTestId('config-save')).toBeDisabled()
  await rate.fill('1.5')
  await expect(summary).toHaveCount(0)

  // A threshold that does not rise breaks the schema's own rule, shown at the tier.
  await page.locator('summary', { hasText: 'Tiers' }).click()
  const threshold = input(page, 'tiers.1.threshold')
  const liveThreshold = await threshold.inputValue()
  await threshold.fill('0')
  await expect(field(page, 'tiers.1.threshold')).toContainText('Each tier’s threshold must be higher than the one before.')
  await summary.getByRole('link', { name: 'Tiers › 2 › Threshold' }).click()
  await expect(threshold).toBeFocused()
  await threshold.fill(liveThreshold)
  await expect(summary).toHaveCount(0)

  await page.getByTestId('config-save').click()
  await expect(page.getByTestId('config-notice')).toContainText('Draft saved')
  await page.getByTestId('config-publish').click()
  await expect(page.getByTestId('config-publish-panel')).toContainText('Points per shekel')
  await page.getByTestId('config-publish-panel').getByRole('button', { name: 'Cancel' }).click()

  await page.getByTestId('config-discard').click()
  await page.getByTestId('config-discard-confirm').click()
  await expect(page.getByTestId('config-notice')).toContainText('Draft discarded')
  await expect(rate).toHaveValue(live)
})
