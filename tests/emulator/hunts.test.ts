// Treasure hunts on the emulators: the paid-once key, order, window, wrong-answer limit and the
// leaderboard, through the real `claimClue` callable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HUNT_TRIES_PER_HOUR, type ClaimClueResult, type HuntCodeResult } from '../../src/domain/earn/hunts'
import { LEDGER_IDS, paths } from '../../src/domain/shared/paths'
import { checkInvariants } from '../../scripts/invariants'
import { demoConfig } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'
import { ANSWERS, claim, solveUpTo, testHunt } from './support/hunts'

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

const huntEntries = async (uid: string) => (await ledgerDocs(uid)).filter((e) => e.source === 'hunt')

describe('claimClue', () => {
  it('pays each clue once and the finishing bonus with the last, whatever the spelling', async () => {
    const hunt = await testHunt()
    const member = await joinedMember('Noa Barak')
    const before = (await memberDoc(member.uid)).balance as number
    const first = await claim(member, { huntId: hunt.id, clueIndex: 0, answer: 'cafe  SHACHAR!' })
    expect(first).toMatchObject({ correct: true, points: 20, finished: false, solved: 1, replayed: false, alreadySolved: false })
    const second = await claim(member, { huntId: hunt.id, clueIndex: 1, answer: 'שלומ' })
    expect(second).toMatchObject({ correct: true, points: 20, solved: 2 })
    const last = await claim(member, { huntId: hunt.id, clueIndex: 2, answer: 'mafteach 42' })
    expect(last).toMatchObject({ correct: true, points: 70, finishBonus: 50, finished: true, solved: 3, balance: before + 110 })
    expect((await memberDoc(member.uid)).balance).toBe(before + 110)
    const entries = await huntEntries(member.uid)
    expect(entries.map((e) => e.reason).sort()).toEqual(['hunt_clue', 'hunt_clue', 'hunt_clue', 'hunt_finished'])
    expect(entries.map((e) => e.id).sort()).toEqual(
      [LEDGER_IDS.huntClue(hunt.id, 0), LEDGER_IDS.huntClue(hunt.id, 1), LEDGER_IDS.huntClue(hunt.id, 2), LEDGER_IDS.huntFinished(hunt.id)].sort(),
    )
    const progress = (await admin().db.doc(paths.huntProgress(member.uid, hunt.id)).get()).data()!
    expect(progress).toMatchObject({ solved: 3, points: 110 })
    expect(progress.finishedAt).not.toBeNull()
    const finisher = (await admin().db.doc(paths.huntFinisher(hunt.id, member.uid)).get()).data()!
    expect(finisher).toMatchObject({ uid: member.uid, name: 'Noa B.' })
    expect((await admin().db.doc(paths.badge(member.uid, 'hunt-finished')).get()).exists).toBe(true)
    // Answering a solved clue again pays nothing.
    const again = await claim(member, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0] })
    expect(again).toMatchObject({ correct: true, points: 0, alreadySolved: true })
    expect((await memberDoc(member.uid)).balance).toBe(before + 110)
    expect(await checkInvariants(admin().db, demoConfig, [member.uid])).toEqual([])
  })

  it('pays a clue once under 20 parallel duplicates, with one request id or many', async () => {
    const hunt = await testHunt()
    const member = await joinedMember()
    const before = (await memberDoc(member.uid)).balance as number
    const sameId = requestId()
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => claim(member, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0], requestId: sameId })),
      ...Array.from({ length: 10 }, () => claim(member, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0] })),
    ])
    expect(results.filter((r) => r.points > 0 && !r.replayed)).toHaveLength(1)
    expect(results.every((r) => r.correct)).toBe(true)
    // The copies of one request all answer alike: the first answer, or "already solved" when a
    // request with another id paid first.
    const sameAnswers = results.slice(0, 10).map((r) => ({ points: r.points, alreadySolved: r.alreadySolved }))
    expect(new Set(sameAnswers.map((r) => JSON.stringify(r))).size).toBe(1)
    expect(results.slice(10).filter((r) => r.points > 0).length).toBeLessThanOrEqual(1)
    expect((await memberDoc(member.uid)).balance).toBe(before + 20)
    expect(await huntEntries(member.uid)).toHaveLength(1)
  }, 90_000)

  it('pays the last clue and the bonus once under 20 parallel duplicates', async () => {
    const hunt = await testHunt()
    const member = await joinedMember()
    await solveUpTo(member, hunt, 2)
    const before = (await memberDoc(member.uid)).balance as number
    const results = await Promise.all(Array.from({ length: 20 }, () => claim(member, { huntId: hunt.id, clueIndex: 2, answer: ANSWERS[2] })))
    expect(results.filter((r) => r.points > 0).map((r) => r.points)).toEqual([70])
    expect((await memberDoc(member.uid)).balance).toBe(before + 70)
    expect((await admin().db.collection(paths.huntFinishers(hunt.id)).get()).size).toBe(1)
  }, 90_000)

  it('answers a retry with the same request id as the first time, even after the clue was solved', async () => {
    const hunt = await testHunt()
    const member = await joinedMember()
    const wrongId = requestId()
    const wrong = await claim(member, { huntId: hunt.id, clueIndex: 0, answer: 'nope', requestId: wrongId })
    expect(wrong).toMatchObject({ correct: false, points: 0, triesLeft: HUNT_TRIES_PER_HOUR - 1, replayed: false })
    const retried = await claim(member, { huntId: hunt.id, clueIndex: 0, answer: 'nope', requestId: wrongId })
    expect(retried).toEqual({ ...wrong, replayed: true })
    const rightId = requestId()
    const right = await claim(member, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0], requestId: rightId })
    expect(right.points).toBe(20)
    expect(await claim(member, { huntId: hunt.id, clueIndex: 0, answer: 'changed', requestId: rightId })).toEqual({ ...right, replayed: true })
    expect(await claim(member, { huntId: hunt.id, clueIndex: 0, answer: 'nope', requestId: wrongId })).toEqual({ ...wrong, replayed: true })
    // The retry of the wrong answer was not counted again.
    const tries = (await admin().db.doc(paths.huntTries(member.uid, hunt.id, 0)).get()).get('tries') as number[]
    expect(tries).toHaveLength(1)
  })

  it('limits wrong answers to 5 per clue per hour, and then refuses even the right one', async () => {
    const hunt = await testHunt()
    const member = await joinedMember()
    for (let i = 0; i < HUNT_TRIES_PER_HOUR; i++) {
      const result = await claim(member, { huntId: hunt.id, clueIndex: 0, answer: `guess ${i}` })
      expect(result).toMatchObject({ correct: false, triesLeft: HUNT_TRIES_PER_HOUR - 1 - i })
    }
    const before = (await memberDoc(member.uid)).balance
    expect(await failure(claim(member, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0] }))).toEqual({
      code: 'resource-exhausted',
      reason: 'hunt-too-many-tries',
    })
    expect((await memberDoc(member.uid)).balance).toBe(before)
    expect(await huntEntries(member.uid)).toHaveLength(0)
  })

  it('refuses a clue out of order', async () => {
    const hunt = await testHunt()
    const member = await joinedMember()
    expect(await failure(claim(member, { huntId: hunt.id, clueIndex: 1, answer: ANSWERS[1] }))).toEqual({
      code: 'failed-precondition',
      reason: 'hunt-clue-locked',
    })
    await solveUpTo(member, hunt, 1)
    expect(await failure(claim(member, { huntId: hunt.id, clueIndex: 2, answer: ANSWERS[2] }))).toEqual({
      code: 'failed-precondition',
      reason: 'hunt-clue-locked',
    })
    expect((await huntEntries(member.uid)).map((e) => e.id)).toEqual([LEDGER_IDS.huntClue(hunt.id, 0)])
  })

  it('takes answers only within the window', async () => {
    const member = await joinedMember()
    const upcoming = await testHunt({ startsAt: Date.now() + 3600_000, endsAt: Date.now() + 7200_000 })
    expect(await failure(claim(member, { huntId: upcoming.id, clueIndex: 0, answer: ANSWERS[0] }))).toEqual({
      code: 'failed-precondition',
      reason: 'hunt-not-started',
    })
    const ended = await testHunt({ startsAt: Date.now() - 7200_000, endsAt: Date.now() - 3600_000 })
    expect(await failure(claim(member, { huntId: ended.id, clueIndex: 0, answer: ANSWERS[0] }))).toEqual({
      code: 'failed-precondition',
      reason: 'hunt-ended',
    })
    expect(await failure(claim(member, { huntId: 'no-such-hunt', clueIndex: 0, answer: 'x' }))).toEqual({ code: 'not-found', reason: 'unknown-hunt' })
    expect(await failure(claim(member, { huntId: ended.id, clueIndex: 7, answer: 'x' }))).toEqual({ code: 'not-found', reason: 'unknown-clue' })
    expect(await huntEntries(member.uid)).toHaveLength(0)
  })

  it('puts 50 members finishing at once on the leaderboard, each once, in time order', async () => {
    const hunt = await testHunt()
    const members = await Promise.all(Array.from({ length: 50 }, (_, i) => joinedMember(`Finisher Number${i}`)))
    await Promise.all(members.map((m) => solveUpTo(m, hunt, 2)))
    const results = await Promise.all(members.map((m) => claim(m, { huntId: hunt.id, clueIndex: 2, answer: ANSWERS[2] })))
    expect(results.every((r) => r.finished && r.points === 70)).toBe(true)
    const board = await admin().db.collection(paths.huntFinishers(hunt.id)).orderBy('finishedAt').get()
    expect(board.size).toBe(50)
    expect(new Set(board.docs.map((d) => d.id))).toEqual(new Set(members.map((m) => m.uid)))
    expect(board.docs.every((d) => d.get('name') === 'Finisher N.')).toBe(true)
    for (const m of members) {
      const progress = (await admin().db.doc(paths.huntProgress(m.uid, hunt.id)).get()).data()!
      const line = board.docs.find((d) => d.id === m.uid)!
      expect(line.get('finishedAt').toMillis()).toBe(progress.finishedAt.toMillis())
    }
  }, 120_000)
})

describe('getHuntCode', () => {
  it("gives a daily clue's code to its partner's staff only, and the code solves the clue", async () => {
    const hunt = await testHunt()
    const { writeHunt } = await import('../../functions/src/hunts/hunt-store')
    const daily = { ...hunt, id: `${hunt.id}-d`, clues: [{ ...hunt.clues[0]!, answer: 'daily' as const }, ...hunt.clues.slice(1)] }
    await writeHunt(admin().db, daily, { 1: ANSWERS[1], 2: ANSWERS[2] })
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    const code = await staff.call<object, HuntCodeResult>('getHuntCode', { huntId: daily.id, clueIndex: 0 })
    expect(code.code).toMatch(/^[A-Z2-7]{6}$/)
    const other = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
    expect(await failure(other.call('getHuntCode', { huntId: daily.id, clueIndex: 0 }))).toEqual({ code: 'permission-denied', reason: undefined })
    expect(await failure(staff.call('getHuntCode', { huntId: hunt.id, clueIndex: 0 }))).toEqual({ code: 'failed-precondition', reason: 'hunt-code-printed' })
    const member = await joinedMember()
    expect(await failure(member.call('getHuntCode', { huntId: daily.id, clueIndex: 0 }))).toEqual({ code: 'permission-denied', reason: undefined })
    const solved = await claim(member, { huntId: daily.id, clueIndex: 0, answer: code.code.toLowerCase() })
    expect(solved).toMatchObject<Partial<ClaimClueResult>>({ correct: true, points: 20 })
  })
})
