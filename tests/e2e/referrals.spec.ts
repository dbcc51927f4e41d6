import { expect, test } from '@playwright/test'
import { admin } from '../emulator/support/emulators'
import { createMember, fakeCameraShowing, memberByEmail, signInAs, uniqueEmail } from './support/club'

test('a member shares their link, a friend joins through it, and the friend’s first scanned purchase pays both', async ({
  page,
  browser,
  request,
}) => {
  const dana = await createMember('Dana Sharer')
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await signInAs(page, dana)
  await page.getByTestId('wallet-refer').click()
  await expect(page.getByRole('heading', { name: 'Invite a friend' })).toBeVisible()
  await expect(page.getByTestId('refer-terms')).toHaveText('Both bonuses come with a first purchase of ₪50 or more, with the club card scanned at checkout.')
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('button', { name: 'Copied!' })).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toMatch(/^http:\/\/localhost:4173\/r\/[2-9A-HJKMNP-Z]{7}$/)
  await expect(page.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute('href', new RegExp(`^https://wa\\.me/\\?text=.*${encodeURIComponent(link)}$`))

  // The landing page, as a social network's preview robot fetches it: no JavaScript.
  const offer = 'Join for free and get 50 points as a gift, plus 100 points more with your first purchase of ₪50 or more.'
  const landing = await request.get(link, { headers: { 'accept-language': 'en-US,en;q=0.9', 'user-agent': 'WhatsApp/2.23' } })
  expect(landing.status()).toBe(200)
  expect(landing.headers()['cache-control']).toMatch(/max-age=\d+/)
  const html = await landing.text()
  expect(html).toContain('<meta property="og:title" content="Dana invited you to Neighborhood Club">')
  expect(html).toContain(`<meta property="og:description" content="${offer}">`)
  expect(html).toContain('<meta property="og:image" content="http://localhost:4173/brand/og-referral.png">')
  expect(html).toContain('<meta property="og:image:width" content="1200">')
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image">')
  expect(html).toContain(`<link rel="canonical" href="${link}">`)
  const image = await request.get('/brand/og-referral.png')
  expect(image.headers()['content-type']).toBe('image/png')

  // The friend, in another browser, opens the link: the club's landing page, with who invited
  // them and the friend's gift on top; joining carries the invitation.
  const friendContext = await browser.newContext({ locale: 'en-US' })
  const friend = await friendContext.newPage()
  await friend.goto(link)
  await expect(friend.getByTestId('landing-invite').locator('visible=true')).toHaveText(
    'Dana invited you — join and get 100 points with your first purchase of ₪50 or more.',
  )
  await friend.getByRole('link', { name: 'Join', exact: true }).first().click()
  await expect(friend.getByTestId('invite-banner')).toContainText('invited you!')
  const friendEmail = uniqueEmail('friend')
  await friend.getByLabel('Email').fill(friendEmail)
  await friend.getByLabel('Password').fill('secret-123')
  await friend.getByRole('button', { name: 'Create account' }).click()
  await expect(friend.getByText(/Plus 100 points with your first purchase/)).toBeVisible()
  await friend.getByLabel('Full name').fill('Yael Friend')
  await friend.getByRole('button', { name: 'Join the club' }).click()
  // Only the welcome gift at joining: the invitation's bonus waits for a real purchase.
  await expect(friend.getByTestId('wallet-balance')).toHaveText('50')

  await expect(page.getByTestId('refer-joined')).toHaveText('1')
  await expect(page.getByText(/Yael · waiting for a first purchase/)).toBeVisible()

  // The friend confirmed their e-mail; their live card is scanned at the till for ₪60.
  const yael = await memberByEmail(friendEmail)
  await admin().auth.updateUser(yael.uid, { emailVerified: true })
  const qr = friend.getByTestId('wallet-card').locator('[data-qr-value]')
  await expect(qr).toHaveAttribute('data-qr-value', /^V1\./)
  const token = await qr.getAttribute('data-qr-value')
  const till = await browser.newContext({ locale: 'en-US' })
  const staff = await till.newPage()
  await fakeCameraShowing(staff, token!)
  await signInAsStaff(staff)
  await staff.getByRole('button', { name: 'Scan with the camera' }).click()
  await expect(staff.getByTestId('staff-customer')).toContainText('Card scanned')
  await staff.getByLabel('Amount (₪)').fill('60')
  await staff.getByLabel('Receipt number').fill(`R-${Date.now()}`)
  await staff.getByRole('button', { name: 'Record purchase' }).click()
  await expect(staff.getByTestId('staff-done')).toContainText('+120')

  await expect(page.getByTestId('refer-qualified')).toHaveText('1')
  await expect(page.getByTestId('refer-earned')).toHaveText('50')
  await expect(page.getByText(/Yael · first purchase — you got your bonus/)).toBeVisible()
  expect((await memberByEmail(dana.email)).balance).toBe(100)
  await expect(friend.getByTestId('wallet-balance')).toHaveText('270')
  await friendContext.close()
  await till.close()
})

async function signInAsStaff(page: import('@playwright/test').Page) {
  await page.goto('/sign-in')
  await page.locator('input[type=email]').fill('staff.cafe-shachar@moadon.test')
  await page.locator('input[type=password]').fill('moadon-demo')
  await page.locator('button[type=submit]').click()
  await expect(page).toHaveURL(/\/staff$/)
}

test('an unknown referral code gets the club’s ordinary page, with no error', async ({ request }) => {
  const landing = await request.get('/r/ZZZZZZZ', { headers: { 'accept-language': 'he-IL', 'user-agent': 'WhatsApp/2.23' } })
  expect(landing.status()).toBe(200)
  const html = await landing.text()
  expect(html).toContain('<meta property="og:title" content="הצטרפות למועדון השכונה">')
  expect(html).toContain('href="/"')
  expect(html).not.toMatch(/error|unknown|invalid/i)
})
