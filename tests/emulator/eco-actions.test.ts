// confirmEcoAction: staff confirm an eco action (own cup, returned packaging) from the member's
// live card. Paid once whatever the retries, within the member's and the staff account's daily
// caps, never for the staff member, and a refusal changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PurchaseResult } from '../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput } from '../../src/domain/contracts/callable-schemas'
import type { JoinClubInput, JoinClubResult } from '../../src/domain/members/join'
import { paths } from '../../src/domain/shared/paths'
import { ClubConfigSchema } from '../../src/domain/shared/club-config'
import { confirmEco as payEco } from '../../functions/src/earn/eco'
import { checkInvariants } from '../../scripts/invariants'
import { demoConfig } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, ledgerDocs, memberDoc, receiptId, requestId, TEST_TILL, type Client } from './support/club'
import { cardReady, confirmEco, ecoInput, ecoMember, ecoPolicy, ecoSnapshot, liveToken } from './support/eco'
import { admin, clearEmulators, closeAdmin, makeStaff, newClient, roleClient } from './support/emulators'

let market: Client
let cafe: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[market, cafe] = await Promise.all([
    roleClient({ role: 'staff', partnerId: 'super-hashchuna' }),
    roleClient({ role: 'staff', partnerId: 'cafe-shachar' }),
  ])
})

afterAll(async () => {
  await closeAdmin()
})

beforeEach(() => ecoPolicy())

describe('confirmEcoAction', () => {
  it('pays once under 20 parallel duplicates, with the staff account and till on the ledger entry', async () => {
    const member = await ecoMember('Noa Green')
    const input = await ecoInput(member, 'eco-packaging')
    const results = await Promise.all(Array.from({ length: 20 }, () => confirmEco(market, input)))
    expect(results.every((r) => r.points === 10 && r.actionId === 'eco-packaging' && r.displayName === 'Noa G.')).toBe(true)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(results[0]).not.toHaveProperty('balance')
    const eco = (await ledgerDocs(member.uid)).filter((e) => e.source === 'eco')
    expect(eco).toHaveLength(1)
    expect(eco[0]).toMatchObject({
      type: 'earn',
      reason: 'eco_action',
      ref: 'eco-packaging',
      points: 10,
      partnerId: 'super-hashchuna',
      by: market.uid,
      tillId: TEST_TILL,
    })
    expect(await memberDoc(member.uid)).toMatchObject({ balance: 60, earnUsage: { 'eco-packaging': { dayCount: 1, total: 1 } } })
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
    // A retry after a lost answer, with the same request, gets the first answer again.
    expect(await confirmEco(market, input)).toMatchObject({ points: 10, replayed: true })
  }, 90_000)

  it('caps each action per member per day, and says which limit', async () => {
    const member = await ecoMember()
    await confirmEco(cafe, await ecoInput(member, 'eco-cup'))
    const before = await ecoSnapshot(member.uid, cafe.uid!)
    expect(await failure(confirmEco(cafe, await ecoInput(member, 'eco-cup')))).toEqual({ code: 'resource-exhausted', reason: 'eco-member-daily' })
    expect(await ecoSnapshot(member.uid, cafe.uid!)).toEqual(before)
    // Another action has its own cap; the refused card code was not used up by the refusal.
    expect((await confirmEco(market, await ecoInput(member, 'eco-packaging'))).points).toBe(10)
    expect((await memberDoc(member.uid)).balance).toBe(65)
  })

  it('reports the member’s daily limit in the refusal', async () => {
    const member = await ecoMember()
    await ecoPolicy({ actions: [{ ...demoConfig.eco.actions[0]!, perDay: 1 }] })
    await confirmEco(cafe, await ecoInput(member, 'eco-cup'))
    try {
      await confirmEco(cafe, await ecoInput(member, 'eco-cup'))
      throw new Error('expected a refusal')
    } catch (error) {
      expect(error).toMatchObject({ code: 'functions/resource-exhausted', details: { reason: 'eco-member-daily', limit: 1 } })
    }
  })

  it('refuses an action the store does not offer, and one the club does not have', async () => {
    const member = await ecoMember()
    const before = await ecoSnapshot(member.uid, cafe.uid!)
    expect(await failure(confirmEco(cafe, await ecoInput(member, 'eco-packaging')))).toEqual({
      code: 'failed-precondition',
      reason: 'eco-not-at-partner',
    })
    expect(await failure(confirmEco(cafe, await ecoInput(member, 'plant-a-tree')))).toEqual({
      code: 'invalid-argument',
      reason: 'eco-unknown-action',
    })
    expect(await ecoSnapshot(member.uid, cafe.uid!)).toEqual(before)
  })

  it('never pays the staff member’s own account', async () => {
    const email = `barista.${Date.now()}@example.test`
    const user = await admin().auth.createUser({ email, password: 'secret-123' })
    await makeStaff(user.uid, 'cafe-shachar', { email })
    const staff = await newClient({ signIn: { email, password: 'secret-123' } })
    const joined = await staff.call<JoinClubInput, JoinClubResult>('joinClub', { name: 'Barista Self', interests: ['coffee'], language: 'en', marketingConsent: false })
    const self = await cardReady({ ...staff, memberNo: joined.memberNo })
    const before = await ecoSnapshot(user.uid, user.uid)
    expect(await failure(confirmEco(staff, await ecoInput(self, 'eco-cup')))).toEqual({ code: 'permission-denied', reason: 'staff-self-purchase' })
    expect(await ecoSnapshot(user.uid, user.uid)).toEqual(before)
  })

  it('takes a card code once: not after a purchase, not for a second confirmation', async () => {
    const member = await ecoMember()
    const token = await liveToken(member)
    await market.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', { token, amount: 40, receiptId: receiptId(), tillId: TEST_TILL })
    const before = await ecoSnapshot(member.uid, market.uid!)
    expect(await failure(confirmEco(market, { token, actionId: 'eco-cup', requestId: requestId(), tillId: TEST_TILL }))).toEqual({
      code: 'failed-precondition',
      reason: 'token-reused',
    })
    expect(await ecoSnapshot(member.uid, market.uid!)).toEqual(before)

    const other = await ecoMember()
    const confirmed = await ecoInput(other, 'eco-packaging')
    await confirmEco(market, confirmed)
    const after = await ecoSnapshot(other.uid, market.uid!)
    expect(await failure(confirmEco(market, { ...confirmed, requestId: requestId() }))).toEqual({ code: 'failed-precondition', reason: 'token-reused' })
    expect(await ecoSnapshot(other.uid, market.uid!)).toEqual(after)
    expect((await admin().db.doc(paths.member(other.uid)).get()).get('balance')).toBe(60)
  })

  it('grants the eco badge with the fifth confirmed action, once', async () => {
    const member = await ecoMember('Five Times Green')
    const config = ClubConfigSchema.parse((await admin().db.doc(paths.clubConfig()).get()).data())
    const cup = { ...config.eco.actions[0]!, perDay: 10 }
    // Four cups first, through the payment code the callable uses: a card shows only three live
    // codes at a time, so these carry scan records of their own.
    for (let i = 0; i < 4; i++) {
      await payEco(admin().db, {
        uid: member.uid,
        action: cup,
        partnerId: 'cafe-shachar',
        requestId: requestId(),
        scanPath: `${paths.member(member.uid)}/testScans/${i}`,
        staff: { uid: cafe.uid!, email: null, memberUid: null, tillId: TEST_TILL },
        config,
      })
    }
    await ecoPolicy({ actions: [cup] })
    expect((await admin().db.doc(paths.badge(member.uid, 'eco-5')).get()).exists).toBe(false)
    const fifth = await ecoInput(member, 'eco-cup')
    await Promise.all(Array.from({ length: 5 }, () => confirmEco(cafe, fifth)))
    const badge = await admin().db.doc(paths.badge(member.uid, 'eco-5')).get()
    expect(badge.exists).toBe(true)
    expect((await admin().db.collection(paths.badges(member.uid)).get()).docs.map((d) => d.id)).toEqual(['eco-5'])
    expect((await memberDoc(member.uid)).balance).toBe(75)
  })
})
