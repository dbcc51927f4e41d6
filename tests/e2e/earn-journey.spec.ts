import { expect, test, type Page } from '@playwright/test'
import { demoConfig, demoSurveys } from '../../scripts/demo-club'
import { DEMO_HUNT_ANSWERS, DEMO_HUNT_ID, demoHunt } from '../../scripts/demo-hunt'
import { createMember, memberByEmail, signInAs } from './support/club'
import { completeProfile, scannedPurchaseYesterday, surveyOpenedAgo, todaysHuntCode } from './support/earn'

// One member's evening of earning without buying, in each language: the demo hunt's three clues,
// the demo survey, a review of the store they visited yesterday, and the profile. Every reward is
// paid by a callable on the Functions emulator; the hub shows each badge as it arrives, and the
// balance and the history add up to exactly what the club's configuration says.
const survey = demoSurveys()[0]!
const hunt = demoHunt()
const huntPoints = hunt.pointsPerClue * hunt.clues.length + hunt.finishBonus
const reviewPoints = demoConfig.reviews.points
const profilePoints = demoConfig.earning.activities.find((rule) => rule.id === 'profile-complete')!.points

const LOCALES = [
  {
    language: 'en' as const,
    locale: 'en-US',
    name: 'Tamar Golan',
    nav: 'Earn',
    startHunt: 'Start the hunt',
    answer: 'Your answer',
    check: 'Check answer',
    finished: `You finished the hunt! ${hunt.pointsPerClue + hunt.finishBonus} points added, including a ${hunt.finishBonus} points finishing bonus.`,
    openSurvey: 'Answer the survey',
    survey: { frequency: 'Every week', stores: ['Café', 'Bookstore'], blue: 'Blue' },
    surveyPaid: `Thanks! You earned ${survey.points} points.`,
    reviewText: 'Found a birthday present for my niece here, and they wrapped it for free.',
    reviewLabel: 'Your review',
    reviewPublished: `Your review is up: +${reviewPoints} points.`,
    badge: (name: string) => `New badge: ${name}`,
    badges: { hunt: 'Treasure hunter', review: 'First review', profile: 'Profile complete' },
    profileArrived: `${profilePoints} points added to your balance: Completing your profile`,
    balance: (n: number) => `Your balance: ${n} points`,
    history: { clue: 'Treasure hunt: a clue solved', finish: 'Treasure hunt: bonus for finishing', survey: 'Answered a survey', review: 'Review of', profile: 'Completing your profile' },
  },
  {
    language: 'he' as const,
    locale: 'he-IL',
    name: 'תמר גולן',
    nav: 'צבירה',
    startHunt: 'התחלת החיפוש',
    answer: 'התשובה',
    check: 'בדיקה',
    finished: `סיימת את החיפוש! ${hunt.pointsPerClue + hunt.finishBonus} נקודות נוספו ליתרה, כולל בונוס סיום של ${hunt.finishBonus} נקודות.`,
    openSurvey: 'מענה על הסקר',
    survey: { frequency: 'כל שבוע', stores: ['בית קפה', 'חנות ספרים'], blue: 'כחול' },
    surveyPaid: `תודה! קיבלת ${survey.points} נקודות.`,
    reviewText: 'מצאתי כאן מתנת יום הולדת לאחיינית, ועטפו לי אותה בחינם.',
    reviewLabel: 'חוות הדעת שלך',
    reviewPublished: `חוות הדעת פורסמה: \u2066+${reviewPoints}\u2069 נקודות.`,
    badge: (name: string) => `תג חדש: ${name}`,
    badges: { hunt: 'ציד אוצרות', review: 'חוות דעת ראשונה', profile: 'פרופיל מלא' },
    profileArrived: `נוספו לך ${profilePoints} נקודות: השלמת הפרופיל`,
    balance: (n: number) => `היתרה שלך: ${n} נקודות`,
    history: { clue: 'חיפוש אוצר: פתרון רמז', finish: 'חיפוש אוצר: בונוס על סיום', survey: 'מענה על סקר', review: 'חוות דעת על', profile: 'השלמת הפרופיל' },
  },
]

for (const l of LOCALES) {
  test.describe(`the earning journey (${l.language})`, () => {
    test.use({ locale: l.locale })

    test('a member finishes the hunt, answers the survey, reviews a visited store, completes the profile, and the hub shows it all', async ({ page }) => {
      const account = await createMember(l.name, { language: l.language })
      await scannedPurchaseYesterday(account.uid, 'carmel-books')
      const start = (await memberByEmail(account.email)).balance
      await signInAs(page, account)

      const hub = async () => {
        await page.getByRole('navigation').getByRole('link', { name: l.nav }).click()
        await expect(page).toHaveURL(/\/earn$/)
      }
      const arrivals = page.getByTestId('earn-arrivals')
      const balance = page.getByTestId('earn-balance')
      const badge = (id: string) => page.getByTestId(`badge-${id}`)

      await hub()
      await expect(balance).toHaveText(l.balance(start))
      for (const id of ['hunt-finished', 'first-review', 'profile-complete']) await expect(badge(id)).toHaveAttribute('data-earned', 'false')

      // 1. The hunt: the café's code of the day, then the two printed answers (niqqud and a final letter folded).
      await page.getByTestId(`earn-hunt-${DEMO_HUNT_ID}`).getByRole('link', { name: l.startHunt }).click()
      await solveHunt(page, l, [await todaysHuntCode(0), 'שלומ', DEMO_HUNT_ANSWERS[2]!])
      await expect(page.getByTestId('hunt-leaderboard')).toContainText(l.language === 'he' ? 'תמר ג.' : 'Tamar G.')
      await hub()
      await expect(arrivals).toContainText(l.badge(l.badges.hunt))
      await expect(badge('hunt-finished')).toHaveAttribute('data-earned', 'true')
      await expect(balance).toHaveText(l.balance(start + huntPoints))

      // 2. The survey, honestly answered by a reader who took more than its minimum time.
      await page.getByTestId(`earn-survey-${survey.id}`).getByRole('link', { name: l.openSurvey }).click()
      await answerSurvey(page, l)
      await surveyOpenedAgo(survey.id, account.uid, survey.minSeconds + 5)
      await page.getByTestId('survey-submit').click()
      await expect(page.getByTestId('survey-outcome')).toContainText(l.surveyPaid)
      await hub()
      await expect(balance).toHaveText(l.balance(start + huntPoints + survey.points))

      // 3. A review of the bookstore visited yesterday, offered by the hub.
      await page.getByTestId('earn-review-carmel-books').click()
      await expect(page).toHaveURL(/\/partners\/carmel-books\/review$/)
      await page.getByTestId('review-star-5').check()
      await page.getByLabel(l.reviewLabel).fill(l.reviewText)
      await page.getByTestId('review-submit').click()
      await expect(page.getByTestId('review-published')).toHaveText(l.reviewPublished)
      await hub()
      await expect(arrivals).toContainText(l.badge(l.badges.review))
      await expect(badge('first-review')).toHaveAttribute('data-earned', 'true')
      await expect(page.getByTestId('earn-review-carmel-books')).toHaveCount(0)

      // 4. The profile, from the hub's way to earn; the save brings the member back to the hub.
      await completeProfile(page)
      await expect(page).toHaveURL(/\/earn$/)
      await expect(arrivals).toContainText(l.profileArrived)
      await expect(arrivals).toContainText(l.badge(l.badges.profile))
      await expect(badge('profile-complete')).toHaveAttribute('data-earned', 'true')
      await expect(page.getByTestId('earn-item-profile-complete')).toHaveAttribute('data-status', 'done')
      const total = start + huntPoints + survey.points + reviewPoints + profilePoints
      await expect(balance).toHaveText(l.balance(total))
      expect((await memberByEmail(account.email)).balance).toBe(total)

      // The history explains every point: three clues, the finish, the survey, the review, the profile.
      await page.goto('/history')
      const row = (text: string) => page.getByRole('listitem').filter({ hasText: text })
      await expect(row(l.history.clue)).toHaveCount(hunt.clues.length)
      await expect(row(l.history.finish)).toHaveCount(1)
      await expect(row(l.history.finish)).toContainText(`+${hunt.finishBonus}`)
      await expect(row(l.history.survey)).toHaveCount(1)
      await expect(row(l.history.survey)).toContainText(`+${survey.points}`)
      await expect(row(l.history.review)).toHaveCount(1)
      await expect(row(l.history.review)).toContainText(`+${reviewPoints}`)
      await expect(row(l.history.profile)).toHaveCount(1)
      await expect(row(l.history.profile)).toContainText(`+${profilePoints}`)
    })
  })
}

async function solveHunt(page: Page, l: (typeof LOCALES)[number], answers: string[]) {
  await expect(page).toHaveURL(new RegExp(`/earn/hunt/${DEMO_HUNT_ID}$`))
  const outcome = page.getByTestId('hunt-outcome')
  const field = page.getByLabel(l.answer)
  for (const [i, answer] of answers.entries()) {
    await expect(page.getByTestId(`hunt-clue-${i}`)).toBeVisible()
    await field.fill(answer)
    await page.getByRole('button', { name: l.check }).click()
    if (i === answers.length - 1) break
    // The next clue may show (from the progress document) before this answer's reply, which then
    // empties the field: the next answer is typed once the reply is in.
    await expect(field).toHaveValue('')
    await expect(page.getByTestId(`hunt-clue-${i + 1}`)).toBeVisible()
  }
  await expect(outcome).toHaveText(l.finished)
  await expect(page.getByTestId('hunt-progress')).toContainText(`${answers.length}`)
}

async function answerSurvey(page: Page, l: (typeof LOCALES)[number]) {
  const question = (id: string) => page.getByTestId(`survey-question-${id}`)
  await expect(question('frequency')).toBeVisible()
  await question('frequency').getByLabel(l.survey.frequency).check()
  for (const store of l.survey.stores) await question('stores').getByLabel(store).check()
  await question('app-ease').getByLabel('4', { exact: true }).check()
  await question('attention').getByLabel(l.survey.blue).check()
  await question('recommend').getByLabel('9', { exact: true }).check()
}
