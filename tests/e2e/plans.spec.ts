import { expect, test } from '@playwright/test'
import { paths } from '../../src/domain/shared/paths'
import { admin } from '../emulator/support/emulators'
import { createMember, signInAs } from './support/club'

// The plans screen: Dana (seeded on Club Plus, ending in about three weeks) sees her plan and its
// end in Hebrew; a new member in English is declined with one test card and buys with the other.
test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('Dana sees her paid plan, its benefits and when it ends', async ({ page }) => {
    await signInAs(page, { email: 'dana@moadon.test', password: 'moadon-demo' })
    await page.getByTestId('header-profile').click()
    await page.getByTestId('plans-link').click()
    const current = page.getByTestId('plan-current')
    await expect(current).toContainText('מועדון פלוס')
    await expect(page.getByTestId('plan-expiry')).toContainText('בתוקף עד')
    await expect(page.getByTestId('plan-soon')).toContainText(/מסתיים בעוד \d+ ימים/)
    await expect(page.getByTestId('plan-club-plus')).toContainText('פי 1.5 נקודות על קניות')
    await expect(page.getByTestId('plan-club')).toContainText('אפשר לעבור למסלול הזה אחרי שהמסלול הנוכחי יסתיים.')
  })
})

test('a member picks Club Plus with the test card, after a declined one changed nothing', async ({ page }) => {
  const account = await createMember('Plan Picker')
  await signInAs(page, account)
  await page.goto('/plans')
  await expect(page.getByTestId('plan-current')).toContainText('Club')
  await expect(page.getByTestId('plan-expiry')).toHaveText('No end date')

  await page.getByTestId('plan-choose-club-plus').click()
  await expect(page.getByTestId('plan-test-payment')).toContainText('Test payment')
  await page.getByTestId('card-test-declined').check()
  await page.getByTestId('plan-choose-club-plus').click()
  await expect(page.getByRole('alert')).toContainText('The payment was declined, so nothing changed.')
  expect((await admin().db.doc(paths.member(account.uid)).get()).get('plan')).toBeUndefined()

  await page.getByTestId('card-test-ok').check()
  await page.getByTestId('plan-choose-club-plus').click()
  await expect(page.getByTestId('plan-done')).toContainText('You’re on Club Plus until')
  await expect(page.getByTestId('plan-current')).toContainText('Club Plus')
  await expect(page.getByTestId('plan-expiry')).toContainText('Runs until')
  await expect.poll(async () => (await admin().db.doc(paths.member(account.uid)).get()).get('plan.id')).toBe('club-plus')
})
