import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { createMember, signInAs } from './support/club'

// The weekly streak on the Earn hub (Dana's comes from her seeded purchases, through the server's
// streak code) and a reserve-duty declaration from the profile, refused and then accepted by the
// server, pausing the streak on the hub.
const jerusalemDate = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jerusalem' }).format(new Date(Date.now() + offsetDays * 86_400_000))

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('Dana sees her weekly streak and the freeze she holds', async ({ page }) => {
    await signInAs(page, { email: 'dana@moadon.test', password: 'moadon-demo' })
    await page.getByRole('navigation', { name: 'ראשי' }).getByRole('link', { name: 'צבירה' }).click()
    const streak = page.getByTestId('earn-streak')
    await expect(streak.getByRole('heading', { name: 'רצף ביקורים' })).toBeVisible()
    await expect(page.getByTestId('streak-weeks')).toHaveText(/^\d+ שבועות ברציפות$/)
    await expect(page.getByTestId('streak-freezes')).toHaveText('הקפאה אחת')
    await expect(page.getByTestId('streak-this-week')).toHaveText(/^(השבוע כבר נספר\. נתראה בשבוע הבא!|השבוע עוד לא נספר\. אפשר לקנות או לבקר בחנות שותפה עד .+\.)$/)
    const scan = await new AxeBuilder({ page }).include('[data-testid="earn-streak"]').analyze()
    expect(scan.violations).toEqual([])
  })
})

test.describe('in English', () => {
  test.use({ locale: 'en-US' })

  test('a member declares reserve duty: a date too far back is refused in words, then the streak is on hold', async ({ page }) => {
    const account = await createMember('Amit Shalev', { language: 'en' })
    await signInAs(page, account)
    await page.goto('/profile')
    const duty = page.getByTestId('reserve-duty')
    await expect(duty.getByRole('heading', { name: 'Reserve duty' })).toBeVisible()

    await duty.getByLabel('First day').fill(jerusalemDate(-45))
    await duty.getByLabel('Last day').fill(jerusalemDate(5))
    await duty.getByTestId('reserve-duty-submit').click()
    await expect(duty.getByRole('alert')).toHaveText('Reserve duty can be declared up to 30 days after it started. For an earlier call-up, contact the club.')

    await duty.getByLabel('First day').fill(jerusalemDate(0))
    await duty.getByLabel('Last day').fill(jerusalemDate(13))
    await duty.getByTestId('reserve-duty-submit').click()
    await expect(duty.getByRole('status')).toHaveText('Got it. Thank you for serving!')
    await expect(page.getByTestId('reserve-duty-active')).toContainText('Reserve duty declared from')

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Earn' }).click()
    await expect(page.getByTestId('streak-paused')).toContainText('You’re on reserve duty from')
    await expect(page.getByTestId('streak-this-week')).toHaveText('Your streak is on hold during reserve duty. This week neither counts nor breaks it.')
  })
})
