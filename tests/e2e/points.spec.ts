import { expect, test } from '@playwright/test'
import { awardServerSide, createMember, decodeQr, memberByEmail, signInAs } from './support/club'

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('the demo member sees her tier progress and what keeps her tier', async ({ page }) => {
    await signInAs(page, { email: 'dana@moadon.test', password: 'moadon-demo' })
    await expect(page.getByTestId('tier-progress-label')).toHaveText(/^עוד [\d,]+ נקודות לפלטינום$/)
    // The tier screen opens from the card's progress panel (the bottom bar's place went to the community).
    await page.getByTestId('tier-progress-label').click()
    await expect(page).toHaveURL(/\/tiers$/)
    await expect(page.getByTestId('tier-current')).toHaveText('גולד')
    const bar = page.getByRole('progressbar')
    await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/)
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0)
    await expect(page.getByTestId('tier-keep')).toContainText('גולד')
    await expect(page.getByRole('heading', { name: 'פלטינום' })).toBeVisible()
    await expect(page.getByText('50% יותר נקודות על כל קנייה')).toBeVisible()
  })

  test('the demo member pages back through her history to the day she joined', async ({ page }) => {
    await signInAs(page, { email: 'dana@moadon.test', password: 'moadon-demo' })
    await page.getByRole('navigation', { name: 'ראשי' }).getByRole('link', { name: 'היסטוריה' }).click()
    const rows = page.locator('li.history-entry-row')
    await expect(rows).toHaveCount(25)
    await expect(page.getByText(/^קנייה בקפה שחר$/).first()).toBeVisible()
    while (await page.getByRole('button', { name: 'הצגת פעולות קודמות' }).count()) {
      const before = await rows.count()
      await page.getByRole('button', { name: 'הצגת פעולות קודמות' }).click()
      await expect.poll(() => rows.count()).toBeGreaterThan(before)
    }
    await expect(rows.last()).toContainText('מתנת הצטרפות')
    await expect(rows.last()).toContainText('+50')
    expect(await rows.count()).toBeGreaterThan(30)
    await expect(page.getByText(/^נקודות שפג תוקפן ב־/).first()).toBeVisible()
    await expect(page.getByText(/^מימוש: קפה הפוך$/)).toBeVisible()
  })
})

test('a member pages through a long history, grouped by month, with filters', async ({ page }) => {
  const account = await createMember('Avi Paging')
  for (let i = 1; i <= 30; i++) await awardServerSide((await memberByEmail(account.email)).uid, i, `page-${i}-${account.email}`)
  await signInAs(page, account)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click()

  const rows = page.locator('li.history-entry-row')
  await expect(rows).toHaveCount(25)
  // Newest first, each explained, with the running balance.
  await expect(rows.first()).toContainText('Correction by the club: e2e live update')
  await expect(rows.first()).toContainText('+30')
  await expect(rows.first()).toContainText(`balance ${(50 + (30 * 31) / 2).toLocaleString('en')}`)
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(new Date()))

  await page.getByRole('button', { name: 'Show older' }).click()
  await expect(rows).toHaveCount(31)
  await expect(rows.last()).toContainText('Welcome gift')
  await expect(page.getByRole('button', { name: 'Show older' })).toHaveCount(0)

  await page.getByText('Spent', { exact: true }).click()
  await expect(page.getByText('No activity of this kind yet.')).toBeVisible()
  await page.getByText('Earned', { exact: true }).click()
  await expect(rows).toHaveCount(25)
})

test('a member redeems a reward and gets a coupon to show at the till', async ({ page }) => {
  const account = await createMember('Tali Redeem', { extraPoints: 100 })
  await signInAs(page, account)
  await expect(page.getByTestId('wallet-balance')).toHaveText('150')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rewards' }).click()

  const coffee = page.getByTestId('reward-free-coffee')
  await coffee.getByRole('button', { name: 'Redeem' }).click()
  await expect(coffee.getByText('Spend 60 points on Latte?')).toBeVisible()
  await coffee.getByRole('button', { name: 'Yes, redeem' }).click()

  await expect(page).toHaveURL(/\/coupons\?new=/)
  await expect(page.getByText('Your coupon is ready. Show it at the till.')).toBeVisible()
  const code = new URL(page.url()).searchParams.get('new')!
  const ticket = page.getByTestId(`coupon-${code}`)
  await expect(ticket).toContainText('Latte')
  await expect(ticket.getByTestId('coupon-code')).toHaveText(`${code.slice(0, 5)}-${code.slice(5)}`)
  expect(decodeQr(await ticket.locator('[data-qr-value]').screenshot())).toBe(code)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Card' }).click()
  await expect(page.getByTestId('wallet-balance')).toHaveText('90')
  await expect(page.getByRole('link', { name: 'You have one coupon ready to use' })).toBeVisible()
})

test('a member with too few points is told how many are missing', async ({ page }) => {
  const account = await createMember('Gil Short')
  await signInAs(page, account)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rewards' }).click()
  const coffee = page.getByTestId('reward-free-coffee')
  await expect(coffee.getByTestId('reward-missing')).toHaveText('You need 10 more points')
  await expect(coffee.getByRole('button', { name: 'Redeem' })).toHaveCount(0)
  await expect(page.getByTestId('reward-board-game')).toContainText('For Gold members and above')
})
