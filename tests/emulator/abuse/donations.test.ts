// donatePoints as an attacker would call it: odd amounts, someone else's request id, a charity
// that no longer takes donations. Every refusal leaves the member, the receipts and the totals as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdjustPointsInput } from '../../../src/domain/contracts/callable-schemas'
import { CharitySchema, shardOf, sumShards, type DonateResult } from '../../../src/domain/earn/charities'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from '../support/emulators'

let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

async function charity(id: string, active = true) {
  await admin().db.doc(paths.charity(id)).set(
    CharitySchema.parse({
      id,
      name: { he: 'עמותה', en: 'Charity' },
      description: { he: 'תיאור', en: 'About' },
      logo: '/charities/green-corner.svg',
      minPoints: 10,
      pointValueShekels: 0.1,
      active,
      campaigns: [],
    }),
  )
  return id
}

async function richMember(points = 500) {
  const member = await joinedMember()
  const balance = Number((await memberDoc(member.uid)).balance)
  await operator.call<AdjustPointsInput>('adjustPoints', { memberNo: member.memberNo, points: points - balance, note: 'for the test', requestId: requestId() })
  return member
}

async function state(uid: string, charityId: string) {
  const shards = await admin().db.collection(`${paths.charity(charityId)}/${COLLECTIONS.charityShards}`).get()
  const donations = await admin().db.collection(COLLECTIONS.donations).where('uid', '==', uid).get()
  return {
    member: await memberDoc(uid),
    ledger: await ledgerDocs(uid),
    donations: donations.docs.map((d) => d.data()),
    totals: sumShards(shards.docs.map((d) => shardOf(d.data()))),
  }
}

const send = (member: Client, data: unknown) => member.call<unknown, DonateResult>('donatePoints', data)

describe('amounts that are not a whole number of points', () => {
  it('refuses 1e-9, negative, fractional, zero, huge, string and missing points as invalid input', async () => {
    const charityId = await charity('abuse-amounts')
    const member = await richMember()
    const before = await state(member.uid, charityId)
    for (const points of [1e-9, -100, -1e-9, 10.5, 0, 1e12, '100', '1e2', null, [100], { points: 100 }, true]) {
      expect(await failure(send(member, { charityId, points, requestId: requestId() }))).toEqual({ code: 'invalid-argument', reason: undefined })
    }
    expect(await failure(send(member, { charityId, requestId: requestId() }))).toEqual({ code: 'invalid-argument', reason: undefined })
    // Extra fields (a forged match, a chosen receipt number) are refused, not ignored.
    expect((await failure(send(member, { charityId, points: 10, requestId: requestId(), matchedPoints: 1000 }))).code).toBe('invalid-argument')
    expect((await failure(send(member, { charityId, points: 10, requestId: requestId(), uid: 'someone-else' }))).code).toBe('invalid-argument')
    expect(await state(member.uid, charityId)).toEqual(before)
  }, 60_000)
})

describe('someone else’s request id', () => {
  it('makes a donation of the caller’s own points, and leaves the other member’s receipt alone', async () => {
    const charityId = await charity('abuse-request-id')
    const [alice, mallory] = await Promise.all([richMember(300), richMember(300)])
    const id = requestId()
    const first = await send(alice, { charityId, points: 100, requestId: id })
    // Mallory replays Alice's request id: she cannot fetch Alice's receipt or move Alice's points.
    const second = await send(mallory, { charityId, points: 50, requestId: id })
    expect(second.replayed).toBe(false)
    expect(second.receipt.receiptNo).not.toBe(first.receipt.receiptNo)
    expect(second.receipt.points).toBe(50)
    expect((await memberDoc(alice.uid)).balance).toBe(200)
    expect((await memberDoc(mallory.uid)).balance).toBe(250)
    const aliceReceipt = (await admin().db.doc(paths.donation(alice.uid, id)).get()).data()
    expect(aliceReceipt).toMatchObject({ uid: alice.uid, points: 100, receiptNo: first.receipt.receiptNo })
    expect((await state(alice.uid, charityId)).totals).toMatchObject({ donations: 2, points: 150 })
  })
})

describe('a charity that does not take donations', () => {
  it('refuses an inactive charity and an unknown or malformed id, and changes nothing', async () => {
    const charityId = await charity('abuse-inactive', false)
    const member = await richMember()
    const before = await state(member.uid, charityId)
    expect(await failure(send(member, { charityId, points: 100, requestId: requestId() }))).toEqual({ code: 'failed-precondition', reason: 'charity-inactive' })
    expect(await failure(send(member, { charityId: 'never-was', points: 100, requestId: requestId() }))).toEqual({ code: 'not-found', reason: 'unknown-charity' })
    for (const charityIdOdd of ['../members', 'a/b', '', 'X'.repeat(41)]) {
      expect((await failure(send(member, { charityId: charityIdOdd, points: 100, requestId: requestId() }))).code).toBe('invalid-argument')
    }
    expect(await state(member.uid, charityId)).toEqual(before)
  })

  it('refuses a visitor who is not signed in', async () => {
    const charityId = await charity('abuse-visitor')
    const visitor = await newClient({ signUp: false })
    expect((await failure(send(visitor, { charityId, points: 100, requestId: requestId() }))).code).toBe('unauthenticated')
  })
})
