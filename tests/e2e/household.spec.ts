import { expect, test } from '@playwright/test'
import { paths } from '../../src/domain/shared/paths'
import { admin } from '../emulator/support/emulators'
import { createMember, signInAs, uniqueEmail } from './support/club'

// The household card: the owner makes an invite link on one phone, in Hebrew; on another phone,
// in English, a new person opens it, signs up, joins the club, accepts, and their card shows the
// shared balance; the owner's list shows them. Then the seeded household in Hebrew.
test.describe('an owner in Hebrew, a newcomer in English', () => {
  test.use({ locale: 'he-IL' })

  test('an owner’s household invite is accepted on a second phone by someone who just signed up', async ({ page, browser }) => {
    const owner = await createMember('Dana Household', { extraPoints: 120, language: 'he' })
    await signInAs(page, owner)
    await page.getByTestId('header-profile').click()
    await page.getByTestId('household-link').click()
    await expect(page.getByRole('heading', { name: 'כרטיס משק בית' })).toBeVisible()
    await expect(page.getByTestId('household-empty')).toBeVisible()
    await page.getByTestId('household-invite').click()
    const link = await page.getByTestId('household-invite-link').inputValue()
    expect(link).toMatch(/\/household\/join\?code=[\w-]{22}$/)

    const phone = await browser.newContext({ locale: 'en-US' })
    const other = await phone.newPage()
    await other.goto(new URL(link).pathname + new URL(link).search)
    await other.getByRole('link', { name: 'Create an account' }).click()
    // The sign-in form has the same two fields: fill them only once the sign-up screen is there.
    await expect(other.getByRole('heading', { name: 'Create your account' })).toBeVisible()
    await other.getByLabel('Email').fill(uniqueEmail('household'))
    await other.getByLabel('Password').fill('secret-123')
    await other.getByRole('button', { name: 'Create account' }).click()
    await other.getByLabel('Full name').fill('Noa Newcomer')
    await other.getByLabel('Coffee & pastries').check()
    await other.getByLabel('Books').check()
    await other.getByRole('button', { name: 'Join the club' }).click()

    await expect(other.getByRole('heading', { name: 'Join a household card' })).toBeVisible()
    await other.getByTestId('household-accept').click()
    await expect(other.getByTestId('household-joined')).toHaveText('You joined Dana Household’s household.')
    await other.getByRole('link', { name: 'To my card' }).click()
    // 50 welcome points and 120 more: the owner's balance, not the newcomer's own 50.
    await expect(other.getByTestId('wallet-card').getByTestId('wallet-balance')).toHaveText('170')
    await expect(other.getByTestId('wallet-card').getByTestId('wallet-name')).toHaveText('Noa Newcomer')

    const row = page.getByTestId('household-member')
    await expect(row).toHaveCount(1)
    await expect(row).toContainText('Noa Newcomer')
    await expect(row).toContainText('צבירה של 0 נקודות')
    const stored = (await admin().db.doc(paths.member(owner.uid)).get()).get('householdMembers') as string[]
    expect(stored).toHaveLength(1)
    await phone.close()
  })
})

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('the seeded household member sees whose household it is', async ({ page }) => {
    await signInAs(page, { email: 'noa@moadon.test', password: 'moadon-demo' })
    await page.goto('/household')
    await expect(page.getByRole('heading', { name: 'כרטיס משק בית' })).toBeVisible()
    await expect(page.getByTestId('household-member-of')).toHaveText(
      'הצטרפת למשק הבית של דנה לוי. הכרטיס שלך מציג את היתרה המשותפת, ומה שצוברים נכנס אליה.',
    )
    await expect(page.getByTestId('household-leave')).toHaveText('יציאה ממשק הבית')

    // Her history is what she earned into Dana's balance (her coffee at Café Shachar), not her own
    // hidden welcome gift and not Dana's own entries.
    await page.getByRole('navigation', { name: 'ראשי' }).getByRole('link', { name: 'היסטוריה' }).click()
    await expect(page.getByTestId('history-household')).toHaveText(
      'מה שצברת לכרטיס משק הבית של דנה לוי. היתרה המשותפת וכל ההיסטוריה שלה נמצאות בחשבון של דנה לוי.',
    )
    const rows = page.locator('li.history-entry-row')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('קנייה בקפה שחר')
  })
})
