// The shared badge page, served by the badgeLanding function as Hosting's /b/** rewrite reaches it:
// a badge the member really earned (through a purchase) gets its own preview; anything else the
// club's generic page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PurchaseResult } from '../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput } from '../../src/domain/contracts/callable-schemas'
import { paths } from '../../src/domain/shared/paths'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../../src/domain/shared/platform'
import { seedClubData } from '../../scripts/seed-club'
import { joinedMember, memberDoc, scanned } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'

const open = (path: string, language = 'en-US') =>
  fetch(`http://127.0.0.1:${EMULATOR_PORTS.functions}/${DEMO_PROJECT_ID}/${FUNCTIONS_REGION}/badgeLanding${path}`, {
    headers: { 'accept-language': language, 'user-agent': 'WhatsApp/2.23' },
  })
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1]
const image = (html: string) => /<meta property="og:image" content="([^"]*)">/.exec(html)?.[1]

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

describe('badgeLanding', () => {
  it('shows a badge the member earned, by their invitation code, and the generic page for one they did not', async () => {
    const market = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
    const member = await joinedMember('Maya Shapira')
    await market.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', await scanned(member, 30))
    expect((await admin().db.doc(paths.badge(member.uid, 'first-purchase')).get()).exists).toBe(true)
    const code = String((await memberDoc(member.uid)).referralCode)

    const earned = await open(`/b/${code}/first-purchase`)
    expect(earned.status).toBe(200)
    expect(earned.headers.get('content-type')).toContain('text/html')
    const html = await earned.text()
    expect(title(html)).toBe('Maya earned “First purchase” at Neighborhood Club')
    expect(image(html)).toMatch(/\/badges\/og\/first-purchase\.png$/)
    expect(html).toContain(`/sign-up?ref=${code}&amp;from=Maya`)
    expect(html).not.toContain(member.uid)
    expect(html).not.toContain('Shapira')
    expect(title(await (await open(`/b/${code}/first-purchase`, 'he-IL')).text())).toBe('ל־Maya יש תג חדש במועדון השכונה: קנייה ראשונה')

    const generic = await (await open('/b/ZZZZZZZ/first-purchase')).text()
    expect(title(generic)).toBe('Join Neighborhood Club')
    expect(await (await open(`/b/${code}/five-partners`)).text()).toBe(generic)
    expect(await (await open(`/b/${code}/%3Cscript%3E`)).text()).toBe(generic)
  })
})
