import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { demoAdmin } from '../../scripts/demo-club'

async function signInAsOperator(page: Page) {
  await page.goto('/sign-in')
  await page.locator('input[type=email]').fill(demoAdmin.email)
  await page.locator('input[type=password]').fill('moadon-demo')
  await page.locator('button[type=submit]').click()
  await expect(page).toHaveURL(/\/admin$/)
}

test('an operator reads the reports and downloads a month’s settlement that adds up', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  const warnings: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
    if (message.type() === 'warning') warnings.push(message.text())
  })
  await signInAsOperator(page)
  // Opened by its address, a reload: the screen must wait for the operator's session to come back.
  await page.goto('/admin/reports')
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
  await expect(page.locator('[data-testid=reports-members-total], [role=alert]').first()).toBeVisible()
  const alerts = await page.getByRole('alert').allTextContents()
  // The SDK's warnings only matter to explain an alert.
  expect({ alerts, problems, warnings: alerts.length > 0 ? warnings : [] }).toEqual({ alerts: [], problems: [], warnings: [] })
  // The seeded club's reports are there from the start, charts with their tables.
  await expect(page.getByTestId('reports-members-total')).not.toHaveText('0')
  await expect(page.getByTestId('reports-points-table').locator('tbody tr').first()).toBeVisible()
  await expect(page.locator('canvas[role=img]')).toHaveCount(3)
  // The demo club's offers, each with its control group and the measure explained.
  const offers = page.getByTestId('reports-offers-table')
  await expect(offers.getByRole('rowheader', { name: /Early access to the winter sale/ })).toBeVisible()
  await expect(offers.getByRole('rowheader', { name: /Rosh Hashana week/ })).toBeVisible()
  await expect(page.getByText('Each offer holds out a random control group')).toBeVisible()
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])

  await page.getByRole('button', { name: 'Refresh now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'New ledger entries counted' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Settlement' }).click()
  const table = page.getByTestId('settlement-table')
  await expect(table.locator('tbody tr')).not.toHaveCount(0)
  await expect(page.getByText('Value of a point: ₪0.05')).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByTestId('settlement-download').click()
  const csv = await readFile(await (await download).path(), 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  const rows = csv.slice(1).trimEnd().split('\r\n').map((row) => row.split(','))
  expect(rows[0]).toContain('Balance (₪)')
  // The totals row is the sum of the partners' lines, in agorot.
  const agorot = (text: string) => Math.round(Number(text) * 100)
  const lines = rows.slice(1, -1)
  expect(agorot(rows.at(-1)!.at(-1)!)).toBe(lines.reduce((n, row) => n + agorot(row.at(-1)!), 0))
})

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL' })

  test('the reports read right to left on a phone', async ({ page }) => {
    await signInAsOperator(page)
    await page.goto('/admin/reports')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.getByRole('heading', { level: 1, name: 'דוחות' })).toBeVisible()
    await expect(page.getByTestId('reports-offers-table').getByRole('rowheader', { name: /שבוע ראש השנה/ })).toBeVisible()
    // Nothing is wider than the phone: wide tables scroll inside their own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.goto('/admin/settlement')
    await expect(page.getByRole('heading', { level: 1, name: 'התחשבנות עם השותפים' })).toBeVisible()
    await expect(page.getByTestId('settlement-table').locator('tfoot')).toContainText('סה״כ')
  })
})
