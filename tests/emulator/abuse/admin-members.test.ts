// The console's member search and corrections, tried as an attacker would: a member or a cashier
// looking members up or correcting a balance, a correction without a real reason, a replayed
// request id carrying other points. Each refusal is asserted by its code and reason, and that
// nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FindMemberResult } from '../../../src/domain/admin/members'
import type { AdjustResult } from '../../../src/domain/contracts/callable-results'
import { formatMemberNumber } from '../../../src/domain/cards/member-number'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'

let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

const find = (caller: Client, query: string) => caller.call<object, FindMemberResult>('findMember', { query })
const adjust = (caller: Client, input: object) => caller.call<object, AdjustResult>('adjustPoints', input)

describe('findMember', () => {
  it('finds one member by number (as printed or typed), by email in any case, and by uid', async () => {
    const member = await joinedMember('Shira Found')
    for (const query of [member.memberNo, formatMemberNumber(member.memberNo), member.email.toUpperCase(), member.uid]) {
      const { member: found } = await find(operator, query)
      expect(found).toMatchObject({ uid: member.uid, memberNo: member.memberNo, name: 'Shira Found', balance: 50 })
    }
  })

  it('says not found for an unknown number, address or uid, and refuses what is none of them', async () => {
    const other = await joinedMember('Known Member')
    const wrongDigit = other.memberNo.slice(0, -1) + String((Number(other.memberNo.slice(-1)) + 1) % 10)
    expect(await failure(find(operator, 'nobody@example.test'))).toEqual({ code: 'not-found', reason: 'member-not-found' })
    expect(await failure(find(operator, 'no-such-uid-123'))).toEqual({ code: 'not-found', reason: 'member-not-found' })
    expect(await failure(find(operator, wrongDigit))).toEqual({ code: 'invalid-argument', reason: 'member-query' })
    expect(await failure(find(operator, 'a b'))).toMatchObject({ code: 'invalid-argument' })
  })

  it('refuses members and cashiers, who learn nothing about the member', async () => {
    const target = await joinedMember('Private Person')
    const nosy = await joinedMember('Nosy Member')
    const cashier = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    for (const caller of [nosy, cashier]) {
      expect((await failure(find(caller, target.memberNo))).code).toBe('permission-denied')
      expect((await failure(find(caller, target.email))).code).toBe('permission-denied')
    }
  })
})

describe('adjustPoints from the console', () => {
  it('refuses a member or a cashier correcting a balance, and changes nothing', async () => {
    const target = await joinedMember('Target Member')
    const cashier = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    for (const caller of [target, cashier]) {
      const result = await failure(adjust(caller, { memberNo: target.memberNo, points: 500, note: 'I deserve it', requestId: requestId() }))
      expect(result.code).toBe('permission-denied')
    }
    expect((await memberDoc(target.uid)).balance).toBe(50)
    expect(await ledgerDocs(target.uid)).toHaveLength(1)
  })

  it('needs a real reason: none, blank or two letters is refused and nothing is written', async () => {
    const target = await joinedMember('Needs Reason')
    for (const note of [undefined, '   ', 'ok']) {
      const input = { memberNo: target.memberNo, points: 40, requestId: requestId(), ...(note === undefined ? {} : { note }) }
      expect((await failure(adjust(operator, input))).code).toBe('invalid-argument')
    }
    expect((await memberDoc(target.uid)).balance).toBe(50)
    expect(await ledgerDocs(target.uid)).toHaveLength(1)
  })

  it('pays a retried request once, and refuses the same request id carrying other points', async () => {
    const target = await joinedMember('Retried Correction')
    const id = requestId()
    const first = await adjust(operator, { memberNo: target.memberNo, points: 30, note: 'Missing visit points', requestId: id })
    const again = await adjust(operator, { memberNo: target.memberNo, points: 30, note: 'Missing visit points', requestId: id })
    expect(first).toEqual({ balance: 80, replayed: false })
    expect(again).toEqual({ balance: 80, replayed: true })
    expect(await failure(adjust(operator, { memberNo: target.memberNo, points: 3000, note: 'Missing visit points', requestId: id }))).toEqual({
      code: 'failed-precondition',
      reason: 'request-conflict',
    })
    expect((await memberDoc(target.uid)).balance).toBe(80)
    const entries = await ledgerDocs(target.uid)
    expect(entries).toHaveLength(2)
    expect(entries.find((e) => e.type === 'adjust')).toMatchObject({ points: 30, note: 'Missing visit points', reason: 'admin_adjustment' })
  })
})
