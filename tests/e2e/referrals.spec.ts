import { expect, test } from '@playwright/test'
import { createMember, memberByEmail, signInAs, uniqueEmail } from './support/club'

test('a member shares their link, a friend joins through it, and the friend’s first purchase rewards the member', async ({
  page,
  browser,
  request,
}) => {
  const dana = await createMember('Dana Sharer')
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await signInAs(page, dana)
  await page.getByTestId('wallet-refer').click()
  await expect(page.getByRole('heading', { name: 'Invite friends' })).toBeVisible()
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('button', { name: 'Copied!' })).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toMatch(/^http:\/\/localhost:4173\/r\/[2-9A-HJKMNP-Z]{7}$/)
  await expect(page.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute('href', new RegExp(`^https://wa\\.me/\\?text=.*${encodeURIComponent(link)}$`))
  await expect(page.getByTestId('refer-goal')).toHaveText('2 more friends to the 75-point reward.')

  // The landing page, as a social network's preview robot fetches it: no JavaScript.
  const landing = await request.get(link, { headers: { 'accept-language': 'en-US,en;q=0.9', 'user-agent': 'WhatsApp/2.23' } })
  expect(landing.status()).toBe(200)
  expect(landing.headers()['cache-control']).toMatch(/max-age=\d+/)
  const html = await landing.text()
  expect(html).toContain('<meta property="og:title" content="Dana invites you to Neighbourhood Club">')
  expect(html).toContain('<meta property="og:description" content="Join for free and get 150 gift points for your first purchase.">')
  expect(html).toContain('<meta property="og:image" content="http://localhost:4173/brand/og-referral.png">')
  expect(html).toContain('<meta property="og:image:width" content="1200">')
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image">')
  expect(html).toContain(`<link rel="canonical" href="${link}">`)
  const image = await request.get('/brand/og-referral.png')
  expect(image.headers()['content-type']).toBe('image/png')

  // The friend, in another browser, opens the link, sees who invited them, and joins.
  const friendContext = await browser.newContext({ locale: 'en-US' })
  const friend = await friendContext.newPage()
  await friend.goto(link)
  await expect(friend.getByRole('heading', { name: 'Dana invites you to Neighbourhood Club' })).toBeVisible()
  await expect(friend.getByText('Join for free and get 150 gift points for your first purchase.')).toBeVisible()
  await friend.getByRole('link', { name: 'Join now' }).click()
  await expect(friend.getByTestId('invite-banner')).toHaveText('Dana invited you! Join the club and get a gift of points.')
  const friendEmail = uniqueEmail('friend')
  await friend.getByLabel('Email').fill(friendEmail)
  await friend.getByLabel('Password').fill('secret-123')
  await friend.getByRole('button', { name: 'Create account' }).click()
  await expect(friend.getByText('Plus 100 points from Dana’s invitation.')).toBeVisible()
  await friend.getByLabel('Full name').fill('Yael Friend')
  await friend.getByRole('button', { name: 'Join the club' }).click()
  await expect(friend.getByTestId('wallet-balance')).toHaveText('150')

  await expect(page.getByTestId('refer-joined')).toHaveText('1')
  await expect(page.getByText('Yael · joined — waiting for a first purchase or visit')).toBeVisible()

  // The friend's first purchase at a till pays Dana, once.
  const till = await browser.newContext({ locale: 'en-US' })
  const staff = await till.newPage()
  await signInAsStaff(staff)
  await staff.getByLabel('Or type the member number').fill((await memberByEmail(friendEmail)).memberNo)
  await staff.getByRole('button', { name: 'Find member' }).click()
  await staff.getByLabel('Amount (₪)').fill('60')
  await staff.getByRole('button', { name: 'Record purchase' }).click()
  await expect(staff.getByTestId('staff-done')).toHaveText('Yael earned 120 points.')

  await expect(page.getByTestId('refer-qualified')).toHaveText('1')
  await expect(page.getByTestId('refer-earned')).toHaveText('50')
  await expect(page.getByText('Yael · bought or visited — you were rewarded · +50')).toBeVisible()
  expect((await memberByEmail(dana.email)).balance).toBe(100)
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

test('an unknown referral code gets the ordinary join page, with no error', async ({ request }) => {
  const landing = await request.get('/r/ZZZZZZZ', { headers: { 'accept-language': 'he-IL' } })
  expect(landing.status()).toBe(200)
  const html = await landing.text()
  expect(html).toContain('<meta property="og:title" content="הצטרפות למועדון השכונה">')
  expect(html).toContain('href="/sign-up"')
  expect(html).not.toMatch(/error|unknown|invalid/i)
})
