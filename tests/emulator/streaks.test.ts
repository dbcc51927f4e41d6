import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordPurchaseInput } from '../../src/domain/contracts/callable-schemas'
import type { DeclareReserveDutyResult, RevokeReserveDutyResult } from '../../src/domain/earn/reserve-duty'
import { addDays, addMonths, localDate } from '../../src/domain/shared/calendar'
import { daysFrom } from '../../src/domain/earn/reserve-duty'
import { streaksOf, streakStatus, weekOf, weeklyCalendar } from '../../src/domain/earn/streaks'
import { LEDGER_IDS, paths } from '../../src/domain/shared/paths'
import type { PurchaseResult } from '../../functions/src/purchases/record'
import type { MaintenanceStats } from '../../functions/src/maintenance/run'
import { recordStreakVisit } from '../../functions/src/earn/streaks'
import { expireDueLots, reviewMemberTier } from '../../functions/src/maintenance/maintain-member'
import { demoConfig } from '../../scripts/demo-club'
import { checkInvariants } from '../../scripts/invariants'
import { seedClubData, seedDemoClub } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, memberSince, requestId, scanned, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'
import { SCREEN_PARTNER, screenCode, visit } from './support/visits'

const DAY = 86_400_000
let market: Client
let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[market, operator] = await Promise.all([roleClient({ role: 'staff', partnerId: 'super-hashchuna' }), roleClient({ role: 'admin' })])
})

afterAll(async () => {
  await closeAdmin()
})

const today = () => localDate(new Date(), demoConfig.timeZone)
const purchase = (input: RecordPurchaseInput) => market.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)
const declare = (member: Client, from: string, until: string, id = requestId()) =>
  member.call<object, DeclareReserveDutyResult>('declareReserveDuty', { from, until, requestId: id })
const revoke = (caller: Client, uid: string, declarationId: string, note = 'No call-up order on file') =>
  caller.call<object, RevokeReserveDutyResult>('revokeReserveDuty', { uid, declarationId, note })
const declarations = async (uid: string) => (await admin().db.collection(paths.reserveDuties(uid)).get()).docs

async function expectInvariants(uids: string[]) {
  expect(await checkInvariants(admin().db, demoConfig, uids)).toEqual([])
}

describe('the weekly streak', () => {
  it('grows by a week for each week with a verified visit; a second visit that week adds nothing', async () => {
    const member = await joinedMember()
    const screen = await screenCode(SCREEN_PARTNER)
    await visit(member, { code: screen })
    let streak = (await memberDoc(member.uid)).streak
    expect(streak.weekly).toMatchObject({ count: 1, best: 1, last: weekOf(today()), freezes: 0 })
    await purchase(await scanned(member, 30))
    streak = (await memberDoc(member.uid)).streak
    expect(streak.weekly.count).toBe(1)
  })

  it('counts one week and pays the 4-week milestone once under 20 parallel duplicate purchases', async () => {
    const member = await memberSince(30)
    // Three earlier weeks, through the same server code the callables run after a visit.
    for (const weeksAgo of [3, 2, 1]) await recordStreakVisit(admin().db, member.uid, demoConfig, new Date(Date.now() - weeksAgo * 7 * DAY))
    expect((await memberDoc(member.uid)).streak.weekly.count).toBe(3)
    const balanceBefore = (await memberDoc(member.uid)).balance

    const input = await scanned(member, 40)
    const results = await Promise.all(Array.from({ length: 20 }, () => purchase(input)))
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)

    const doc = await memberDoc(member.uid)
    expect(doc.streak.weekly).toMatchObject({ count: 4, best: 4, last: weekOf(today()), freezes: 1 })
    const milestones = (await ledgerDocs(member.uid)).filter((e) => e.reason === 'week_streak')
    expect(milestones).toHaveLength(1)
    expect(milestones[0]).toMatchObject({ id: LEDGER_IDS.weekStreak(doc.streak.weekly.start, 4), points: 50, source: 'streak', ref: '4' })
    expect(doc.balance).toBe(balanceBefore + 40 + 50)
    expect((await admin().db.doc(paths.badge(member.uid, 'week-streak')).get()).exists).toBe(true)

    // The same week again, in parallel: nothing moves.
    await Promise.all(Array.from({ length: 20 }, () => recordStreakVisit(admin().db, member.uid, demoConfig, new Date())))
    expect((await memberDoc(member.uid)).streak.weekly.count).toBe(4)
    expect((await ledgerDocs(member.uid)).filter((e) => e.reason === 'week_streak')).toHaveLength(1)
    await expectInvariants([member.uid])
  }, 120_000)

  it('uses a freeze for a missed week, and breaks when none is left', async () => {
    const member = await memberSince(70)
    const at = (weeksAgo: number) => new Date(Date.now() - weeksAgo * 7 * DAY)
    for (const weeksAgo of [8, 7, 6, 5]) await recordStreakVisit(admin().db, member.uid, demoConfig, at(weeksAgo))
    expect((await memberDoc(member.uid)).streak.weekly).toMatchObject({ count: 4, freezes: 1 })
    // Four weeks ago missed: the freeze covers it.
    await recordStreakVisit(admin().db, member.uid, demoConfig, at(3))
    expect((await memberDoc(member.uid)).streak.weekly).toMatchObject({ count: 5, freezes: 0 })
    // Two weeks ago missed with no freeze: a new streak.
    await recordStreakVisit(admin().db, member.uid, demoConfig, at(1))
    expect((await memberDoc(member.uid)).streak.weekly).toMatchObject({ count: 1, best: 5, freezes: 0 })
    await expectInvariants([member.uid])
  })

  it('is kept through declared reserve duty', async () => {
    const member = await memberSince(60)
    const at = (weeksAgo: number) => new Date(Date.now() - weeksAgo * 7 * DAY)
    await recordStreakVisit(admin().db, member.uid, demoConfig, at(4))
    await recordStreakVisit(admin().db, member.uid, demoConfig, at(3))
    // On duty from two weeks ago to now: the weeks between neither count nor break the streak.
    await declare(member, addDays(today(), -20), addDays(today(), 1))
    // A visit during the duty does not count …
    await recordStreakVisit(admin().db, member.uid, demoConfig, new Date())
    expect((await memberDoc(member.uid)).streak.weekly).toMatchObject({ count: 2, freezes: 0 })
    // … and the first visit after it carries the streak on, with no freeze to spend.
    await recordStreakVisit(admin().db, member.uid, demoConfig, new Date(Date.now() + 8 * DAY))
    expect((await memberDoc(member.uid)).streak.weekly).toMatchObject({ count: 3, best: 3, freezes: 0 })
  })
})

describe('declareReserveDuty', () => {
  it('records the declaration and the summary; a retry declares once', async () => {
    const member = await joinedMember()
    const id = requestId()
    const from = today()
    const until = addDays(from, 29)
    const first = await declare(member, from, until, id)
    expect(first).toMatchObject({ from, until, replayed: false })
    const again = await declare(member, from, until, id)
    expect(again).toEqual({ ...first, replayed: true })
    const docs = await declarations(member.uid)
    expect(docs).toHaveLength(1)
    expect(docs[0]!.data()).toMatchObject({ from, until, declaredOn: today(), revokedOn: null })
    const doc = await memberDoc(member.uid)
    expect(doc.reserveDuty).toEqual({
      active: { id: first.id, from, until },
      pauses: [{ from, until, declaredOn: today() }],
      declaredFroms: [from],
    })
  })

  it('refuses dates outside the rules, each by its reason, and changes nothing', async () => {
    const member = await joinedMember()
    const before = await memberDoc(member.uid)
    const t = today()
    const cases: [string, string, { code: string; reason?: string }][] = [
      [addDays(t, 3), addDays(t, 2), { code: 'invalid-argument', reason: 'duty-dates-order' }],
      [addDays(t, 8), addDays(t, 20), { code: 'invalid-argument', reason: 'duty-too-far-ahead' }],
      [addDays(t, -31), addDays(t, 5), { code: 'invalid-argument', reason: 'duty-too-far-back' }],
      [t, addDays(t, 180), { code: 'invalid-argument', reason: 'duty-too-long' }],
      ['2026-02-30', '2026-03-05', { code: 'invalid-argument' }],
    ]
    for (const [from, until, expected] of cases) expect(await failure(declare(member, from, until))).toEqual(expected)
    expect(await declarations(member.uid)).toHaveLength(0)
    const after = await memberDoc(member.uid)
    expect(after.reserveDuty).toBeUndefined()
    expect(after.updatedAt.isEqual(before.updatedAt)).toBe(true)
  })

  it('refuses an overlap and a fourth declaration in 12 months', async () => {
    const member = await joinedMember()
    const t = today()
    await declare(member, addDays(t, -30), addDays(t, -26))
    expect(await failure(declare(member, addDays(t, -27), addDays(t, -20)))).toEqual({ code: 'failed-precondition', reason: 'duty-overlaps' })
    await declare(member, addDays(t, -20), addDays(t, -16))
    await declare(member, addDays(t, -10), addDays(t, -6))
    const before = await memberDoc(member.uid)
    expect(await failure(declare(member, t, addDays(t, 3)))).toEqual({ code: 'resource-exhausted', reason: 'duty-too-many' })
    expect(await declarations(member.uid)).toHaveLength(3)
    expect((await memberDoc(member.uid)).reserveDuty).toEqual(before.reserveDuty)
  })

  it('needs a signed-in member', async () => {
    const anonymous = await newClient({ signUp: false })
    expect((await failure(anonymous.call('declareReserveDuty', { from: today(), until: today(), requestId: requestId() }))).code).toBe('unauthenticated')
  })
})

describe('revokeReserveDuty', () => {
  it('is for operators only, and then pauses nothing from today, with who, when and why kept', async () => {
    const member = await joinedMember()
    const from = addDays(today(), -5)
    const declared = await declare(member, from, addDays(today(), 20))
    expect((await failure(revoke(member, member.uid, declared.id))).code).toBe('permission-denied')
    expect((await failure(revoke(market, member.uid, declared.id))).code).toBe('permission-denied')
    expect((await declarations(member.uid))[0]!.get('revokedOn')).toBeNull()

    const revoked = await revoke(operator, member.uid, declared.id, 'Asked for the call-up order, none came')
    expect(revoked).toEqual({ id: declared.id, revokedOn: today(), alreadyRevoked: false })
    const doc = (await declarations(member.uid))[0]!
    expect(doc.data()).toMatchObject({ revokedOn: today(), revokedBy: operator.uid, revokeNote: 'Asked for the call-up order, none came' })
    expect(doc.get('revokedAt')).toBeDefined()
    const summary = (await memberDoc(member.uid)).reserveDuty
    expect(summary.active).toBeNull()
    expect(summary.pauses).toEqual([{ from, until: addDays(today(), -1), declaredOn: today() }])

    expect(await revoke(operator, member.uid, declared.id)).toEqual({ id: declared.id, revokedOn: today(), alreadyRevoked: true })
    expect(await failure(revoke(operator, member.uid, 'duty~nothing'))).toEqual({ code: 'not-found', reason: undefined })
    expect(await failure(revoke(operator, member.uid, declared.id, ''))).toMatchObject({ code: 'invalid-argument' })
  })
})

describe('points expiry and the tier year during reserve duty', () => {
  /** A member whose welcome lot was earned a year ago this month: it expires at the end of this month. */
  async function lotEndingThisMonth() {
    const member = await memberSince(daysFrom(addMonths(today(), -12), today()))
    const doc = await memberDoc(member.uid)
    const [expiresOn] = Object.keys(doc.expiryBuckets)
    expect(expiresOn! >= today()).toBe(true)
    return { member, expiresOn: expiresOn!, tierYearEnds: String(doc.tierYearEnds) }
  }

  it('keeps the points through the duty, and expires them the day after the extended date', async () => {
    const { member, expiresOn } = await lotEndingThisMonth()
    await declare(member, today(), addDays(today(), 9))
    const extended = addDays(expiresOn, 10)
    const doc = await memberDoc(member.uid)
    expect(doc.nextExpiryOn).toBe(extended)
    expect(doc.nextExpiry).toEqual({ expiresOn: extended, points: 50 })
    expect(doc.expiryBuckets).toEqual({ [expiresOn]: 50 })

    const dayAfterOwnDate = new Date(Date.parse(`${addDays(expiresOn, 1)}T12:00:00Z`))
    expect(await expireDueLots(admin().db, member.uid, demoConfig, dayAfterOwnDate)).toBe(0)
    await operator.call<object, MaintenanceStats>('runMaintenance', { asOf: dayAfterOwnDate.toISOString() })
    expect((await memberDoc(member.uid)).balance).toBe(50)
    expect((await ledgerDocs(member.uid)).filter((e) => e.type === 'expire')).toHaveLength(0)

    await operator.call<object, MaintenanceStats>('runMaintenance', { asOf: new Date(Date.parse(`${addDays(extended, 1)}T12:00:00Z`)).toISOString() })
    expect((await memberDoc(member.uid)).balance).toBe(0)
    const expired = (await ledgerDocs(member.uid)).filter((e) => e.type === 'expire')
    expect(expired).toHaveLength(1)
    // The entry names the lot's own date: the lots and the ledger were never rewritten.
    expect(expired[0]).toMatchObject({ id: LEDGER_IDS.expiry(expiresOn), points: -50 })
    await expectInvariants([member.uid])
  }, 60_000)

  it('moves the tier review by the duty', async () => {
    const { member: onDuty, tierYearEnds } = await lotEndingThisMonth()
    const { member: home } = await lotEndingThisMonth()
    await declare(onDuty, today(), addDays(today(), 9))
    const after = new Date(Date.parse(`${addDays(tierYearEnds, 3)}T12:00:00Z`))
    expect(await reviewMemberTier(admin().db, onDuty.uid, demoConfig, after)).toBeNull()
    expect(await reviewMemberTier(admin().db, home.uid, demoConfig, after)).toBe('renewed')
    const doc = await memberDoc(onDuty.uid)
    expect(doc.tierYearEnds).toBe(tierYearEnds)
    expect(doc.tierReviewOn > tierYearEnds).toBe(true)
  })
})

describe('the demo club', () => {
  it('shows Dana a live weekly streak with a freeze, from her seeded purchases', async () => {
    await seedDemoClub(admin().db, admin().auth)
    const uid = 'demo-dana'
    const doc = await memberDoc(uid)
    const weekly = streaksOf(doc.streak).weekly
    expect(weekly.count).toBeGreaterThanOrEqual(5)
    expect(weekly.freezes).toBe(1)
    expect(weekly.last).toBe(weekOf(addDays(today(), -3)))
    expect(streakStatus(weekly, today(), weeklyCalendar([]), 7).current).toBe(weekly.count)
    const milestones = (await ledgerDocs(uid)).filter((e) => e.reason === 'week_streak')
    expect(milestones.map((e) => e.ref)).toEqual(['4'])
    expect((await admin().db.doc(paths.badge(uid, 'week-streak')).get()).exists).toBe(true)
    // The milestone sits in the ledger in the order of her visits: 50 points after her fourth week in a row.
    const entries = (await ledgerDocs(uid)).sort((a, b) => a.createdAt.toMillis() - b.createdAt.toMillis())
    const at = entries.findIndex((e) => e.reason === 'week_streak')
    expect(milestones[0]).toMatchObject({ points: 50, source: 'streak' })
    expect(entries[at]!.balanceAfter).toBe(entries[at - 1]!.balanceAfter + 50)
  }, 120_000)
})
