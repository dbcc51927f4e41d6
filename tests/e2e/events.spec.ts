import { readFile } from 'node:fs/promises'
import { expect, test, type Browser } from '@playwright/test'
import type { ClubEvent } from '../../src/domain/community/events'
import { writeEvent } from '../../scripts/demo-events'
import { admin } from '../emulator/support/emulators'
import { createMember, signInAs } from './support/club'

/** A workshop at Café Shachar starting in half an hour: sign-ups still open, the door already open. */
async function workshop(): Promise<ClubEvent> {
  const startsAt = new Date(Date.now() + 30 * 60_000)
  const event: ClubEvent = {
    id: `e2e-latte-${Date.now().toString(36)}`,
    title: { he: 'סדנת לאטה ארט', en: 'Latte art workshop' },
    description: { he: 'לב, טוליפ ורוזטה עם הבריסטה.', en: 'A heart, a tulip and a rosetta with the barista.' },
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    place: { kind: 'partner', partnerId: 'cafe-shachar' },
    capacity: 12,
    tierIds: [],
    image: null,
    maxGuests: 3,
    points: 40,
    status: 'published',
  }
  await writeEvent(admin().db, event)
  return event
}

async function memberPage(browser: Browser, locale: string, name: string, language: 'he' | 'en') {
  const context = await browser.newContext({ locale })
  const page = await context.newPage()
  await signInAs(page, await createMember(name, { language }))
  return { page, context }
}

test('a member signs up with a guest, then checks in with the door screen’s code and gets the points (en)', async ({ browser }) => {
  const event = await workshop()
  const member = await memberPage(browser, 'en-US', 'Tal Events', 'en')
  const { page } = member
  await page.goto('/community')
  await page.getByTestId('feed-events').click()
  await expect(page).toHaveURL(/\/community\/events$/)
  const card = page.getByTestId('event-card').filter({ has: page.locator(`a[href="/community/events/${event.id}"]`) })
  await expect(card.getByTestId('event-seats')).toHaveText('12 seats left')
  await card.getByTestId('event-open').click()
  await expect(page).toHaveURL(new RegExp(`/community/events/${event.id}$`))
  await expect(page.getByRole('heading', { name: 'Latte art workshop' })).toBeVisible()
  await expect(page.getByTestId('event-hebrew-date')).toHaveText(/^Hebrew date: .+, 57\d\d$/)
  await expect(page.getByRole('link', { name: 'At Café Shachar' })).toHaveAttribute('href', '/partners/cafe-shachar')

  await page.getByTestId('event-guests').selectOption('1')
  await page.getByTestId('event-rsvp').click()
  await expect(page.getByTestId('event-status')).toHaveText('You’re going with one guest.')
  await expect(page.getByTestId('event-seats')).toHaveText('10 seats left')

  // Add to calendar: an RFC 5545 file made on the phone; share: a WhatsApp link with the page.
  const download = page.waitForEvent('download')
  await page.getByTestId('event-ics').click()
  const ics = await readFile((await (await download).path())!, 'utf8')
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/)
  expect(ics).toContain('\r\nSUMMARY:Latte art workshop\r\n')
  expect(ics).toContain(`\r\nDTSTART:${event.startsAt.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}\r\n`)
  const share = await page.getByTestId('event-share').getAttribute('href')
  expect(share).toMatch(/^https:\/\/wa\.me\/\?text=/)
  expect(decodeURIComponent(share!.split('text=')[1]!)).toContain(`/community/events/${event.id}`)

  // The store's staff open the door screen; the member's phone reads its code.
  const door = await browser.newContext({ locale: 'en-US' })
  const staff = await door.newPage()
  await staff.goto('/sign-in')
  await staff.locator('input[type=email]').fill('staff.cafe-shachar@moadon.test')
  await staff.locator('input[type=password]').fill('moadon-demo')
  await staff.locator('button[type=submit]').click()
  await expect(staff).toHaveURL(/\/staff$/)
  await staff.goto(`/community/events/${event.id}/door`)
  await expect(staff.getByRole('heading', { name: 'Door: Latte art workshop' })).toBeVisible()
  await expect(staff.getByTestId('door-qr')).toHaveAttribute('data-qr-value', new RegExp(`/check-in\\?c=E1\\.${event.id}\\.`))
  const link = await staff.getByTestId('door-qr').getAttribute('data-qr-value')

  await page.goto(new URL(link!).pathname + new URL(link!).search)
  await expect(page).toHaveURL(new RegExp(`/community/events/${event.id}\\?c=`))
  await page.getByTestId('event-arrive').click()
  await expect(page.getByTestId('event-arrival')).toHaveText('You’re in. +40 points for coming.')
  await expect(page.getByTestId('event-status')).toHaveText('You’re in. Enjoy!')
  await page.goto('/history')
  await expect(page.getByText('Came to a club event')).toBeVisible()
  await door.close()
  await member.context.close()
})

test('a member signs up and cancels in Hebrew', async ({ browser }) => {
  const event = await workshop()
  const member = await memberPage(browser, 'he-IL', 'נגה אירועים', 'he')
  const { page } = member
  await page.goto(`/community/events/${event.id}`)
  await expect(page.getByRole('heading', { name: 'סדנת לאטה ארט' })).toBeVisible()
  await expect(page.getByTestId('event-hebrew-date')).toHaveText(/^תאריך עברי: .+ תשפ״[א-ת]$/)
  await expect(page.getByTestId('event-seats')).toHaveText('נשארו 12 מקומות')
  await page.getByTestId('event-rsvp').click()
  await expect(page.getByTestId('event-status')).toHaveText('נרשמת לאירוע.')
  await expect(page.getByTestId('event-seats')).toHaveText('נשארו 11 מקומות')
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByTestId('event-cancel').click()
  await expect(page.getByTestId('event-status')).toHaveText('ההרשמה בוטלה.')
  await expect(page.getByTestId('event-seats')).toHaveText('נשארו 12 מקומות')
  await expect(page.getByTestId('event-rsvp')).toHaveText('הרשמה')
  await member.context.close()
})
