import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { readImageHeader } from '../../src/domain/photos/image-header'
import { createMember, signInAs } from './support/club'
import { scannedPurchaseYesterday } from './support/earn'

/**
 * A phone photo as cameras write them: a 3000×2250 JPEG turned on its side by its EXIF
 * orientation (6: rotate 90°), with the GPS position of where it was taken.
 */
const FIXTURE = fileURLToPath(new URL('./fixtures/photo-with-gps.jpg', import.meta.url))

const copy = {
  en: {
    locale: 'en-US',
    text: 'Your review',
    published: 'Your review is up: +20 points.',
    back: 'Back to the store',
    preview: 'The photo you chose',
    alt: 'Photo from Tal G.’s review',
    review: 'A calm pharmacy with patient staff who explained everything twice.',
  },
  he: {
    locale: 'he-IL',
    text: 'חוות הדעת שלך',
    published: 'חוות הדעת פורסמה: \u2066+20\u2069 נקודות.',
    back: 'חזרה לחנות',
    preview: 'התמונה שבחרת',
    alt: 'תמונה מחוות הדעת של טל ג.',
    review: 'בית מרקחת רגוע, והרוקחת הסבירה הכול בסבלנות ובפירוט.',
  },
} as const

for (const [language, words] of Object.entries(copy) as [keyof typeof copy, (typeof copy)[keyof typeof copy]][]) {
  test(`a member attaches a photo to a review and the store's page shows it, upright and without its location (${language})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: words.locale })
    const page = await context.newPage()
    const account = await createMember(language === 'he' ? 'טל גבאי' : 'Tal Gabay', { language })
    await scannedPurchaseYesterday(account.uid, 'hadar-pharm')
    await signInAs(page, account)

    await page.goto('/partners/hadar-pharm/review')
    await page.getByTestId('review-star-5').check({ force: true })
    await page.getByLabel(words.text).fill(words.review)
    await page.getByTestId('photo-input').setInputFiles(FIXTURE)
    await expect(page.getByRole('img', { name: words.preview })).toBeVisible()
    await page.getByTestId('review-submit').click()
    await expect(page.getByTestId('review-published')).toHaveText(words.published)

    await page.getByRole('link', { name: words.back }).click()
    const mine = page.getByTestId('review').filter({ hasText: words.review })
    const thumb = mine.getByRole('img', { name: words.alt })
    await thumb.scrollIntoViewIfNeeded()
    await expect(thumb).toHaveAttribute('loading', 'lazy')
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)

    // The full image behind the thumbnail: resized, upright (the EXIF turn applied), re-encoded,
    // and without the EXIF block that carried the position.
    const href = await mine.getByTestId('review-photo').getAttribute('href')
    expect(href).toMatch(/^\/p\/[A-Za-z0-9]{20}$/)
    const response = await page.request.get(href!)
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    const bytes = new Uint8Array(await response.body())
    const header = readImageHeader(bytes)
    expect(header).toMatchObject({ width: 1200, height: 1600, metadata: false })
    expect(['image/webp', 'image/jpeg']).toContain(header!.type)
    expect(response.headers()['content-type']).toBe(header!.type)
    expect(Buffer.from(bytes).includes(Buffer.from('Exif'))).toBe(false)
    expect(bytes.length).toBeLessThan(300_000)
    // The fixture really carried them, so their absence above is the resizer's doing.
    expect(readImageHeader(new Uint8Array(readFileSync(FIXTURE)))).toMatchObject({ width: 3000, height: 2250, metadata: true })
    await context.close()
  })
}

test('the demo club’s café review shows its seeded photo, which opens in full', async ({ page }) => {
  const account = await createMember('Noa Levi', { language: 'en' })
  await signInAs(page, account)
  await page.goto('/partners/cafe-shachar')
  const photo = page.getByTestId('review-photo').first()
  await photo.scrollIntoViewIfNeeded()
  const thumb = photo.getByRole('img', { name: /^Photo from .+’s review$/ })
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400)
  const full = await page.request.get((await photo.getAttribute('href'))!)
  expect(full.status()).toBe(200)
  expect(full.headers()['content-type']).toBe('image/webp')
  expect(readImageHeader(new Uint8Array(await full.body()))).toMatchObject({ width: 1200, height: 900 })
})
