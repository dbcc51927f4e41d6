import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { JoinClubInput, JoinClubResult } from '@/domain/members/join'
import { parseMemberNumber } from '@/domain/cards/member-number'
import { COLLECTIONS, LEDGER_IDS, paths } from '@/domain/shared/paths'
import { seedClubData } from '../../scripts/seed-club'
import { admin, clearEmulators, closeAdmin, failureCode, newClient } from './support/emulators'

const input: JoinClubInput = {
  name: 'Noa Bar',
  birthday: '1990-05-01',
  interests: ['coffee', 'books'],
  language: 'en',
  marketingConsent: true,
}

beforeAll(async () => {
  await clearEmulators()
})

beforeEach(async () => {
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

async function ledgerOf(uid: string) {
  return (await admin().db.collection(paths.ledger(uid)).get()).docs
}

describe('joinClub', () => {
  it('creates the member with number, entry tier, referral code and the welcome gift as the first ledger entry', async () => {
    const client = await newClient()
    const result = await client.call<JoinClubInput, JoinClubResult>('joinClub', input)
    expect(result.created).toBe(true)
    expect(parseMemberNumber(result.memberNo)).toBe(result.memberNo)

    const member = (await admin().db.doc(paths.member(client.uid!)).get()).data()!
    expect(member).toMatchObject({
      uid: client.uid,
      memberNo: result.memberNo,
      name: 'Noa Bar',
      email: client.email,
      birthday: '1990-05-01',
      interests: ['coffee', 'books'],
      language: 'en',
      consents: { marketing: true },
      tierId: 'silver',
      balance: 50,
      lifetimePoints: 50,
      referredBy: null,
      activeCoupons: 0,
    })
    expect(member.referralCode).toMatch(/^[2-9A-HJKMNP-Z]{7}$/)

    const ledger = await ledgerOf(client.uid!)
    expect(ledger).toHaveLength(1)
    expect(ledger[0]!.id).toBe(LEDGER_IDS.welcomeGift)
    expect(ledger[0]!.data()).toMatchObject({ type: 'earn', points: 50, source: 'welcome', reason: 'welcome_gift', balanceAfter: 50 })

    // The number and code are reserved so nobody else can draw them.
    const numberDoc = await admin().db.doc(paths.memberNumber(result.memberNo)).get()
    expect(numberDoc.get('uid')).toBe(client.uid)
    const codeDoc = await admin().db.doc(paths.referralCode(member.referralCode)).get()
    expect(codeDoc.get('uid')).toBe(client.uid)
  })

  it('joining twice returns the same membership and pays no second gift', async () => {
    const client = await newClient()
    const first = await client.call<JoinClubInput, JoinClubResult>('joinClub', input)
    const second = await client.call<JoinClubInput, JoinClubResult>('joinClub', { ...input, name: 'Someone Else' })
    expect(second).toEqual({ memberNo: first.memberNo, created: false })
    const member = (await admin().db.doc(paths.member(client.uid!)).get()).data()!
    expect(member.name).toBe('Noa Bar')
    expect(member.balance).toBe(50)
    expect(await ledgerOf(client.uid!)).toHaveLength(1)
  })

  it('parallel calls create one member and one gift', async () => {
    const client = await newClient()
    const results = await Promise.all(
      Array.from({ length: 5 }, () => client.call<JoinClubInput, JoinClubResult>('joinClub', input)),
    )
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect(new Set(results.map((r) => r.memberNo)).size).toBe(1)
    expect(await ledgerOf(client.uid!)).toHaveLength(1)
    const numbers = await admin().db.collection(COLLECTIONS.memberNumbers).where('uid', '==', client.uid).get()
    expect(numbers.size).toBe(1)
    const member = (await admin().db.doc(paths.member(client.uid!)).get()).data()!
    expect(member.balance).toBe(50)
  })

  it('gives different members different numbers and codes', async () => {
    const members = await Promise.all([newClient(), newClient(), newClient()])
    const results = await Promise.all(members.map((m) => m.call<JoinClubInput, JoinClubResult>('joinClub', input)))
    expect(new Set(results.map((r) => r.memberNo)).size).toBe(3)
  })

  it('refuses a caller who is not signed in', async () => {
    const anonymous = await newClient({ signUp: false })
    expect(await failureCode(anonymous.call('joinClub', input))).toBe('functions/unauthenticated')
  })

  it.each([
    ['a one-letter name', { ...input, name: 'N' }],
    ['an unknown language', { ...input, language: 'fr' }],
    ['a birthday that does not exist', { ...input, birthday: '1990-02-31' }],
    ['an interest the club does not have', { ...input, interests: ['coffee', 'skydiving'] }],
    ['a balance smuggled in', { ...input, balance: 99999 }],
    ['no input at all', null],
  ])('refuses %s with invalid-argument and writes nothing', async (_label, bad) => {
    const client = await newClient()
    let message = ''
    try {
      await client.call('joinClub', bad)
    } catch (error) {
      expect((error as { code: string }).code).toBe('functions/invalid-argument')
      message = (error as Error).message
    }
    expect(message).toMatch(/Invalid input/)
    expect((await admin().db.doc(paths.member(client.uid!)).get()).exists).toBe(false)
    expect(await ledgerOf(client.uid!)).toHaveLength(0)
  })

  it('refuses to pay anything when the club has no configuration', async () => {
    await admin().db.doc(paths.clubConfig()).delete()
    const client = await newClient()
    expect(await failureCode(client.call('joinClub', input))).toBe('functions/failed-precondition')
    expect((await admin().db.doc(paths.member(client.uid!)).get()).exists).toBe(false)
  })
})
