// What the earning journeys need from outside the member's phone: a visit recorded at a till, the
// code on the café's counter screen, and a reader who took their time over a survey.
import { expect, type Page } from '@playwright/test'
import { Timestamp } from 'firebase-admin/firestore'
import { demoConfig, demoPartners } from '../../../scripts/demo-club'
import { DEMO_HUNT_ID } from '../../../scripts/demo-hunt'
import { loadHuntSecret } from '../../../functions/src/hunts/hunt-store'
import { recordPurchase } from '../../../functions/src/purchases/record'
import { dailyHuntCode } from '../../../src/domain/earn/hunts'
import { localDate } from '../../../src/domain/shared/calendar'
import { ClubConfigSchema } from '../../../src/domain/shared/club-config'
import { paths } from '../../../src/domain/shared/paths'
import { admin } from '../../emulator/support/emulators'

/** A purchase scanned at the partner's till yesterday: the verified visit a review needs. */
export async function scannedPurchaseYesterday(uid: string, partnerId: string, amount = 30) {
  const partner = demoPartners.find((p) => p.id === partnerId)
  if (!partner) throw new Error(`no demo partner ${partnerId}`)
  await recordPurchase(admin().db, {
    uid,
    partner,
    amount,
    receiptId: `E2E-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    staff: { uid: `staff-${partnerId}`, email: null, memberUid: null, tillId: 'e2e-till-0001' },
    config: ClubConfigSchema.parse(demoConfig),
    at: new Date(Date.now() - 86_400_000),
  })
}

/**
 * Today's code of a daily hunt clue, worked out as `getHuntCode` does for the partner's counter
 * screen (tests/e2e/hunts.spec.ts reads it off the screen itself).
 */
export async function todaysHuntCode(clueIndex: number, huntId = DEMO_HUNT_ID): Promise<string> {
  const { key } = await loadHuntSecret(admin().db, huntId)
  return dailyHuntCode(key, huntId, clueIndex, localDate(new Date(), demoConfig.timeZone))
}

/**
 * Moves the server's note of when the member opened the survey back by `seconds`, as if they had
 * spent that long on it: the minimum-time rule is checked, without the test waiting it out.
 */
export async function surveyOpenedAgo(surveyId: string, uid: string, seconds: number) {
  const ref = admin().db.doc(paths.surveyStart(surveyId, uid))
  await expect.poll(async () => (await ref.get()).exists).toBe(true)
  const startedAt = (await ref.get()).get('startedAt') as Timestamp
  await ref.update({ startedAt: Timestamp.fromMillis(startedAt.toMillis() - seconds * 1000) })
}

/** From the Earn hub: fills in what the profile lacks (birthday, two more interests) and saves. */
export async function completeProfile(page: Page) {
  await page.getByTestId('earn-open-profile').click()
  await expect(page).toHaveURL(/\/profile$/)
  await page.locator('input[type=date][autocomplete=bday]').fill('1990-04-12')
  await page.locator('input[name=birthday-calendar][value=hebrew]').check()
  await page.locator('input[name=interests][value=books]').check()
  await page.locator('input[name=interests][value=events]').check()
  await page.getByTestId('profile-save').click()
}
