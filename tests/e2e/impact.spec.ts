import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { createMember, memberByEmail, signInAs } from './support/club'

test('a member donates points, sees the balance drop and keeps the receipt', async ({ page }) => {
  const account = await createMember('Noa Giver', { extraPoints: 450 })
  await signInAs(page, account)
  await page.goto('/earn/impact')
  await expect(page.getByTestId('impact-balance')).toHaveText('You have 500 points')
  await expect(page.getByTestId('impact-mine')).toHaveText('You haven’t donated yet.')

  const card = page.getByTestId('charity-square-library')
  await card.getByTestId('donate-open').click()
  await card.getByText('Other amount').click()
  await card.getByTestId('donate-custom').fill('120')
  await expect(card.getByText('Worth ₪12')).toBeVisible()
  await card.getByTestId('donate-next').click()
  await expect(card.getByText('Give 120 points to The Square Library?')).toBeVisible()
  await card.getByTestId('donate-confirm').click()

  const receipt = page.getByTestId('donation-receipt')
  await expect(receipt).toBeVisible()
  await expect(page.getByText('Thank you! Your donation is in.')).toBeVisible()
  await expect(receipt.getByTestId('receipt-no')).toHaveText(/^D-\d{8}-[2-9A-Z]{8}$/)
  await expect(receipt).toContainText('120 points')
  await expect(receipt).toContainText('₪12')
  await expect(page.getByTestId('impact-balance')).toHaveText('You have 380 points')
  await expect(page.getByTestId('impact-mine')).toHaveText('You’ve given 120 points, worth ₪12.')
  expect((await memberByEmail(account.email)).balance).toBe(380)
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  // The receipt stays in the address: a reload shows it again, and history names the charity.
  const number = await receipt.getByTestId('receipt-no').textContent()
  await page.reload()
  await expect(page.getByTestId('receipt-no')).toHaveText(number!)
  await page.goto('/history')
  await expect(page.getByText('Donation to The Square Library')).toBeVisible()
})

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('a member donates during a matching campaign and the receipt shows the partner’s share', async ({ page }) => {
    const account = await createMember('נועה תורמת', { extraPoints: 150, language: 'he' })
    await signInAs(page, account)
    await page.goto('/earn')
    await page.getByTestId('earn-impact-link').click()
    const card = page.getByTestId('charity-neighbors-table')
    await expect(card.getByTestId('charity-match')).toContainText('50%')
    await card.getByTestId('donate-open').click()
    // The first choice is the charity's minimum, 50 points: the supermarket adds 25.
    await card.getByTestId('donate-next').click()
    await expect(card.getByText('לתרום 50 נקודות לשולחן השכנים?')).toBeVisible()
    await card.getByTestId('donate-confirm').click()
    const receipt = page.getByTestId('donation-receipt')
    await expect(receipt).toContainText('50 נקודות')
    await expect(receipt).toContainText('תוספת מסופר השכונה')
    await expect(page.getByTestId('impact-balance')).toHaveText('יש לך 150 נקודות')
  })
})
