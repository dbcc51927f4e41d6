import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { JoinClubInput, JoinClubResult } from '../../src/domain/join'
import { LEDGER_IDS, paths } from '../../src/domain/paths'
import { demoConfig } from '../../scripts/demo-club'
import { checkInvariants } from '../../scripts/invariants'
import { seedClubData } from '../../scripts/seed-club'
import { joinedMember, ledgerDocs, memberDoc, receiptId, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'

let staff: Client

beforeAll(async () => {
  await clearEmulators()
  staff = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
})

beforeEach(async () => {
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

/** A user with a chosen e-mail who joins the club, optionally with a referral code. */
async function joinAs(email: string, referralCode: string | null, name = 'Friend Person') {
  await admin().auth.createUser({ email, password: 'secret-123' })
  const client = await newClient({ signIn: { email, password: 'secret-123' } })
  const joined = await client.call<JoinClubInput, JoinClubResult>('joinClub', {
    name,
    interests: [],
    language: 'en',
    marketingConsent: false,
    referralCode,
  })
  return { ...client, uid: client.uid!, memberNo: joined.memberNo }
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const codeOf = async (uid: string) => String((await memberDoc(uid)).referralCode)

/** How the friend's referral stands once the purchase call has returned. */
async function settled(friendUid: string): Promise<string> {
  for (let i = 0; i < 60; i++) {
    const status = String((await admin().db.doc(paths.referral(friendUid)).get()).get('status'))
    if (status !== 'joined') return status
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the referral was never settled')
}

describe('attribution at join', () => {
  it('links the friend to the referrer once and gives the friend the referral gift', async () => {
    const referrer = await joinedMember('Dana Levi')
    const friend = await joinAs(`friend.${unique()}@walla.co.il`, (await codeOf(referrer.uid)).toLowerCase(), 'Yossi Cohen')
    const doc = await memberDoc(friend.uid)
    expect(doc).toMatchObject({ referredBy: referrer.uid, balance: 150 })
    expect((await ledgerDocs(friend.uid)).map((e) => e.reason).sort()).toEqual(['referral_welcome', 'welcome_gift'])
    const referral = (await admin().db.doc(paths.referral(friend.uid)).get()).data()
    expect(referral).toMatchObject({ referrerUid: referrer.uid, friendFirstName: 'Yossi', status: 'joined' })
    expect((await memberDoc(referrer.uid)).referralStats.joined).toBe(1)
    expect(await checkInvariants(admin().db, demoConfig, [friend.uid, referrer.uid])).toEqual([])
  })

  it('ignores an unknown code: the member joins without a referral', async () => {
    const friend = await joinAs(`nobody.${unique()}@walla.co.il`, 'ZZZZZZZ')
    expect(await memberDoc(friend.uid)).toMatchObject({ referredBy: null, balance: 50 })
  })

  it('refuses self-referral by the same mailbox under another spelling', async () => {
    const tag = unique()
    const referrer = await joinAs(`dana.${tag}@gmail.com`, null, 'Dana Self')
    const again = await joinAs(`dana${tag}+second@gmail.com`, await codeOf(referrer.uid))
    expect(await memberDoc(again.uid)).toMatchObject({ referredBy: null, balance: 50 })
    expect((await admin().db.doc(paths.referral(again.uid)).get()).exists).toBe(false)
  })

  it('refuses a cycle: a friend cannot be credited to the member they brought in', async () => {
    const email = `cycle.${unique()}@walla.co.il`
    const friendUser = await admin().auth.createUser({ email: `x.${email}`, password: 'secret-123' })
    const referrer = await joinedMember('Circular')
    // The referrer was (somehow) brought in by the account now trying to join with their code.
    await admin().db.doc(paths.member(referrer.uid)).update({ referredBy: friendUser.uid })
    const client = await newClient({ signIn: { email: `x.${email}`, password: 'secret-123' } })
    await client.call('joinClub', { name: 'Loop', interests: [], language: 'en', marketingConsent: false, referralCode: await codeOf(referrer.uid) })
    expect((await memberDoc(friendUser.uid)).referredBy).toBeNull()
  })
})

describe('paying the referrer', () => {
  it('pays once on the friend’s first purchase, however many purchases arrive at once', async () => {
    const referrer = await joinedMember('Dana Ladder')
    const friend = await joinAs(`buyer.${unique()}@walla.co.il`, await codeOf(referrer.uid), 'Noa Buyer')
    await Promise.all(
      Array.from({ length: 6 }, () => staff.call('recordPurchase', { memberNo: friend.memberNo, amount: 30, receiptId: receiptId() })),
    )
    expect(await settled(friend.uid)).toBe('qualified')
    const rewards = (await ledgerDocs(referrer.uid)).filter((e) => e.reason === 'referral_reward')
    expect(rewards).toHaveLength(1)
    expect(rewards[0]).toMatchObject({ id: LEDGER_IDS.referralReward(friend.uid), points: 50, ref: 'Noa' })
    const doc = await memberDoc(referrer.uid)
    expect(doc.balance).toBe(100)
    expect(doc.referralStats).toMatchObject({ joined: 1, qualified: 1, pointsEarned: 50 })
    expect(await checkInvariants(admin().db, demoConfig, [referrer.uid, friend.uid])).toEqual([])
  })

  it('grows the reward with each friend, and stops at the monthly cap', async () => {
    await admin().db.doc(paths.clubConfig()).update({ 'referrals.monthlyCap': 2 })
    const referrer = await joinedMember('Dana Cap')
    const code = await codeOf(referrer.uid)
    const friends = []
    for (let i = 0; i < 3; i++) friends.push(await joinAs(`cap${i}.${unique()}@walla.co.il`, code, `Friend${i} X`))
    const outcomes: string[] = []
    for (const friend of friends) {
      await staff.call('recordPurchase', { memberNo: friend.memberNo, amount: 20, receiptId: receiptId() })
      outcomes.push(await settled(friend.uid))
    }
    expect(outcomes).toEqual(['qualified', 'qualified', 'refused'])
    const third = (await admin().db.doc(paths.referral(friends[2]!.uid)).get()).data()
    expect(third).toMatchObject({ refusal: 'monthly-cap' })
    const rewards = (await ledgerDocs(referrer.uid)).filter((e) => e.reason === 'referral_reward').map((e) => e.points)
    expect(rewards.sort()).toEqual([50, 75])
  })

  it('lends the next tier for a month with the 5th friend: its earn rate and its rewards', async () => {
    const referrer = await joinedMember('Dana Five')
    const code = await codeOf(referrer.uid)
    for (let i = 0; i < 5; i++) {
      const friend = await joinAs(`five${i}.${unique()}@walla.co.il`, code, `Pal${i} X`)
      await staff.call('recordPurchase', { memberNo: friend.memberNo, amount: 10, receiptId: receiptId() })
    }
    const rewards = (await ledgerDocs(referrer.uid)).filter((e) => e.reason === 'referral_reward').map((e) => e.points)
    expect(rewards.sort((a, b) => a - b)).toEqual([50, 75, 75, 75, 200])
    const doc = await memberDoc(referrer.uid)
    expect(doc.tierId).toBe('silver')
    expect(doc.tierBoost.tierId).toBe('gold')
    // Gold's 1.25 at the till, and Gold's board game in the catalogue, while the boost lasts.
    const sale = await staff.call<object, { points: number }>('recordPurchase', { memberNo: referrer.memberNo, amount: 300, receiptId: receiptId() })
    expect(sale.points).toBe(375)
    await referrer.call('redeemReward', { rewardId: 'board-game', requestId: `boost-${unique()}` })
    expect(await checkInvariants(admin().db, demoConfig, [referrer.uid])).toEqual([])
  })

  it('pays nothing for a friend with a throwaway address', async () => {
    const referrer = await joinedMember('Dana Throwaway')
    const friend = await joinAs(`bot.${unique()}@yopmail.com`, await codeOf(referrer.uid))
    await staff.call('recordPurchase', { memberNo: friend.memberNo, amount: 20, receiptId: receiptId() })
    expect(await settled(friend.uid)).toBe('refused')
    expect((await memberDoc(referrer.uid)).balance).toBe(50)
  })
})
