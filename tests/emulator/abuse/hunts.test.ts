// Treasure hunts as a points farmer would try them: a script with a member's account calling
// `claimClue` directly — guessing, skipping ahead, disguising answers, borrowing another member's
// request id. Each refusal is asserted by its code and reason, and nothing may have changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HUNT_TRIES_PER_HOUR } from '../../../src/domain/earn/hunts'
import { paths } from '../../../src/domain/shared/paths'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, requestId, type Client } from '../support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from '../support/emulators'
import { ANSWERS, claim, solveUpTo, testHunt } from '../support/hunts'

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

/** The member's balance, ledger and hunt progress, to show a refusal changed nothing. */
async function snapshot(uid: string, huntId: string) {
  const ledger = await ledgerDocs(uid)
  const progress = await admin().db.doc(paths.huntProgress(uid, huntId)).get()
  return { balance: (await memberDoc(uid)).balance as number, entries: ledger.map((e) => e.id).sort(), progress: progress.data() ?? null }
}

async function refusedWithoutChange(member: Client, huntId: string, attempt: () => Promise<unknown>, expected: { code: string; reason?: string }) {
  const before = await snapshot(member.uid!, huntId)
  expect(await failure(attempt())).toEqual(expected)
  expect(await snapshot(member.uid!, huntId)).toEqual(before)
}

const tries = async (uid: string, huntId: string, clueIndex: number) =>
  ((await admin().db.doc(paths.huntTries(uid, huntId, clueIndex)).get()).get('tries') as number[] | undefined) ?? []

describe('brute force', () => {
  it('20 guesses at once: 5 are judged, 15 refused, and then even the right answer waits', async () => {
    const hunt = await testHunt()
    const farmer = await joinedMember()
    const guesses = Array.from({ length: 20 }, (_, i) => `guess${i}`)
    const settled = await Promise.allSettled(guesses.map((answer) => claim(farmer, { huntId: hunt.id, clueIndex: 0, answer })))
    const judged = settled.filter((s) => s.status === 'fulfilled')
    const refused = await Promise.all(settled.filter((s) => s.status === 'rejected').map((s) => failure(Promise.reject(s.reason))))
    expect(judged).toHaveLength(HUNT_TRIES_PER_HOUR)
    expect(refused).toEqual(Array.from({ length: 20 - HUNT_TRIES_PER_HOUR }, () => ({ code: 'resource-exhausted', reason: 'hunt-too-many-tries' })))
    expect(await tries(farmer.uid, hunt.id, 0)).toHaveLength(HUNT_TRIES_PER_HOUR)
    await refusedWithoutChange(farmer, hunt.id, () => claim(farmer, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0] }), {
      code: 'resource-exhausted',
      reason: 'hunt-too-many-tries',
    })
    expect(await tries(farmer.uid, hunt.id, 0)).toHaveLength(HUNT_TRIES_PER_HOUR)
  })

  it('the limit is per member: another account has its own 5, and the first one stays locked', async () => {
    const hunt = await testHunt()
    const farmer = await joinedMember()
    for (let i = 0; i < HUNT_TRIES_PER_HOUR; i++) await claim(farmer, { huntId: hunt.id, clueIndex: 0, answer: `g${i}` })
    const friend = await joinedMember()
    expect(await claim(friend, { huntId: hunt.id, clueIndex: 0, answer: 'g0' })).toMatchObject({ correct: false, triesLeft: HUNT_TRIES_PER_HOUR - 1 })
    await refusedWithoutChange(farmer, hunt.id, () => claim(farmer, { huntId: hunt.id, clueIndex: 0, answer: 'g9' }), {
      code: 'resource-exhausted',
      reason: 'hunt-too-many-tries',
    })
  })
})

describe('skipping ahead', () => {
  it('claiming clue 3 first is refused, and is not counted as a try', async () => {
    const hunt = await testHunt()
    const farmer = await joinedMember()
    await refusedWithoutChange(farmer, hunt.id, () => claim(farmer, { huntId: hunt.id, clueIndex: 2, answer: ANSWERS[2] }), {
      code: 'failed-precondition',
      reason: 'hunt-clue-locked',
    })
    expect(await tries(farmer.uid, hunt.id, 2)).toEqual([])
  })

  it('a clue index past the hunt, negative or fractional is refused', async () => {
    const hunt = await testHunt()
    const farmer = await joinedMember()
    await refusedWithoutChange(farmer, hunt.id, () => claim(farmer, { huntId: hunt.id, clueIndex: 3, answer: 'x' }), { code: 'not-found', reason: 'unknown-clue' })
    await refusedWithoutChange(farmer, hunt.id, () => claim(farmer, { huntId: hunt.id, clueIndex: -1, answer: 'x' }), { code: 'invalid-argument', reason: undefined })
    await refusedWithoutChange(farmer, hunt.id, () => claim(farmer, { huntId: hunt.id, clueIndex: 0.5, answer: 'x' }), { code: 'invalid-argument', reason: undefined })
  })

  it('a client cannot name its own points', async () => {
    const hunt = await testHunt()
    const farmer = await joinedMember()
    await refusedWithoutChange(
      farmer,
      hunt.id,
      () => farmer.call('claimClue', { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0], requestId: requestId(), points: 100_000 }),
      { code: 'invalid-argument', reason: undefined },
    )
  })
})

describe('disguised answers', () => {
  it('U+202E and zero-width characters inside the right answer: recognised as that answer, paid once', async () => {
    const hunt = await testHunt()
    const farmer = await joinedMember()
    const before = (await memberDoc(farmer.uid)).balance as number
    const disguised = `\u202ECafé\u200B Sha\u200Dchar\u2066`
    expect(await claim(farmer, { huntId: hunt.id, clueIndex: 0, answer: disguised })).toMatchObject({ correct: true, points: 20 })
    expect(await claim(farmer, { huntId: hunt.id, clueIndex: 0, answer: `${ANSWERS[0]}\uFEFF` })).toMatchObject({ correct: true, points: 0, alreadySolved: true })
    expect((await memberDoc(farmer.uid)).balance).toBe(before + 20)
  })

  it('invisible variations of one wrong guess each count: they do not buy extra tries', async () => {
    const hunt = await testHunt()
    const farmer = await joinedMember()
    const variants = ['nope', 'n\u200Bope', '\u202Enope', 'no\u200Dpe', 'nope\u2069']
    for (const answer of variants) expect(await claim(farmer, { huntId: hunt.id, clueIndex: 0, answer })).toMatchObject({ correct: false })
    await refusedWithoutChange(farmer, hunt.id, () => claim(farmer, { huntId: hunt.id, clueIndex: 0, answer: '\u200Bnope\u200B' }), {
      code: 'resource-exhausted',
      reason: 'hunt-too-many-tries',
    })
  })

  it('an answer of invisible characters only is refused and not counted', async () => {
    const hunt = await testHunt()
    const farmer = await joinedMember()
    await refusedWithoutChange(farmer, hunt.id, () => claim(farmer, { huntId: hunt.id, clueIndex: 0, answer: '\u202E\u200B\u200D ' }), {
      code: 'invalid-argument',
      reason: undefined,
    })
    expect(await tries(farmer.uid, hunt.id, 0)).toEqual([])
  })
})

describe("another member's request id", () => {
  it('borrowing it neither replays their answer nor blocks the borrower', async () => {
    const hunt = await testHunt()
    const alice = await joinedMember()
    const mallory = await joinedMember()
    const shared = requestId()
    const aliceResult = await claim(alice, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0], requestId: shared })
    expect(aliceResult.points).toBe(20)
    const aliceBefore = await snapshot(alice.uid, hunt.id)
    const mallorysWrong = await claim(mallory, { huntId: hunt.id, clueIndex: 0, answer: 'no idea', requestId: shared })
    expect(mallorysWrong).toMatchObject({ correct: false, points: 0, replayed: false })
    expect(await snapshot(alice.uid, hunt.id)).toEqual(aliceBefore)
    // Mallory's own retry of that id gets Mallory's first answer, not Alice's.
    expect(await claim(mallory, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0], requestId: shared })).toMatchObject({ correct: false, replayed: true })
    expect(await claim(mallory, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0] })).toMatchObject({ correct: true, points: 20 })
  })
})

describe('who may play', () => {
  it('a staff account is refused, and a signed-out script too', async () => {
    const hunt = await testHunt()
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    expect(await failure(claim(staff, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0] }))).toEqual({ code: 'permission-denied', reason: 'not-a-member' })
    const stranger = await newClient({ signUp: false })
    expect(await failure(claim(stranger, { huntId: hunt.id, clueIndex: 0, answer: ANSWERS[0] }))).toEqual({ code: 'unauthenticated', reason: undefined })
    expect((await admin().db.collection(paths.huntFinishers(hunt.id)).get()).size).toBe(0)
    const member = await joinedMember()
    await solveUpTo(member, hunt, 1)
    expect((await admin().db.doc(paths.huntProgress(member.uid, hunt.id)).get()).get('solved')).toBe(1)
  })
})
