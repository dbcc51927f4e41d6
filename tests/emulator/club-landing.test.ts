// The landing page's data, served by the clubLanding function as Hosting's /club/landing.json
// rewrite reaches it: the club's public configuration and active stores, nothing of any member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clubLandingOf } from '../../src/domain/members/club-landing'
import { paths } from '../../src/domain/shared/paths'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../../src/domain/shared/platform'
import { demoConfig, demoPartners } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { joinedMember, memberDoc } from './support/club'
import { admin, clearEmulators, closeAdmin } from './support/emulators'

const open = (init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${EMULATOR_PORTS.functions}/${DEMO_PROJECT_ID}/${FUNCTIONS_REGION}/clubLanding/club/landing.json`, init)

beforeAll(async () => {
  await clearEmulators()
})

afterAll(async () => {
  await closeAdmin()
})

describe('clubLanding', () => {
  it('has nothing to show, and lets nothing keep that, before the club is configured', async () => {
    const response = await open()
    expect(response.status).toBe(503)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('answers with the club’s name, tiers, active stores and offers, cached for five minutes, and no member’s data', async () => {
    await seedClubData(admin().db)
    const member = await joinedMember('Maya Public')
    const { referralCode, memberNo } = await memberDoc(member.uid)
    const closed = { ...demoPartners[0]!, id: 'closed-cafe', name: { he: 'קפה סגור', en: 'Closed Café' }, active: false }
    await admin().db.doc(paths.partner(closed.id)).set(closed)

    const response = await open()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const text = await response.text()
    expect(JSON.parse(text)).toEqual(clubLandingOf(demoConfig, demoPartners))
    expect(text).not.toContain('Closed Café')
    for (const secret of [member.uid, String(referralCode), String(memberNo), 'Maya', 'disposableDomains', 'location']) expect(text).not.toContain(secret)
  })

  it('only reads', async () => {
    const response = await open({ method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })
})
