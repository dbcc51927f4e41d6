// Eco actions, tried as a dishonest cashier or member would: farming points for friends, paying
// themselves or their linked account, typing a number instead of scanning, inventing points, old
// card codes, reusing a request for another action. Each refusal by its code and reason, and
// nothing changed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { paths } from '../../../src/domain/shared/paths'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, memberDoc, requestId, TEST_TILL, type Client } from '../support/club'
import { cardReady, confirmEco, ecoInput, ecoMember, ecoPolicy, ecoSnapshot, liveToken } from '../support/eco'
import { admin, clearEmulators, closeAdmin, makeStaff, newClient, roleClient } from '../support/emulators'

let market: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  market = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
})

afterAll(async () => {
  await closeAdmin()
})

beforeEach(() => ecoPolicy())

async function staffAccount(email: string, link: { memberUid?: string } = {}) {
  const user = await admin().auth.createUser({ email, password: 'secret-123' })
  await makeStaff(user.uid, 'super-hashchuna', { email, ...link })
  return { ...(await newClient({ signIn: { email, password: 'secret-123' } })), uid: user.uid }
}

describe('a cashier farming eco points', () => {
  it('stops a staff account at its daily cap across different members; another account has its own', async () => {
    await ecoPolicy({ staffDailyCap: 2 })
    const farmer = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
    const [a, b, c] = await Promise.all([ecoMember('Friend A'), ecoMember('Friend B'), ecoMember('Friend C')])
    await confirmEco(farmer, await ecoInput(a, 'eco-cup'))
    await confirmEco(farmer, await ecoInput(b, 'eco-cup'))
    const before = await ecoSnapshot(c.uid, farmer.uid!)
    expect(await failure(confirmEco(farmer, await ecoInput(c, 'eco-cup')))).toEqual({ code: 'resource-exhausted', reason: 'eco-staff-daily' })
    expect(await ecoSnapshot(c.uid, farmer.uid!)).toEqual(before)
    expect((await confirmEco(market, await ecoInput(c, 'eco-cup'))).points).toBe(5)
  })

  it('refuses the member account linked to the staff account, and one with the same mailbox', async () => {
    const linked = await ecoMember('Linked Friend')
    const staff = await staffAccount(`eco.linked.${Date.now()}@example.test`, { memberUid: linked.uid })
    const before = await ecoSnapshot(linked.uid, staff.uid)
    expect(await failure(confirmEco(staff, await ecoInput(linked, 'eco-cup')))).toEqual({ code: 'permission-denied', reason: 'staff-self-purchase' })
    expect(await ecoSnapshot(linked.uid, staff.uid)).toEqual(before)

    const stamp = Date.now()
    const cashier = await staffAccount(`dana.eco${stamp}@gmail.com`)
    const second = await admin().auth.createUser({ email: `Dana.Eco${stamp}+club@gmail.com`, password: 'secret-123' })
    const client = await newClient({ signIn: { email: second.email!, password: 'secret-123' } })
    const joined = await client.call<object, { memberNo: string }>('joinClub', { name: 'Dana Again', interests: ['coffee'], language: 'en', marketingConsent: false })
    const own = await cardReady({ ...client, uid: second.uid, memberNo: joined.memberNo })
    expect(await failure(confirmEco(cashier, await ecoInput(own, 'eco-cup')))).toEqual({ code: 'permission-denied', reason: 'staff-self-purchase' })
    expect((await memberDoc(own.uid)).balance).toBe(50)
  })

  it('refuses invented points, a uid, a typed member number and a hostile action id as invalid input', async () => {
    const member = await ecoMember()
    const before = await ecoSnapshot(member.uid, market.uid!)
    const token = await liveToken(member)
    const base = { token, actionId: 'eco-cup', requestId: requestId(), tillId: TEST_TILL }
    for (const input of [
      { ...base, points: 5000 },
      { ...base, uid: member.uid },
      { memberNo: member.memberNo, actionId: 'eco-cup', requestId: requestId(), tillId: TEST_TILL },
      { ...base, actionId: '../../members/x' },
      { ...base, requestId: 'a/b' },
      { ...base, tillId: undefined },
    ]) {
      expect((await failure(market.call('confirmEcoAction', input))).code).toBe('invalid-argument')
    }
    expect(await ecoSnapshot(member.uid, market.uid!)).toEqual(before)
    // The code was never used by the refusals: the honest confirmation still pays.
    expect((await confirmEco(market, base)).points).toBe(5)
  })

  it('refuses a screenshot of an old card code and a forged one', async () => {
    const member = await ecoMember()
    const before = await ecoSnapshot(member.uid, market.uid!)
    const stale = await liveToken(member, -10 * 60_000)
    expect(await failure(confirmEco(market, { token: stale, actionId: 'eco-cup', requestId: requestId(), tillId: TEST_TILL }))).toEqual({
      code: 'failed-precondition',
      reason: 'token-expired',
    })
    const live = await liveToken(member)
    const forged = `${live.slice(0, -4)}${live.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`
    expect(await failure(confirmEco(market, { token: forged, actionId: 'eco-cup', requestId: requestId(), tillId: TEST_TILL }))).toEqual({
      code: 'failed-precondition',
      reason: 'token-bad-signature',
    })
    expect(await ecoSnapshot(member.uid, market.uid!)).toEqual(before)
  })

  it('does not let a request confirmed for one action pay for another', async () => {
    const member = await ecoMember()
    const first = await ecoInput(member, 'eco-cup')
    await confirmEco(market, first)
    const before = await ecoSnapshot(member.uid, market.uid!)
    expect(await failure(confirmEco(market, { ...(await ecoInput(member, 'eco-packaging')), requestId: first.requestId }))).toEqual({
      code: 'failed-precondition',
      reason: 'eco-request-conflict',
    })
    expect(await ecoSnapshot(member.uid, market.uid!)).toEqual(before)
  })
})

describe('a member confirming their own eco action', () => {
  it('is refused: only staff confirm, whatever claims the member invents in the input', async () => {
    const member = await ecoMember()
    const before = await ecoSnapshot(member.uid, member.uid)
    const input = { ...(await ecoInput(member, 'eco-cup')) }
    expect((await failure(member.call('confirmEcoAction', input))).code).toBe('permission-denied')
    expect((await failure(member.call('confirmEcoAction', { ...input, role: 'staff', partnerId: 'super-hashchuna' }))).code).toBe('permission-denied')
    expect(await ecoSnapshot(member.uid, member.uid)).toEqual(before)
    expect((await admin().db.doc(paths.member(member.uid)).get()).get('balance')).toBe(50)
  })
})
