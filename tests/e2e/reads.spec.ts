import { expect, test, type Page } from '@playwright/test'
import { demoConfig } from '../../scripts/demo-club'
import { billedReads, countReads } from '../../scripts/lib/count-reads'
import { redeemReward } from '../../functions/src/rewards/redeem'
import { admin } from '../emulator/support/emulators'
import { createMember, signInAs } from './support/club'

/** An app open: the page loaded again, signed in, until the card's QR is on screen. */
const reopen = (page: Page) => async () => {
  await page.reload()
  await page.getByTestId('wallet-card').locator('.wallet-card__qr').waitFor()
}

test('opening the card reads at most 2 documents: the member and the club', async ({ page }) => {
  await signInAs(page, { email: 'dana@moadon.test', password: 'moadon-demo' })
  await page.getByTestId('wallet-card').locator('.wallet-card__qr').waitFor()
  const reads = await countReads(page, reopen(page))
  console.log(`Dana's card, reopened: ${billedReads(reads)} reads (${reads.documents} documents + ${reads.emptyQueries} empty; ${JSON.stringify(reads.byPath)})`)
  expect(Object.keys(reads.byPath).every((path) => path === 'config/club' || path.startsWith('members/'))).toBe(true)
  expect(billedReads(reads)).toBeLessThanOrEqual(2)
})

test('the card shows the coupons ready to use from the member document alone', async ({ page }) => {
  const account = await createMember('Noa Coupons', { extraPoints: 200 })
  for (const rewardId of ['free-coffee', 'free-coffee']) {
    await redeemReward(admin().db, { uid: account.uid, rewardId, requestId: `reads-${account.uid}-${Math.random()}`, config: demoConfig, random: Math.random })
  }
  await signInAs(page, account)
  const reads = await countReads(page, async () => {
    await reopen(page)()
    await expect(page.getByRole('link', { name: 'You have 2 coupons ready to use' })).toBeVisible()
  })
  expect(Object.keys(reads.byPath).filter((path) => path.startsWith('coupons/'))).toEqual([])
  expect(billedReads(reads)).toBeLessThanOrEqual(2)

  // The coupons screen lists them: there, and only there, the coupons are read.
  await page.getByRole('link', { name: 'You have 2 coupons ready to use' }).click()
  await expect(page.locator('[data-testid^="coupon-"]:not([data-testid="coupon-code"])')).toHaveCount(2)
})
