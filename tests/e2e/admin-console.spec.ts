import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { demoAdmin, demoConfig, demoPartners } from '../../scripts/demo-club'
import { recordPurchase } from '../../functions/src/purchases/record'
import { admin } from '../emulator/support/emulators'
import { formatMemberNumber } from '../../src/domain/cards/member-number'
import { createMember, memberByEmail, signInAs } from './support/club'

const operator = { email: demoAdmin.email, password: 'moadon-demo' }

async function signInAsOperator(page: Page) {
  await page.goto('/sign-in')
  await page.locator('input[type=email]').fill(operator.email)
  await page.locator('input[type=password]').fill(operator.password)
  await page.locator('button[type=submit]').click()
  // An operator lands on the console, not on the member's join form.
  await expect(page).toHaveURL(/\/admin$/)
}

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('an operator corrects a member’s points with a reason, and the member sees it explained', async ({ page, browser }) => {
  const account = await createMember('Tamar Corrected')
  const { memberNo } = await memberByEmail(account.email)

  await signInAsOperator(page)
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Members' }).click()
  await page.getByLabel('Member number, email or uid').fill(formatMemberNumber(memberNo))
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tamar Corrected')
  await expect(page.getByTestId('admin-member-balance')).toHaveText('50 points')
  // The welcome gift is in the ledger, with its cause.
  await expect(page.getByTestId('admin-ledger-entry').first()).toContainText('Welcome gift')

  const form = page.getByTestId('admin-adjust-form')
  // The reason is mandatory: nothing is sent without one.
  await form.getByRole('textbox', { name: 'Points' }).fill('120')
  await form.getByRole('button', { name: 'Save correction' }).click()
  await expect(form.getByText('Write the reason for the correction, 3 to 200 characters.')).toBeVisible()
  await form.getByRole('textbox', { name: 'Reason' }).fill('Missing points from the Rosh Hashana sale')
  await form.getByRole('button', { name: 'Save correction' }).click()
  // The signed number is isolated (U+2066…2069), so it reads +120 in Hebrew too.
  await expect(form.getByRole('status')).toHaveText(/^Saved: \u2066\+120\u2069\. The balance is now 170 points\.$/)
  await expect(page.getByTestId('admin-member-balance')).toHaveText('170 points')
  const newest = page.getByTestId('admin-ledger-entry').first()
  await expect(newest).toContainText('Correction by the club: Missing points from the Rosh Hashana sale')
  await expect(newest).toContainText('By operator demo-admin')
  expect((await memberByEmail(account.email)).balance).toBe(170)

  // The birthday a member sets once is corrected here, with a reason for the audit.
  const birthday = page.getByTestId('admin-birthday-form')
  await birthday.getByLabel('Date of birth').fill('1990-03-14')
  await birthday.getByRole('button', { name: 'Save birthday' }).click()
  await expect(birthday.getByText('Write the reason for the correction, 3 to 200 characters.')).toBeVisible()
  await birthday.getByRole('textbox', { name: 'Reason' }).fill('Typo at sign-up, checked with the member')
  await birthday.getByRole('button', { name: 'Save birthday' }).click()
  await expect(birthday.getByRole('status')).toHaveText(/^Saved\./)
  await expect(birthday.getByTestId('admin-birthday-current')).toContainText('1990')
  const { uid } = await memberByEmail(account.email)
  expect((await admin().db.doc(`members/${uid}`).get()).get('birthday')).toBe('1990-03-14')

  // The member, in a browser of their own, reads the correction and its reason in their history.
  const memberContext = await browser.newContext({ locale: 'en-US' })
  const memberPage = await memberContext.newPage()
  await signInAs(memberPage, account)
  await memberPage.goto('/history')
  const row = memberPage.locator('li.history-entry-row').first()
  await expect(row).toContainText('Correction by the club: Missing points from the Rosh Hashana sale')
  await expect(row).toContainText('+120')
  await memberContext.close()
})

test('an operator approves a held purchase with a note, and the member is paid', async ({ page }) => {
  const account = await createMember('Held Buyer')
  const partner = demoPartners.find((p) => p.id === 'super-hashchuna')!
  const receiptId = `HELD-${Date.now().toString(36).toUpperCase()}`
  const staff = { uid: 'staff-super-hashchuna', email: null, memberUid: null, tillId: 'demo-till-super-hashchuna' }
  await recordPurchase(admin().db, { uid: account.uid, partner, amount: 2400, receiptId, staff, config: demoConfig, at: new Date() })
  expect((await memberByEmail(account.email)).balance).toBe(50)

  await signInAsOperator(page)
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Waiting' }).click()
  const held = page.getByTestId('admin-held-purchase').filter({ hasText: receiptId })
  await expect(held).toContainText('Purchase of ₪2,400 at')
  await held.getByRole('button', { name: 'Approve' }).click()
  await expect(held.getByText('Write a note for the record, 3 to 200 characters.')).toBeVisible()
  await held.getByRole('textbox').fill('Checked with the store manager')
  await held.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByTestId('admin-held-purchase').filter({ hasText: receiptId })).toHaveCount(0)
  await expect.poll(async () => (await memberByEmail(account.email)).balance).toBeGreaterThan(50)
})

test('a member is sent away from the console', async ({ page }) => {
  const account = await createMember('Curious Member')
  await signInAs(page, account)
  await page.goto('/admin/members')
  await expect(page.getByTestId('wallet-card')).toBeVisible()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('header-console')).toHaveCount(0)
})

for (const locale of ['en-US', 'he-IL'] as const) {
  test.describe(`the console in ${locale}`, () => {
    test.use({ locale })

    test('passes the accessibility check on a phone and a laptop', async ({ page }) => {
      const account = await createMember('Axe Checked')
      const { memberNo } = await memberByEmail(account.email)
      await page.setViewportSize({ width: 390, height: 844 })
      await signInAsOperator(page)
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'he-IL' ? 'rtl' : 'ltr')
      await expectNoAxeViolations(page)
      await page.getByTestId('admin-nav-admin-members').click()
      await page.locator('input').first().fill(memberNo)
      await page.locator('form[role=search] button[type=submit]').click()
      await expect(page.getByTestId('admin-member-facts')).toBeVisible()
      await expect(page.getByTestId('admin-ledger-entry').first()).toBeVisible()
      await expectNoAxeViolations(page)
      await page.setViewportSize({ width: 1280, height: 800 })
      await expectNoAxeViolations(page)
      for (const section of ['admin-held', 'admin-moderation', 'admin-partners', 'admin-announce']) {
        await page.getByTestId(`admin-nav-${section}`).click()
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        // The demo club's queues are not empty: Yossi's held purchase, his report on Dana's comment.
        if (section === 'admin-held') await expect(page.getByTestId('admin-held-purchase').filter({ hasText: 'yossi-R1002' })).toBeVisible()
        if (section === 'admin-moderation') await expect(page.getByTestId('admin-moderation-item').filter({ hasText: 'Is this an ad for the store?' })).toBeVisible()
        await expectNoAxeViolations(page)
      }
    })
  })
}
