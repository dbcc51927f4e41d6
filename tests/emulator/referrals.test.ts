import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LEDGER_IDS, paths } from '../../src/domain/shared/paths'
import { demoConfig } from '../../scripts/demo-club'
import { checkInvariants } from '../../scripts/invariants'
import { seedClubData } from '../../scripts/seed-club'
import { joinedMember, ledgerDocs, memberDoc, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'
import { codeOf, joinAs, ledgerSum, reasons, referralOf, scannedPurchase, tillId, unique } from './support/referrals'

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

const rewardsOf = async (uid: string) => (await ledgerDocs(uid)).filter((e) => e.reason === 'referral_reward').map((e) => Number(e.points))

describe('attribution at join', () => {
  it('links the friend to the referrer once and pays nobody yet', async () => {
    const referrer = await joinedMember('Dana Levi')
    const friend = await joinAs(`friend.${unique()}@walla.co.il`, (await codeOf(referrer.uid)).toLowerCase(), { name: 'Yossi Cohen' })
    expect(await memberDoc(friend.uid)).toMatchObject({ referredBy: referrer.uid, balance: 50 })
    expect(await reasons(friend.uid)).toEqual(['welcome_gift'])
    expect(await referralOf(friend.uid)).toMatchObject({ referrerUid: referrer.uid, friendFirstName: 'Yossi', status: 'joined' })
    const referrerDoc = await memberDoc(referrer.uid)
    expect(referrerDoc.referralStats.joined).toBe(1)
    expect(referrerDoc.balance).toBe(50)
    expect(await checkInvariants(admin().db, demoConfig, [friend.uid, referrer.uid])).toEqual([])
  })

  it('ignores an unknown code: the member joins without a referral', async () => {
    const friend = await joinAs(`nobody.${unique()}@walla.co.il`, 'ZZZZZZZ')
    expect(await memberDoc(friend.uid)).toMatchObject({ referredBy: null, balance: 50 })
  })

  it('refuses self-referral by the same mailbox under another spelling', async () => {
    const tag = unique()
    const referrer = await joinAs(`dana.${tag}@gmail.com`, null, { name: 'Dana Self' })
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

describe('paying both sides at the friend’s first real purchase', () => {
  it('pays the referrer and the friend once, however many purchases arrive at once', async () => {
    const referrer = await joinedMember('Dana Ladder')
    const friend = await joinAs(`buyer.${unique()}@walla.co.il`, await codeOf(referrer.uid), { name: 'Noa Buyer' })
    const till = tillId()
    const purchases = await Promise.all(Array.from({ length: 3 }, () => scannedPurchase(staff, friend, 60, till)))
    expect(purchases.every((p) => p.points === 60)).toBe(true)
    expect((await referralOf(friend.uid)).status).toBe('qualified')

    const rewards = (await ledgerDocs(referrer.uid)).filter((e) => e.reason === 'referral_reward')
    expect(rewards).toHaveLength(1)
    expect(rewards[0]).toMatchObject({ id: LEDGER_IDS.referralReward(friend.uid), points: 50, ref: 'Noa' })
    const doc = await memberDoc(referrer.uid)
    expect(doc.balance).toBe(100)
    expect(doc.referralStats).toMatchObject({ joined: 1, qualified: 1, pointsEarned: 50 })

    const gifts = (await ledgerDocs(friend.uid)).filter((e) => e.reason === 'referral_welcome')
    expect(gifts).toHaveLength(1)
    expect(gifts[0]).toMatchObject({ id: LEDGER_IDS.referralWelcome, points: 100 })
    expect((await memberDoc(friend.uid)).balance).toBe(50 + 3 * 60 + 100)

    // Which receipt qualified, kept where only the server reads it.
    const settlement = (await admin().db.doc(paths.referralSettlement(friend.uid)).get()).data()
    expect(purchases.map((p) => p.receiptId)).toContain(settlement?.receiptId)
    expect(settlement).toMatchObject({ partnerId: 'super-hashchuna', amountShekels: 60, referrerUid: referrer.uid })
    expect(await checkInvariants(admin().db, demoConfig, [referrer.uid, friend.uid])).toEqual([])
  })

  it('grows the reward with each friend, and stops paying either side at the monthly cap', async () => {
    await admin().db.doc(paths.clubConfig()).update({ 'referrals.monthlyCap': 2 })
    const referrer = await joinedMember('Dana Cap')
    const code = await codeOf(referrer.uid)
    const till = tillId()
    const friends = []
    for (let i = 0; i < 3; i++) friends.push(await joinAs(`cap${i}.${unique()}@walla.co.il`, code, { name: `Friend${i} X` }))
    for (const friend of friends) await scannedPurchase(staff, friend, 50, till)
    expect(await Promise.all(friends.map(async (f) => (await referralOf(f.uid)).status))).toEqual(['qualified', 'qualified', 'refused'])
    expect(await referralOf(friends[2]!.uid)).toMatchObject({ refusal: 'monthly-cap' })
    expect((await rewardsOf(referrer.uid)).sort()).toEqual([50, 75])
    expect(await reasons(friends[2]!.uid)).toEqual(['purchase', 'welcome_gift'])
  })

  it('lends the next tier for a month with the 5th friend: its earn rate and its rewards', async () => {
    // Five friends in a few seconds would be held by the velocity rule; this test is about the ladder.
    await admin().db.doc(paths.clubConfig()).update({ 'referrals.velocityHold.maxFriends': 10 })
    const referrer = await joinAs(`five.${unique()}@walla.co.il`, null, { name: 'Dana Five' })
    const code = await codeOf(referrer.uid)
    const till = tillId()
    for (let i = 0; i < 5; i++) {
      const friend = await joinAs(`five${i}.${unique()}@walla.co.il`, code, { name: `Pal${i} X` })
      await scannedPurchase(staff, friend, 50, till)
    }
    expect((await rewardsOf(referrer.uid)).sort((a, b) => a - b)).toEqual([50, 75, 75, 75, 200])
    const doc = await memberDoc(referrer.uid)
    expect(doc.tierId).toBe('silver')
    expect(doc.tierBoost.tierId).toBe('gold')
    // Gold's 1.25 at the till, and Gold's board game in the catalogue, while the boost lasts.
    const sale = await scannedPurchase(staff, referrer, 300, till)
    expect(sale.points).toBe(375)
    await referrer.call('redeemReward', { rewardId: 'board-game', requestId: `boost-${unique()}` })
    expect(await checkInvariants(admin().db, demoConfig, [referrer.uid])).toEqual([])
  })

  it('pays neither side for a friend with a throwaway address', async () => {
    const referrer = await joinedMember('Dana Throwaway')
    const friend = await joinAs(`bot.${unique()}@yopmail.com`, await codeOf(referrer.uid))
    await scannedPurchase(staff, friend, 80, tillId())
    expect(await referralOf(friend.uid)).toMatchObject({ status: 'refused', refusal: 'disposable-email' })
    expect((await memberDoc(referrer.uid)).balance).toBe(50)
    expect(await reasons(friend.uid)).toEqual(['purchase', 'welcome_gift'])
    expect(await ledgerSum(friend.uid)).toBe((await memberDoc(friend.uid)).balance)
  })
})
