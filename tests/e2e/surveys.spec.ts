import { expect, test } from '@playwright/test'
import { demoSurveys } from '../../scripts/demo-club'
import { createMember, signInAs } from './support/club'

const survey = demoSurveys()[0]!

const copy = {
  en: {
    locale: 'en-US',
    open: 'Answer the survey',
    send: 'Send',
    required: 'This question needs an answer.',
    frequency: 'Every week',
    stores: ['Café', 'Bookstore'],
    blue: 'Blue',
    paid: 'Thanks! You earned 30 points.',
    answered: 'Answered',
  },
  he: {
    locale: 'he-IL',
    open: 'מענה על הסקר',
    send: 'שליחה',
    required: 'יש לענות על השאלה הזו.',
    frequency: 'כל שבוע',
    stores: ['בית קפה', 'חנות ספרים'],
    blue: 'כחול',
    paid: 'תודה! קיבלת 30 נקודות.',
    answered: 'נענה',
  },
} as const

for (const language of ['en', 'he'] as const) {
  const words = copy[language]

  test(`a member answers the demo survey and sees the points arrive (${language})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: words.locale })
    const page = await context.newPage()
    const account = await createMember(language === 'he' ? 'נועה ברק' : 'Noa Barak', { language })
    await signInAs(page, account)
    await expect(page.getByTestId('wallet-balance')).toHaveText('50')

    await page.goto('/earn')
    await page.getByTestId(`earn-survey-${survey.id}`).getByRole('link', { name: words.open }).click()
    const question = (id: string) => page.getByTestId(`survey-question-${id}`)
    // The form appears once the server has noted the opening (startSurvey): the minimum time runs from there.
    await expect(question('frequency')).toBeVisible()
    const opened = Date.now()

    // Checked on the device first: a required question left empty is pointed out, nothing is sent.
    await question('frequency').getByLabel(words.frequency).check()
    await page.getByTestId('survey-submit').click()
    await expect(question('stores')).toContainText(words.required)
    await expect(question('stores')).toHaveAttribute('aria-invalid', 'true')

    for (const store of words.stores) await question('stores').getByLabel(store).check()
    await question('app-ease').getByLabel('4', { exact: true }).check()
    await question('attention').getByLabel(words.blue).check()
    // A detractor's score opens the follow-up question; a promoter's closes it again.
    await question('recommend').getByLabel('3', { exact: true }).check()
    await expect(question('improve')).toBeVisible()
    await question('recommend').getByLabel('9', { exact: true }).check()
    await expect(question('improve')).toHaveCount(0)

    // The server measures the time from the opening: a real reader takes at least the survey's minimum.
    await page.waitForTimeout(Math.max(0, survey.minSeconds * 1000 + 1000 - (Date.now() - opened)))
    await page.getByTestId('survey-submit').click()
    await expect(page.getByTestId('survey-outcome')).toContainText(words.paid)

    await page.goto('/earn')
    await expect(page.getByTestId(`earn-survey-${survey.id}`)).toContainText(words.answered)
    await page.goto('/')
    await expect(page.getByTestId('wallet-balance')).toHaveText('80')
    await context.close()
  })
}
