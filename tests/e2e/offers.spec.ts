import { expect, test } from '@playwright/test'
import { createMember, signInAs } from './support/club'

// The offers screen: Dana, a champion of the demo club, sees the early access offered to
// champions (in Hebrew, from her profile); a new member sees no offer yet and uses WELCOME10 once.
test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('Dana sees the recognition her segment gets', async ({ page }) => {
    await signInAs(page, { email: 'dana@moadon.test', password: 'moadon-demo' })
    await page.getByTestId('header-profile').click()
    await page.getByTestId('offers-link').click()
    await expect(page.getByRole('heading', { level: 1, name: 'הטבות בשבילך' })).toBeVisible()
    const offer = page.getByTestId('offer').filter({ hasText: 'גישה מוקדמת למבצע החורף' })
    await expect(offer).toContainText('לחברי המועדון בלבד')
  })
})

test('a new member uses a promo code once, whatever its case', async ({ page }) => {
  const account = await createMember('Promo Member')
  await signInAs(page, account)
  await page.goto('/offers')
  await expect(page.getByTestId('offers-empty')).toBeVisible()
  await page.getByRole('textbox', { name: 'Promo code', exact: true }).fill(' welcome10 ')
  await page.getByTestId('promo-redeem').click()
  await expect(page.getByTestId('promo-done')).toHaveText('Code WELCOME10 added 100 points to your balance.')
  await page.getByRole('textbox', { name: 'Promo code', exact: true }).fill('WELCOME10')
  await page.getByTestId('promo-redeem').click()
  await expect(page.getByRole('alert')).toHaveText('You’ve already used this promo code.')
})
