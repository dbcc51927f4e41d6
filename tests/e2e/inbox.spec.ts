import { expect, test } from '@playwright/test'
import { dispatchMessage } from '../../functions/src/messages/dispatch'
import { paths } from '../../src/domain/shared/paths'
import { admin } from '../emulator/support/emulators'
import { createMember, signInAs } from './support/club'

// The inbox and the member's message limits, in both languages: a tier-up message (sent through
// the dispatcher, as the tier-up trigger sends it) opens the tier screen and is marked read on the
// server; the limits a member saves are the ones stored.
async function memberWithTierUp(language: 'he' | 'en') {
  const account = await createMember(language === 'he' ? 'נועה ברק' : 'Noa Barak', { language })
  const sent = await dispatchMessage(admin().db, { uid: account.uid, kind: 'tier-up', params: { tierId: 'gold' }, dedupeKey: 'e2e' })
  expect(sent).toEqual({ sent: true })
  return account
}

const stored = async (uid: string) => (await admin().db.doc(paths.member(uid)).get()).data()!

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('the inbox shows a tier-up message whose link opens the tier screen', async ({ page }) => {
    const account = await memberWithTierUp('he')
    await signInAs(page, account)
    await page.getByTestId('header-profile').click()
    await expect(page.getByTestId('inbox-link-unread')).toHaveText('הודעה חדשה אחת')
    await page.getByTestId('inbox-link').click()
    await expect(page.getByRole('heading', { name: 'הודעות' })).toBeVisible()
    const message = page.getByTestId('inbox-message')
    await expect(message).toHaveCount(1)
    await expect(message).toContainText('עלית לדרגת גולד')
    await expect(message.getByTestId('inbox-message-new')).toHaveText('חדש')
    await message.click()
    await expect(page).toHaveURL(/\/tiers$/)
    await expect.poll(async () => (await stored(account.uid)).unreadMessages).toBe(0)
    await page.goBack()
    await expect(page.getByTestId('inbox-message')).toContainText('עלית לדרגת גולד')
    await expect(page.getByTestId('inbox-message-new')).toHaveCount(0)
  })

  test('Dana finds her seeded messages', async ({ page }) => {
    await signInAs(page, { email: 'dana@moadon.test', password: 'moadon-demo' })
    await page.goto('/inbox')
    await expect(page.getByTestId('inbox-message').filter({ hasText: 'עלית לדרגת' }).first()).toBeVisible()
    await expect(page.getByTestId('inbox-message').filter({ hasText: 'נוספו ליתרה שלך' }).first()).toBeVisible()
  })

  test('a member edits the message limits', async ({ page }) => {
    const account = await createMember('יעל כהן', { language: 'he' })
    await signInAs(page, account)
    await page.goto('/inbox')
    await page.getByTestId('inbox-settings-link').click()
    await expect(page.getByRole('heading', { name: 'הגבלת הודעות' })).toBeVisible()
    await expect(page.getByText('הודעות על הנקודות, הדרגה, הקופונים והדיווחים שלך תמיד מגיעות')).toBeVisible()
    await expect(page.getByText('לכל היותר שתיים בשבוע')).toBeVisible()
    await page.getByLabel('חדשות והזמנות מהמועדון בשבוע').selectOption('0')
    await expect(page.getByText('בלי חדשות והזמנות מהמועדון בכלל')).toBeVisible()
    await page.getByLabel('משעה').fill('22:30')
    await page.getByLabel('בלי חדשות מהמועדון בשבת ובחג').uncheck()
    await page.getByTestId('inbox-settings-save').click()
    await expect(page.getByTestId('inbox-settings-saved')).toHaveText('הגבלת ההודעות נשמרה.')
    await expect
      .poll(async () => (await stored(account.uid)).messagePrefs)
      .toEqual({ promotionalPerWeek: 0, quietHours: { start: '22:30', end: '08:00' }, restDays: false, channels: { push: false } })
    await page.reload()
    await expect(page.getByLabel('חדשות והזמנות מהמועדון בשבוע')).toHaveValue('0')
    await expect(page.getByLabel('משעה')).toHaveValue('22:30')
  })
})

test.describe('in English', () => {
  test.use({ locale: 'en-US' })

  test('the inbox shows a tier-up message whose link opens the tier screen', async ({ page }) => {
    const account = await memberWithTierUp('en')
    await signInAs(page, account)
    await page.getByTestId('header-profile').click()
    await expect(page.getByTestId('inbox-link-unread')).toHaveText('One new message')
    await page.getByTestId('inbox-link').click()
    const message = page.getByTestId('inbox-message')
    await expect(message).toContainText('You’ve moved up to Gold')
    await expect(page.getByTestId('inbox-unread')).toHaveText('One new message')
    await message.click()
    await expect(page).toHaveURL(/\/tiers$/)
    await expect.poll(async () => (await stored(account.uid)).unreadMessages).toBe(0)
  })

  test('a member edits the message limits', async ({ page }) => {
    const account = await createMember('Yael Cohen', { language: 'en' })
    await signInAs(page, account)
    await page.goto('/inbox/settings')
    await expect(page.getByRole('heading', { name: 'Message limits' })).toBeVisible()
    await page.getByLabel('Club news and invitations per week').selectOption('5')
    await expect(page.getByText('At most 5 a week')).toBeVisible()
    await page.getByLabel('Until').fill('07:00')
    await page.getByLabel('Also notify me on this phone').check()
    await page.getByTestId('inbox-settings-save').click()
    await expect(page.getByTestId('inbox-settings-saved')).toHaveText('Your message limits are saved.')
    await expect
      .poll(async () => (await stored(account.uid)).messagePrefs)
      .toEqual({ promotionalPerWeek: 5, quietHours: { start: '21:00', end: '07:00' }, restDays: true, channels: { push: true } })
  })
})
