import { expect, test } from '@playwright/test'
import { createMember, memberByEmail, signInAs } from './support/club'
import { scannedPurchaseYesterday } from './support/earn'

const copy = {
  en: {
    locale: 'en-US',
    write: 'Write a review',
    text: 'Your review',
    submit: 'Send',
    published: 'Your review is up: +20 points.',
    verified: '✓ Verified visit',
    back: 'Back to the store',
    hub: 'Review a store you visited',
    review: 'Lovely little bookstore, the staff found exactly what I needed.',
  },
  he: {
    locale: 'he-IL',
    write: 'כתיבת חוות דעת',
    text: 'חוות הדעת שלך',
    submit: 'שליחה',
    published: 'חוות הדעת פורסמה: \u2066+20\u2069 נקודות.',
    verified: '✓ ביקור מאומת',
    back: 'חזרה לחנות',
    hub: 'חוות דעת על חנות שביקרת בה',
    review: 'חנות ספרים קטנה ונעימה, והמוכרת מצאה בדיוק את מה שחיפשתי.',
  },
} as const

for (const [language, words] of Object.entries(copy) as [keyof typeof copy, (typeof copy)[keyof typeof copy]][]) {
  test(`a member who visited writes a review, sees the points arrive, and the store's page shows it (${language})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: words.locale })
    const page = await context.newPage()
    const account = await createMember(language === 'he' ? 'מאיה כרמלי' : 'Maya Carmeli', { language })
    await scannedPurchaseYesterday(account.uid, 'carmel-books')
    const before = (await memberByEmail(account.email)).balance
    await signInAs(page, account)

    // The Earn hub offers the store just visited.
    await page.goto('/earn')
    await expect(page.getByRole('heading', { name: words.hub })).toBeVisible()
    await expect(page.getByTestId('earn-review-carmel-books')).toBeVisible()

    await page.goto('/partners/carmel-books')
    await page.getByTestId('write-review').click()
    await expect(page).toHaveURL(/\/partners\/carmel-books\/review$/)

    // Stars by keyboard: focus the first, select it, then arrow to the fourth.
    await page.getByTestId('review-star-1').focus()
    await page.keyboard.press('Space')
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
    await expect(page.getByTestId('review-star-4')).toBeChecked()

    await page.getByLabel(words.text).fill(words.review)
    await page.getByTestId('review-submit').click()
    await expect(page.getByTestId('review-published')).toHaveText(words.published)
    await expect.poll(async () => (await memberByEmail(account.email)).balance).toBe(before + 20)

    // The store's page shows the review, with the verified-visit mark, as plain text.
    await page.getByRole('link', { name: words.back }).click()
    const mine = page.getByTestId('review').filter({ hasText: words.review })
    await expect(mine).toBeVisible()
    await expect(mine).toContainText(words.verified)
    await expect(mine.locator('p[dir=auto]')).toHaveText(words.review)
    await expect(page.getByTestId('reviews-summary')).toBeVisible()
    await expect(page.getByTestId('write-review')).toHaveCount(0)

    // The card shows the new balance.
    await page.goto('/')
    await expect(page.getByTestId('wallet-balance')).toHaveText(new Intl.NumberFormat(words.locale).format(before + 20))
    await context.close()
  })
}
