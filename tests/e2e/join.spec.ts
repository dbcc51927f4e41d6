import { expect, test } from '@playwright/test'
import { awardServerSide, decodeQr, memberByEmail, uniqueEmail } from './support/club'

test('a signed-out visitor sees the club, and a screen that needs an account sends them to sign-in, then on to it', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Your club card, on your phone' })).toBeVisible()
  await page.getByRole('link', { name: 'Sign in' }).first().click()
  await expect(page.getByRole('heading', { name: 'Sign in to your club' })).toBeVisible()

  await page.goto('/join')
  await expect(page).toHaveURL(/\/sign-in\?redirect=(%2F|\/)join$/)
  await page.getByLabel('Email').fill('yossi@moadon.test')
  await page.getByLabel('Password').fill('moadon-demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  // Yossi is already a member, so the join page hands him on to his card.
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('wallet-name')).toHaveText('Yossi Cohen')
})

test('wrong credentials get a clear message, not a code', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill('dana@moadon.test')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('The email or password is incorrect. Check them and try again.')
})

test('a new member signs up, joins and sees a live card with a scannable QR', async ({ page }) => {
  const email = uniqueEmail('new')
  await page.goto('/sign-up')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('secret-123')
  await page.getByRole('button', { name: 'Create account' }).click()

  await expect(page).toHaveURL(/\/join$/)
  await expect(page.getByRole('heading', { name: 'Join Neighborhood Club' })).toBeVisible()
  await expect(page.getByText('Join now and get 50 points as a welcome gift.')).toBeVisible()
  // The form explains what is wrong before anything is sent.
  await page.getByRole('button', { name: 'Join the club' }).click()
  await expect(page.getByText('Enter a name of at least 2 characters.')).toBeVisible()
  // A pasted name with a right-to-left override is refused with the reason, before it is sent.
  await page.getByLabel('Full name').fill('Maya\u202EoripahS')
  await page.getByRole('button', { name: 'Join the club' }).click()
  await expect(page.getByText('The name has hidden or control characters in it. Try typing it instead of pasting it.')).toBeVisible()

  await page.getByLabel('Full name').fill('Maya Shapiro')
  await page.getByLabel('Coffee & pastries').check()
  await page.getByLabel('Books').check()
  await page.getByLabel('Send me club offers and news').check()
  await page.getByRole('button', { name: 'Join the club' }).click()

  await expect(page).toHaveURL(/\/$/)
  const card = page.getByTestId('wallet-card')
  await expect(card.getByTestId('wallet-name')).toHaveText('Maya Shapiro')
  await expect(card.getByTestId('wallet-tier')).toContainText('Silver')
  await expect(card.getByTestId('wallet-balance')).toHaveText('50')

  const member = await memberByEmail(email)
  const shownNumber = (await card.getByTestId('wallet-member-no').textContent())?.replace(/\s/g, '')
  expect(shownNumber).toBe(member.memberNo)
  // The QR is the rotating signed card code, carrying the member number.
  const scanned = decodeQr(await card.locator('[data-qr-value]').screenshot())
  expect(scanned).toMatch(new RegExp(`^V1\\.${member.memberNo}\\.\\d+\\.[A-Z2-7]{10}$`))

  // Points decided on the server reach the open card without a reload.
  const balance = await awardServerSide(member.uid, 120, `live-update-${member.uid}`)
  expect(balance).toBe(170)
  await expect(card.getByTestId('wallet-balance')).toHaveText('170')

  const firestoreCopies = () =>
    page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('firestore/')))
  expect(await firestoreCopies()).not.toEqual([])
  await page.getByRole('button', { name: 'Sign out' }).click()
  // Signed out, the device is a visitor's: the club's landing page.
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('link', { name: 'Join' }).first()).toBeVisible()
  // Nothing of the member stays on the device: no card key, no cached card or session (the
  // language and the club's public landing data say nothing about anyone)…
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('moadon.')))
  expect(kept.filter((key) => key !== 'moadon.locale' && key !== 'moadon.landing')).toEqual([])
  // …and Firestore's offline copy of the member, ledger and coupons is deleted from IndexedDB.
  expect(await firestoreCopies()).toEqual([])
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Your club card, on your phone' })).toBeVisible()
})

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('the demo member signs in and sees her Gold card right-to-left', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await page.getByRole('link', { name: 'כניסה', exact: true }).first().click()
    await page.getByLabel('אימייל').fill('dana@moadon.test')
    await page.getByLabel('סיסמה').fill('moadon-demo')
    await page.getByRole('button', { name: 'כניסה', exact: true }).click()

    const card = page.getByTestId('wallet-card')
    await expect(card.getByTestId('wallet-name')).toHaveText('דנה לוי')
    await expect(card.getByTestId('wallet-tier')).toContainText('גולד')
    await expect(card.getByTestId('wallet-member-no')).toHaveAttribute('dir', 'ltr')
    const member = await memberByEmail('dana@moadon.test')
    await expect(card.getByTestId('wallet-balance')).toHaveText(new Intl.NumberFormat('he').format(member.balance))
    await expect(page.locator('html')).toHaveAttribute('lang', 'he')
  })
})
