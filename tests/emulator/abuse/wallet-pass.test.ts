// getWalletPass as a curious member or a dishonest staff member would try it: someone else's
// card, a made-up balance, a pass from a staff account. Each refusal with its code, and nothing
// changed: the pass is built from the caller's own member document only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WalletPassResult } from '../../../src/domain/members/wallet-pass'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, memberDoc, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, makeStaff, newClient } from '../support/emulators'
import { setWalletCredentials, setWalletFlags, verifiedLoyaltyObject } from '../support/wallet-pass'
import { makeTestWalletCredentials, type TestWalletCredentials } from '../../unit/support/wallet-credentials'

let test: TestWalletCredentials
let attacker: Client & { uid: string; memberNo: string }
let victim: Client & { uid: string; memberNo: string }

beforeAll(async () => {
  test = makeTestWalletCredentials()
  await clearEmulators()
  await seedClubData(admin().db)
  await setWalletFlags({ google: true, apple: true })
  await setWalletCredentials(test.credentials)
  ;[attacker, victim] = await Promise.all([joinedMember('Curious Member'), joinedMember('Victim Member')])
})

afterAll(async () => {
  test.cleanup()
  await closeAdmin()
})

describe('getWalletPass against the attacker', () => {
  it('refuses any input naming another member, a balance or a tier: invalid-argument, and gives no pass', async () => {
    const before = await memberDoc(victim.uid)
    for (const input of [
      { kind: 'google', uid: victim.uid },
      { kind: 'apple', memberNo: victim.memberNo },
      { kind: 'google', balance: 1_000_000, tierId: 'platinum' },
      { kind: 'samsung' },
      { kind: ['google'] },
      {},
    ]) {
      expect((await failure(attacker.call('getWalletPass', input))).code).toBe('invalid-argument')
    }
    expect(await memberDoc(victim.uid)).toEqual(before)
  })

  it('gives the attacker only their own card, whatever they ask for', async () => {
    const object = verifiedLoyaltyObject(await attacker.call<object, WalletPassResult>('getWalletPass', { kind: 'google' }), test.googlePublicKeyPem)
    expect(object.accountId).toBe(attacker.memberNo)
    expect(JSON.stringify(object)).not.toContain(victim.memberNo)
    expect(object.loyaltyPoints.balance.int).toBe((await memberDoc(attacker.uid)).balance)
  })

  it('refuses a member made staff: a staff account has no card to add (permission-denied members-only)', async () => {
    const turned = await joinedMember('Member Turned Staff')
    await makeStaff(turned.uid, 'cafe-shachar')
    // Signed in again, as the till would be: the session carries the staff claims.
    const atTheTill = await newClient({ signIn: { email: turned.email, password: 'secret-123' } })
    for (const kind of ['google', 'apple']) {
      expect(await failure(atTheTill.call('getWalletPass', { kind }))).toEqual({ code: 'permission-denied', reason: 'members-only' })
    }
  })
})
