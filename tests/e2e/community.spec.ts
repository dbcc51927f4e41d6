import { fileURLToPath } from 'node:url'
import { expect, test, type Browser } from '@playwright/test'
import { createMember, signInAs } from './support/club'
import { scannedPurchaseYesterday } from './support/earn'

const copy = {
  en: {
    locale: 'en-US',
    compose: 'Write a post',
    published: 'Your post is up. +5 points for the day’s first post.',
    oneLike: 'One like',
    oneComment: 'One comment',
    comment: 'Write a comment',
    post: 'First time at the new café branch, the staff were lovely.',
    reply: 'Same here, great place!',
  },
  he: {
    locale: 'he-IL',
    compose: 'כתיבת פוסט',
    published: 'הפוסט פורסם. \u2066+5\u2069 נקודות על הפוסט הראשון היום.',
    oneLike: 'לייק אחד',
    oneComment: 'תגובה אחת',
    comment: 'כתיבת תגובה',
    post: 'פעם ראשונה בסניף החדש של בית הקפה, הצוות היה מקסים.',
    reply: 'גם אצלי, מקום נהדר!',
  },
} as const

type Words = (typeof copy)[keyof typeof copy]

/** A phone photo as a member would pick it (the app resizes and re-encodes it before upload). */
const PHOTO = fileURLToPath(new URL('../../scripts/assets/demo-review-photo.webp', import.meta.url))

async function memberPage(browser: Browser, words: Words, name: string, language: 'he' | 'en', purchased = false) {
  const context = await browser.newContext({ locale: words.locale })
  const page = await context.newPage()
  const account = await createMember(name, { language })
  if (purchased) await scannedPurchaseYesterday(account.uid, 'cafe-shachar')
  await signInAs(page, account)
  return { page, context, account }
}

for (const [language, words] of Object.entries(copy) as [keyof typeof copy, Words][]) {
  test(`a member posts with a photo; another likes and comments, and the first sees both live (${language})`, async ({ browser }) => {
    const author = await memberPage(browser, words, language === 'he' ? 'נועה ברק' : 'Noa Barak', language)
    await author.page.goto('/community')
    await author.page.getByLabel(words.compose).fill(words.post)
    await author.page.getByTestId('photo-input').first().setInputFiles(PHOTO)
    // Resized and re-encoded on the phone, then uploaded: seconds on a busy test machine.
    await expect(author.page.getByTestId('photo-preview')).toHaveCount(1, { timeout: 30_000 })
    await author.page.getByTestId('post-submit').click()
    await expect(author.page.getByTestId('post-published')).toHaveText(words.published)
    const card = author.page.getByTestId('post').filter({ hasText: words.post })
    await expect(card).toBeVisible()
    // The photo is served by the photo function once the post is published.
    const thumb = card.getByTestId('post-photo').locator('img')
    await expect(thumb).toBeVisible()
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
    await card.getByTestId('post-open').click()
    await expect(author.page).toHaveURL(/\/community\/[0-9a-f]{32}$/)
    const postUrl = new URL(author.page.url()).pathname

    const reader = await memberPage(browser, words, language === 'he' ? 'עומר לוי' : 'Omer Levi', language)
    await reader.page.goto('/community')
    const seen = reader.page.getByTestId('post').filter({ hasText: words.post })
    await seen.getByTestId('post-like').click()
    await expect(seen.getByTestId('post-like')).toHaveAttribute('aria-pressed', 'true')
    await expect(seen.getByTestId('post-likes')).toHaveText(words.oneLike)
    await seen.getByTestId('post-open').click()
    await reader.page.getByLabel(words.comment).fill(words.reply)
    await reader.page.getByTestId('comment-submit').click()

    // The author's page was open all along: the like and the comment arrive without a reload.
    await expect(author.page).toHaveURL(new RegExp(`${postUrl}$`))
    await expect(author.page.getByTestId('post-likes')).toHaveText(words.oneLike)
    await expect(author.page.getByTestId('comment-text')).toHaveText(words.reply)
    await expect(author.page.getByTestId('post-comments')).toHaveText(words.oneComment)
    await author.context.close()
    await reader.context.close()
  })
}

test('three members with purchases report a post and it disappears from the feed', async ({ browser }) => {
  const words = copy.he
  const author = await memberPage(browser, words, 'מוכר ספאם', 'he')
  const spam = 'מבצע מטורף! הנחה ענקית על הכול, רק היום, כנסו עכשיו'
  await author.page.goto('/community')
  await author.page.getByLabel(words.compose).fill(spam)
  await author.page.getByTestId('post-submit').click()
  await expect(author.page.getByTestId('post-published')).toBeVisible()

  const watcher = await memberPage(browser, words, 'צופה בפיד', 'he')
  await watcher.page.goto('/community')
  await expect(watcher.page.getByTestId('post').filter({ hasText: spam })).toBeVisible()

  for (const name of ['מדווחת ראשונה', 'מדווח שני', 'מדווחת שלישית']) {
    const reporter = await memberPage(browser, words, name, 'he', true)
    await reporter.page.goto('/community')
    await reporter.page.getByTestId('post').filter({ hasText: spam }).getByTestId('post-open').click()
    await reporter.page.getByTestId('post-report').click()
    await reporter.page.getByLabel('ספאם או פרסומת').check()
    await reporter.page.getByTestId('report-send').click()
    await expect(reporter.page.getByTestId('report-sent')).toBeVisible()
    await reporter.context.close()
  }

  // The third report hid it: gone from the open feed, live; the reporter's list shows it as open.
  await expect(watcher.page.getByTestId('post').filter({ hasText: spam })).toHaveCount(0)
  await author.context.close()
  await watcher.context.close()
})
