import { expect, test } from '@playwright/test'
import { createMember, memberByEmail, signInAs } from './support/club'

// The header's language switch, on the app's own message runtime (src/i18n/runtime.ts): the words
// already on screen change at once, a screen whose section loads later comes in the new language,
// and the choice outlives a reload and follows the member.
test.use({ locale: 'en-US' })

test('a member switches the app to Hebrew and back, and the choice stays', async ({ page }) => {
  const account = await createMember('Lior Katz', { language: 'en' })
  await signInAs(page, account)
  const html = page.locator('html')
  const switcher = page.getByRole('group', { name: 'Language' })
  await expect(html).toHaveAttribute('lang', 'en')
  await expect(page.getByText('Show this code at the till of any partner store.')).toBeVisible()

  await switcher.getByRole('button', { name: 'עברית' }).click()
  await expect(html).toHaveAttribute('lang', 'he')
  await expect(html).toHaveAttribute('dir', 'rtl')
  await expect(page.getByText('מציגים את הקוד בקופה של כל חנות שותפה.')).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'ראשי' })
  await expect(nav.getByRole('link', { name: 'היסטוריה' })).toBeVisible()
  await expect(page.getByRole('group', { name: 'שפה' }).getByRole('button', { name: 'עברית' })).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(async () => ((await memberByEmail(account.email)) as { language?: string }).language).toBe('he')

  // Another screen's words (the points section) arrive in the language now chosen.
  await nav.getByRole('link', { name: 'היסטוריה' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'היסטוריית נקודות' })).toBeVisible()

  await page.reload()
  await expect(html).toHaveAttribute('lang', 'he')
  await expect(page.getByRole('heading', { level: 1, name: 'היסטוריית נקודות' })).toBeVisible()

  await page.getByRole('group', { name: 'שפה' }).getByRole('button', { name: 'English' }).click()
  await expect(html).toHaveAttribute('dir', 'ltr')
  await expect(page.getByRole('heading', { level: 1, name: 'Points history' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' })).toBeVisible()
})
