// Household cards on the emulators: a household member's purchase at the till or survey pays the
// owner's balance (and says who earned it), a removed member earns into their own balance again, and a
// club without households refuses invites and accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collection, getDocs } from 'firebase/firestore'
import type { PurchaseResult } from '../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput } from '../../src/domain/contracts/callable-schemas'
import type { AcceptHouseholdInviteResult, CreateHouseholdInviteResult } from '../../src/domain/members/household-schema'
import { paths } from '../../src/domain/shared/paths'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, scanned, type Client } from './support/club'
import { firestoreOf } from './support/community'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'
import { begin, honest, submit } from './support/surveys'

type Member = Client & { uid: string; memberNo: string }
let dana: Member
let noa: Member
let avi: Member
let cashier: Client

const invite = (owner: Client) => owner.call<object, CreateHouseholdInviteResult>('createHouseholdInvite', { requestId: requestId() })
const accept = (member: Client, code: string) => member.call<object, AcceptHouseholdInviteResult>('acceptHouseholdInvite', { code })
const remove = (who: Client, uid: string) => who.call('removeHouseholdMember', { uid })
const purchase = async (member: Member, amount: number, receipt?: string) =>
  cashier.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', await scanned(member, amount, receipt))
const ledgerSum = async (uid: string) => (await ledgerDocs(uid)).reduce((sum, entry) => sum + Number(entry.points), 0)

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[dana, noa, avi, cashier] = await Promise.all([
    joinedMember('Dana Owner'),
    joinedMember('Noa Member'),
    joinedMember('Avi Member'),
    roleClient({ role: 'staff', partnerId: 'cafe-shachar' }),
  ])
})

afterAll(closeAdmin)

describe('household card', () => {
  it('pays a household member’s purchase into the shared balance, and shows the owner who earned it', async () => {
    expect(await accept(noa, (await invite(dana)).code)).toEqual({ ownerName: 'Dana Owner', replayed: false })
    const noaOwn = (await memberDoc(noa.uid)).balance
    const danaBefore = (await memberDoc(dana.uid)).balance

    const receipt = `HH${Date.now()}`
    const paid = await purchase(noa, 80, receipt)
    expect(paid.status).toBe('recorded')
    expect(paid.points).toBeGreaterThan(0)

    const owner = await memberDoc(dana.uid)
    expect(owner.balance).toBe(danaBefore + paid.points)
    expect(owner.balance).toBe(await ledgerSum(dana.uid))
    const entry = (await ledgerDocs(dana.uid)).find((e) => e.reason === 'purchase')
    expect(entry).toMatchObject({ earnedBy: noa.uid, points: paid.points, ref: receipt })
    // Noa's own points stay hers and apart; her card shows the shared balance.
    const member = await memberDoc(noa.uid)
    expect(member.balance).toBe(noaOwn)
    expect(member.sharedPoints).toEqual({ balance: owner.balance, tierId: owner.tierId })

    // The owner reads who is in the household and what each earned.
    const rows = (await getDocs(collection(firestoreOf(dana), paths.householdMembers(dana.uid)))).docs.map((d) => d.data())
    expect(rows).toEqual([{ uid: noa.uid, name: 'Noa Member', joinedAt: expect.any(String), earned: paid.points }])

    // The same receipt cannot pay twice, whichever card is scanned.
    expect(await failure(purchase(dana, 80, receipt))).toEqual({ code: 'failed-precondition', reason: 'receipt-conflict' })
    // Only the owner spends the shared balance.
    expect(await failure(noa.call('redeemReward', { rewardId: 'free-coffee', requestId: requestId() }))).toEqual({
      code: 'failed-precondition',
      reason: 'household-redeem-owner',
    })

    // A refund takes the points back from where they went.
    await cashier.call('reversePurchase', { receiptId: receipt, tillId: 'test-till-0001', reason: 'returned' })
    expect((await memberDoc(dana.uid)).balance).toBe(danaBefore)
    expect((await memberDoc(noa.uid)).sharedPoints.balance).toBe(danaBefore)
    expect((await memberDoc(noa.uid)).balance).toBe(noaOwn)
  })

  it('pays a household member’s survey into the shared balance too, and refuses their donation of it', async () => {
    const noaOwn = (await memberDoc(noa.uid)).balance
    const danaBefore = (await memberDoc(dana.uid)).balance
    await begin(noa, 'club-feedback')
    const answered = await submit(noa, 'club-feedback', honest)
    expect(answered).toMatchObject({ paid: true, points: 30, balance: danaBefore + 30 })
    expect((await memberDoc(dana.uid)).balance).toBe(danaBefore + 30)
    expect((await memberDoc(dana.uid)).balance).toBe(await ledgerSum(dana.uid))
    expect((await ledgerDocs(dana.uid)).find((e) => e.reason === 'survey')).toMatchObject({ earnedBy: noa.uid, points: 30, ref: 'club-feedback' })
    expect((await memberDoc(noa.uid)).balance).toBe(noaOwn)
    expect((await memberDoc(noa.uid)).sharedPoints.balance).toBe(danaBefore + 30)

    // Giving the shared points away is the owner's call, as redeeming them is.
    const donation = { charityId: 'neighbors-table', points: 10, requestId: requestId() }
    expect(await failure(noa.call('donatePoints', donation))).toEqual({ code: 'failed-precondition', reason: 'household-redeem-owner' })
    expect((await memberDoc(dana.uid)).balance).toBe(danaBefore + 30)
    expect((await memberDoc(noa.uid)).balance).toBe(noaOwn)
  })

  it('sends a removed member’s earnings to their own balance, and keeps what they earned with the owner', async () => {
    const before = await purchase(noa, 30)
    const share = { actionId: 'share-referral', requestId: requestId() }
    const shared = await noa.call<object, { points: number; replayed: boolean }>('claimAction', share)
    expect(shared).toMatchObject({ replayed: false })
    const danaBalance = (await memberDoc(dana.uid)).balance
    await remove(dana, noa.uid)
    // What was paid into the household is not paid again into her own balance once she is out.
    const ownBefore = (await memberDoc(noa.uid)).balance
    expect(await noa.call('claimAction', share)).toMatchObject({ points: shared.points, replayed: true })
    expect((await memberDoc(noa.uid)).balance).toBe(ownBefore)

    const member = await memberDoc(noa.uid)
    expect(member.household).toBeUndefined()
    expect(member.sharedPoints).toBeUndefined()
    expect((await memberDoc(dana.uid)).householdMembers).toEqual([])
    expect((await admin().db.doc(paths.householdMember(dana.uid, noa.uid)).get()).exists).toBe(false)

    const after = await purchase(noa, 30)
    expect((await memberDoc(noa.uid)).balance).toBe(member.balance + after.points)
    expect((await memberDoc(dana.uid)).balance).toBe(danaBalance)
    expect((await ledgerDocs(dana.uid)).filter((e) => e.earnedBy === noa.uid && e.points === before.points)).toHaveLength(1)

    // A member may also leave by themselves.
    await accept(avi, (await invite(dana)).code)
    await remove(avi, avi.uid)
    expect((await memberDoc(avi.uid)).household).toBeUndefined()
    expect((await memberDoc(dana.uid)).householdMembers).toEqual([])
  })

  it('takes a deleted member document off the owner’s list, so the owner’s points keep moving', async () => {
    const gone = await joinedMember('Gone Member')
    await accept(gone, (await invite(dana)).code)
    await admin().db.doc(paths.member(gone.uid)).delete()
    await expect.poll(async () => (await memberDoc(dana.uid)).householdMembers, { timeout: 15_000 }).toEqual([])
    expect((await admin().db.doc(paths.householdMember(dana.uid, gone.uid)).get()).exists).toBe(false)
    await purchase(dana, 20)
    expect((await memberDoc(dana.uid)).balance).toBe(await ledgerSum(dana.uid))
  })

  it('is refused where the club does not offer households', async () => {
    const code = (await invite(dana)).code
    const config = admin().db.doc(paths.clubConfig())
    await config.update({ 'household.enabled': false })
    try {
      expect(await failure(invite(dana))).toEqual({ code: 'failed-precondition', reason: 'household-disabled' })
      expect(await failure(accept(avi, code))).toEqual({ code: 'failed-precondition', reason: 'household-disabled' })
      expect((await memberDoc(avi.uid)).household).toBeUndefined()
      expect((await admin().db.doc(paths.householdInvite(code)).get()).get('usedBy')).toBeNull()
    } finally {
      await config.update({ 'household.enabled': true })
    }
  })
})
