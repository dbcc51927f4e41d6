import { expect, test } from '@playwright/test'

test.describe('a shared badge', () => {
  test.use({ locale: 'he-IL' })

  test('Dana shares a badge she earned, and the link opens its own page with a preview image', async ({ page, browser }) => {
    // The share sheet is the phone's: here it only records what the app handed it.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          ;(window as unknown as { shared: ShareData }).shared = data
          return Promise.resolve()
        },
      })
    })
    await page.goto('/sign-in')
    await page.locator('input[type=email]').fill('dana@moadon.test')
    await page.locator('input[type=password]').fill('moadon-demo')
    await page.locator('button[type=submit]').click()
    await page.getByTestId('wallet-card').waitFor()
    await page.goto('/earn')
    await expect(page.getByTestId('badge-ten-visits')).toHaveAttribute('data-earned', 'false')
    await expect(page.getByTestId('badge-share-ten-visits')).toHaveCount(0)
    await page.getByTestId('badge-share-five-partners').click()
    const shared = await page.waitForFunction(() => (window as unknown as { shared?: ShareData }).shared)
    const { url, text } = (await shared.jsonValue()) as ShareData
    expect(text).toBe('התג החדש שלי במועדון השכונה: חמש חנויות')
    const link = new URL(url!)
    expect(link.pathname).toMatch(/^\/b\/[A-Z0-9]+\/five-partners$/)

    // A friend opens the link: the server's page, in the friend's language, not the app.
    const friend = await browser.newContext({ locale: 'en-US' })
    const visit = await friend.newPage()
    await visit.goto(link.pathname)
    await expect(visit).toHaveTitle('דנה earned “Five stores” at Neighborhood Club')
    await expect(visit.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/badges\/og\/five-partners\.png$/)
    const image = await visit.request.get('/badges/og/five-partners.png')
    expect(image.headers()['content-type']).toBe('image/png')
    await visit.getByTestId('badge-join').click()
    await expect(visit).toHaveURL(/\/sign-up\?ref=[A-Z0-9]+/)
    await friend.close()
  })
})
