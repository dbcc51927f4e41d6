import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { createMember, signInAs } from './support/club'
import { completeProfile } from './support/earn'

// A member opens the Earn hub, completes the profile it points to, and sees the points and the
// profile badge arrive on the hub: the reward is paid by the server (claimProfileReward), the badge
// granted by it, and both reach the screen through the live member document and badge list.
const LOCALES = [
  {
    locale: 'en-US',
    language: 'en' as const,
    name: 'Noa Biton',
    nav: 'Earn',
    arrived: '40 points added to your balance: Completing your profile',
    badge: 'New badge: Profile complete',
    balance: 'Your balance: 90 points',
    birthdayHebrew: 'Celebrated by the Hebrew date.',
  },
  {
    locale: 'he-IL',
    language: 'he' as const,
    name: 'נועה ביטון',
    nav: 'צבירה',
    arrived: 'נוספו לך 40 נקודות: השלמת הפרופיל',
    badge: 'תג חדש: פרופיל מלא',
    balance: 'היתרה שלך: 90 נקודות',
    birthdayHebrew: 'יום ההולדת נחגג לפי התאריך העברי.',
  },
]

for (const l of LOCALES) {
  test.describe(`Earn hub (${l.language})`, () => {
    test.use({ locale: l.locale })

    test('a member completes the profile and sees the points and the badge arrive on the hub', async ({ page }) => {
      const account = await createMember(l.name, { language: l.language })
      await signInAs(page, account)
      await page.getByRole('navigation').getByRole('link', { name: l.nav }).click()
      await expect(page).toHaveURL(/\/earn$/)

      const profileItem = page.getByTestId('earn-item-profile-complete')
      await expect(profileItem).toHaveAttribute('data-status', 'in-progress')
      await expect(page.getByTestId('badge-profile-complete')).toHaveAttribute('data-earned', 'false')

      await completeProfile(page)

      await expect(page).toHaveURL(/\/earn$/)
      const arrivals = page.getByTestId('earn-arrivals')
      await expect(arrivals).toContainText(l.arrived)
      await expect(arrivals).toContainText(l.badge)
      await expect(page.getByTestId('earn-balance')).toHaveText(l.balance)
      await expect(page.getByTestId('badge-profile-complete')).toHaveAttribute('data-earned', 'true')
      await expect(profileItem).toHaveAttribute('data-status', 'done')

      // Set once: the profile now shows the birthday and no field to change it.
      await page.getByTestId('earn-profile-link').click()
      await expect(page.getByTestId('profile-birthday')).toBeVisible()
      await expect(page.locator('input[type=date][autocomplete=bday]')).toHaveCount(0)
      await expect(page.getByTestId('profile-birthday-calendar')).toHaveCount(0)
      await expect(page.getByTestId('profile-birthday')).toContainText(l.birthdayHebrew)
      await expect(page.getByTestId('profile-paid')).toBeVisible()
    })

    test('axe finds no WCAG 2.1 A/AA violations on the hub and the profile', async ({ page }) => {
      await signInAs(page, await createMember(l.name, { language: l.language }))
      for (const route of ['/earn', '/profile']) {
        await page.goto(route)
        await page.getByRole('heading', { level: 1 }).first().waitFor()
        await expect(page.getByRole('status').filter({ hasText: /^(Loading…|טוען…)$/ })).toHaveCount(0)
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
        expect(result.violations.map((v) => `${route} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      }
    })
  })
}

test.describe('the demo club', () => {
  test.use({ locale: 'he-IL' })

  test('Dana finds the badges her purchases earned on the hub', async ({ page }) => {
    await signInAs(page, { email: 'dana@moadon.test', password: 'moadon-demo' })
    await page.goto('/earn')
    await expect(page.getByTestId('badge-first-purchase')).toHaveAttribute('data-earned', 'true')
    await expect(page.getByTestId('badge-five-partners')).toHaveAttribute('data-earned', 'true')
    await expect(page.getByTestId('badge-ten-visits')).toHaveAttribute('data-earned', 'false')
    await expect(page.getByTestId('earn-item-follow-social')).toHaveAttribute('data-status', 'available')
  })
})
