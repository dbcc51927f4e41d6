import { expect, test, type Browser } from '@playwright/test'
import { DEMO_HUNT_ANSWERS, DEMO_HUNT_ID } from '../../scripts/demo-hunt'
import { createMember, signInAs } from './support/club'

const copy = {
  en: {
    locale: 'en-US',
    start: 'Start the hunt',
    answer: 'Your answer',
    check: 'Check answer',
    wrong: 'Not quite. You have 4 more tries this hour.',
    right: 'Right! 25 points added to your balance.',
    finished: 'You finished the hunt! 100 points added, including a 75 points finishing bonus.',
    progress: 'Clues: 3 of 3',
  },
  he: {
    locale: 'he-IL',
    start: 'התחלת החיפוש',
    answer: 'התשובה',
    check: 'בדיקה',
    wrong: 'לא בדיוק. נשארו לך עוד 4 ניסיונות בשעה הקרובה.',
    right: 'נכון! 25 נקודות נוספו ליתרה שלך.',
    finished: 'סיימת את החיפוש! 100 נקודות נוספו ליתרה, כולל בונוס סיום של 75 נקודות.',
    progress: 'רמזים: 3 מתוך 3',
  },
} as const

/** Today's code of the hunt's first clue, as the café's counter screen shows it to its staff. */
async function codeOnTheCafeScreen(browser: Browser): Promise<string> {
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  await page.goto('/sign-in')
  await page.locator('input[type=email]').fill('staff.cafe-shachar@moadon.test')
  await page.locator('input[type=password]').fill('moadon-demo')
  await page.locator('button[type=submit]').click()
  await expect(page).toHaveURL(/\/staff$/)
  await page.goto('/counter')
  const code = page.getByTestId(`counter-hunt-${DEMO_HUNT_ID}:0`).locator('strong')
  await expect(code).toHaveText(/^[A-Z2-7]{6}$/)
  const text = (await code.textContent())!
  await context.close()
  return text
}

for (const language of ['en', 'he'] as const) {
  const words = copy[language]

  test(`a member finishes the demo treasure hunt and sees the points arrive (${language})`, async ({ browser }) => {
    const cafeCode = await codeOnTheCafeScreen(browser)
    const context = await browser.newContext({ locale: words.locale })
    const page = await context.newPage()
    const name = language === 'he' ? 'הילה תמיר' : 'Hila Tamir'
    const account = await createMember(name, { language })
    await signInAs(page, account)
    await expect(page.getByTestId('wallet-balance')).toHaveText('50')

    await page.goto('/earn')
    await page.getByTestId(`earn-hunt-${DEMO_HUNT_ID}`).getByRole('link', { name: words.start }).click()
    await expect(page).toHaveURL(new RegExp(`/earn/hunt/${DEMO_HUNT_ID}$`))

    const answer = page.getByLabel(words.answer)
    const outcome = page.getByTestId('hunt-outcome')
    // A wrong guess says how many tries are left; the next clue stays hidden.
    await answer.fill('espresso')
    await page.getByRole('button', { name: words.check }).click()
    await expect(outcome).toHaveText(words.wrong)
    await expect(page.getByTestId('hunt-clue-1')).toHaveCount(0)

    // Typed in lowercase: case does not matter.
    await answer.fill(cafeCode.toLowerCase())
    await page.getByRole('button', { name: words.check }).click()
    await expect(outcome).toHaveText(words.right)
    await expect(page.getByTestId('hunt-clue-1')).toBeVisible()

    // Printed with niqqud, typed with a final letter folded: the same answer.
    expect(DEMO_HUNT_ANSWERS[1]).toBe('שָׁלוֹם')
    await answer.fill('שלומ')
    await page.getByRole('button', { name: words.check }).click()
    await expect(outcome).toHaveText(words.right)
    await expect(page.getByTestId('hunt-clue-2')).toBeVisible()

    await answer.fill(' green 42 ')
    await page.getByRole('button', { name: words.check }).click()
    await expect(outcome).toHaveText(words.finished)
    await expect(page.getByTestId('hunt-progress')).toHaveText(words.progress)
    await expect(page.getByTestId('hunt-leaderboard')).toContainText(language === 'he' ? 'הילה ת.' : 'Hila T.')

    await page.goto('/')
    await expect(page.getByTestId('wallet-balance')).toHaveText('200')
    await context.close()
  })
}
