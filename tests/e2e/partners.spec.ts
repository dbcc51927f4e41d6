import { expect, test, type Browser } from '@playwright/test'
import { demoPartners } from '../../scripts/demo-club'
import { createMember, fakeCameraShowing, memberByEmail, posterCode, signInAs } from './support/club'

async function staffPage(browser: Browser, cameraShows?: () => Promise<string>) {
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  if (cameraShows) await fakeCameraShowing(page, await cameraShows())
  await page.goto('/sign-in')
  await page.locator('input[type=email]').fill('staff.cafe-shachar@moadon.test')
  await page.locator('input[type=password]').fill('moadon-demo')
  await page.locator('button[type=submit]').click()
  await expect(page).toHaveURL(/\/staff$/)
  await expect(page.getByRole('heading', { name: 'Till · Café Shachar' })).toBeVisible()
  return { page, context }
}

test('staff scan the member’s live card with the camera and the card shows the points arrive', async ({ page, browser }) => {
  const account = await createMember('Noga Scan')
  await signInAs(page, account)
  const qr = page.getByTestId('wallet-card').locator('[data-qr-value]')
  await expect(qr).toHaveAttribute('data-qr-value', /^V1\./)
  const token = await qr.getAttribute('data-qr-value')

  const till = await staffPage(browser, async () => token!)
  // The card is read at the till: the member number is in the code, no lookup goes to the club.
  const lookups: string[] = []
  till.page.on('request', (request) => {
    if (request.url().includes('/lookupMember')) lookups.push(request.url())
  })
  await till.page.getByRole('button', { name: 'Scan with the camera' }).click()
  const customer = till.page.getByTestId('staff-customer')
  await expect(customer).toContainText('Card scanned')
  await expect(customer).toContainText(/\d{4} \d{4}/)
  await till.page.getByLabel('Amount (₪)').fill('42.50')
  await till.page.getByLabel('Receipt number').fill(`R-${Date.now()}`)
  await till.page.getByRole('button', { name: 'Record purchase' }).click()
  await expect(till.page.getByTestId('staff-done')).toHaveText('Recorded for Noga S., Silver: \u2066+85\u2069 points.')
  expect(lookups).toEqual([])

  // The member's open card updates by itself, with a short confirmation.
  await expect(page.getByTestId('wallet-balance')).toHaveText('135')
  await expect(page.getByTestId('wallet-toast')).toContainText('\u2066+85\u2069 points!')

  // The same code shown again is refused, in plain words.
  await till.page.getByRole('button', { name: 'Scan with the camera' }).click()
  await expect(till.page.getByTestId('staff-customer')).toContainText('Card scanned')
  await till.page.getByLabel('Amount (₪)').fill('10')
  await till.page.getByRole('button', { name: 'Record purchase' }).click()
  await expect(till.page.getByRole('alert')).toHaveText('This card code was already scanned. Ask the customer to show the card in the app again.')
  await till.context.close()
})

test('staff type the member number when the camera cannot help', async ({ browser }) => {
  const account = await createMember('Dror Typed')
  const member = await memberByEmail(account.email)
  const till = await staffPage(browser)
  await till.page.getByLabel('Or type the member number').fill(`${member.memberNo.slice(0, 4)} ${member.memberNo.slice(4)}`)
  // A typed number needs a reason (the purchase is flagged); the club confirms who it is first.
  await till.page.getByRole('button', { name: 'Find customer' }).click()
  await expect(till.page.getByRole('alert')).toHaveText('Choose why the number is typed instead of scanned.')
  await till.page.getByLabel('Phone battery is dead').check()
  await till.page.getByRole('button', { name: 'Find customer' }).click()
  await expect(till.page.getByTestId('staff-customer')).toContainText('Dror T. · Silver')
  await expect(till.page.getByText('Typed number: the purchase is marked for the club’s review.')).toBeVisible()
  await till.page.getByLabel('Amount (₪)').fill('20')
  await till.page.getByRole('button', { name: 'Record purchase' }).click()
  await expect(till.page.getByTestId('staff-done')).toHaveText('Recorded for Dror T., Silver: \u2066+40\u2069 points.')
  expect((await memberByEmail(account.email)).balance).toBe(90)
  await till.context.close()
})

test('a member records a visit from a store’s poster, which asks for the position', async ({ page }) => {
  const account = await createMember('Shira Visit')
  const books = demoPartners.find((p) => p.id === 'carmel-books')!.location
  await page.context().grantPermissions(['geolocation'])
  await page.context().setGeolocation({ latitude: books.lat, longitude: books.lng, accuracy: 20 })
  await signInAs(page, account)
  const code = await posterCode('carmel-books')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stores' }).click()
  await page.locator('.partners-view__scan').click()
  await expect(page).toHaveURL(/\/check-in$/)
  await fakeCameraShowing(page, `http://localhost:4173/check-in?c=${encodeURIComponent(code)}`)
  await page.reload()
  await page.getByRole('button', { name: 'Scan with the camera' }).click()
  // A poster is only a picture: the app says why it needs the position before asking for it.
  await expect(page.getByTestId('check-in-location')).toContainText('needs your location')
  await page.getByRole('button', { name: 'Share location and record visit' }).click()
  await expect(page.getByTestId('check-in-result')).toHaveText('Visit to Carmel Books recorded: +5 points.')
  await expect(page.getByText('Visit bonus: you visited one of 5 stores this month.')).toBeVisible()

  // The poster's link, opened by the phone's camera app, lands on the same visit.
  await page.goto(`/check-in?c=${encodeURIComponent(code)}`)
  await page.getByRole('button', { name: 'Share location and record visit' }).click()
  await expect(page.getByTestId('check-in-result')).toHaveText('Your visit to Carmel Books was already recorded today. Come back tomorrow!')
  expect((await memberByEmail(account.email)).balance).toBe(55)

  // A photo of another store's poster, scanned from here, is refused in plain words.
  await page.goto(`/check-in?c=${encodeURIComponent(await posterCode('gan-toys'))}`)
  await page.getByRole('button', { name: 'Share location and record visit' }).click()
  await expect(page.getByRole('alert')).toHaveText('You seem to be far from this store. You can record the visit when you’re there.')
  expect((await memberByEmail(account.email)).balance).toBe(55)
})

test('a member records a visit from the rotating code on the store’s counter screen', async ({ page, browser }) => {
  const counter = await staffPage(browser)
  await counter.page.goto('/counter')
  await expect(counter.page.getByRole('heading', { name: 'Visit code · Café Shachar' })).toBeVisible()
  const qr = counter.page.getByTestId('counter-qr')
  await expect(qr).toHaveAttribute('data-qr-value', /\/check-in\?c=S1\./)
  const link = (await qr.getAttribute('data-qr-value'))!
  await expect(counter.page.getByText(/New code in \d+ seconds?/)).toBeVisible()

  // Reopened without a connection, the counter device still signs with the key it kept.
  await counter.page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  if (!(await counter.page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await counter.page.reload()
  await expect.poll(() => counter.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
  await counter.context.setOffline(true)
  await counter.page.reload()
  await expect(counter.page.getByTestId('counter-qr')).toHaveAttribute('data-qr-value', /\/check-in\?c=S1\.cafe-shachar\./)
  await counter.context.setOffline(false)

  const account = await createMember('Tal Counter')
  await signInAs(page, account)
  await page.goto(new URL(link).pathname + new URL(link).search)
  await expect(page.getByTestId('check-in-location')).toHaveCount(0)
  await page.getByRole('button', { name: 'Record visit' }).click()
  await expect(page.getByTestId('check-in-result')).toHaveText('Visit to Café Shachar recorded: +5 points.')
  expect((await memberByEmail(account.email)).balance).toBe(55)
  await counter.context.close()
})

test('the store directory filters by category and shows each store’s earning', async ({ page }) => {
  const account = await createMember('Eli Browse')
  await signInAs(page, account)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stores' }).click()
  // Every demo store is listed (the console's test may publish a store of its own meanwhile).
  for (const partner of demoPartners.filter((p) => p.active)) {
    await expect(page.locator('.partners-view__item', { hasText: partner.name.en })).toHaveCount(1)
  }
  await page.getByText('Pharmacy', { exact: true }).click()
  await expect(page.locator('.partners-view__item')).toHaveCount(1)
  await page.getByRole('link', { name: /Hadar Pharmacy/ }).click()
  await expect(page.getByTestId('partner-earn')).toHaveText('1 point per shekel (before your tier bonus)')
  await expect(page.getByText('Personal pharmacist advice, no waiting in line')).toBeVisible()
})

test('a till without a connection scans the card, keeps the purchase and sends it by itself when the connection is back', async ({ page, browser }) => {
  const account = await createMember('Omer Offline')
  await signInAs(page, account)
  const qr = page.getByTestId('wallet-card').locator('[data-qr-value]')
  await expect(qr).toHaveAttribute('data-qr-value', /^V1\./)
  const token = await qr.getAttribute('data-qr-value')
  const till = await staffPage(browser, async () => token!)

  // The card is read on the till (no lookup), so the connection can drop right after the scan.
  await till.page.getByRole('button', { name: 'Scan with the camera' }).click()
  await expect(till.page.getByTestId('staff-customer')).toContainText('Card scanned')
  await till.context.setOffline(true)
  await till.page.getByLabel('Amount (₪)').fill('15')
  const receipt = `OFF-${Date.now()}`
  await till.page.getByLabel('Receipt number').fill(receipt)
  await till.page.getByRole('button', { name: 'Record purchase' }).click()
  await expect(till.page.getByTestId('staff-done')).toContainText('No connection: the purchase is saved on this device')
  await expect(till.page.getByTestId(`staff-queued-${receipt}`)).toContainText('waiting for the connection')
  expect((await memberByEmail(account.email)).balance).toBe(50)

  // Back online: no tap needed, the queue sends it with the scan time, once.
  await till.context.setOffline(false)
  await expect(till.page.getByTestId(`staff-queued-${receipt}`)).toHaveCount(0)
  await expect.poll(async () => (await memberByEmail(account.email)).balance).toBe(80)
  await expect(page.getByTestId('wallet-balance')).toHaveText('80')
  await till.context.close()
})
