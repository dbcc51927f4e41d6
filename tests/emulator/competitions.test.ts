import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CloseCompetitionResult } from '../../src/domain/community/competitions'
import { paths } from '../../src/domain/shared/paths'
import { seedClubData } from '../../scripts/seed-club'
import { failure, ledgerDocs, memberSince, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'
import { competitionIn, counts, post, postDoc, vote } from './support/community'
import { upload } from './support/photos'

let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

async function enter(member: Client, competitionId: string, text = 'My entry') {
  const { photoId } = await upload(member)
  return post(member, { text, photoIds: [photoId], competitionId })
}

const prizes = async (uid: string) => (await ledgerDocs(uid)).filter((e) => e.reason === 'competition_prize')
const close = (competitionId: string, winners?: string[]) =>
  operator.call<object, CloseCompetitionResult>('closeCompetition', { competitionId, ...(winners ? { winners } : {}) })

describe('a photo competition', () => {
  it('takes one entry with a photo per member in its window, votes in the next, then pays and announces the winners once', async () => {
    const id = `winter-${Date.now().toString(36)}`
    await competitionIn(id, 'submissions')
    const [a, b, c] = await Promise.all([memberSince(30, 'Alma Cohen'), memberSince(30, 'Ben Levi'), memberSince(30, 'Carmel Dan')])
    expect(await failure(post(a, { text: 'No photo', competitionId: id }))).toEqual({ code: 'invalid-argument', reason: 'competition-needs-photo' })
    const entryA = await enter(a, id)
    const entryB = await enter(b, id)
    expect((await postDoc(entryA.postId)).competitionId).toBe(id)
    await admin().db.doc(paths.communityStanding(a.uid)).set({ posts: [] }, { merge: true })
    expect(await failure(enter(a, id, 'Second try'))).toEqual({ code: 'failed-precondition', reason: 'competition-already-entered' })
    expect(await failure(vote(c, id, entryA.postId))).toEqual({ code: 'failed-precondition', reason: 'competition-submissions' })

    await competitionIn(id, 'voting')
    expect(await failure(enter(c, id))).toEqual({ code: 'failed-precondition', reason: 'competition-voting' })
    expect(await failure(vote(a, id, entryA.postId))).toEqual({ code: 'failed-precondition', reason: 'own-content' })
    const voters = await Promise.all(Array.from({ length: 20 }, (_, i) => memberSince(10, `Voter ${i}`)))
    await Promise.all(voters.map((v, i) => vote(v, id, i < 12 ? entryB.postId : entryA.postId)))
    expect((await counts(entryB.postId)).votes).toBe(12)
    expect((await counts(entryA.postId)).votes).toBe(8)
    expect(await vote(voters[0]!, id, entryB.postId, 'same-vote-again')).toEqual({ postId: entryB.postId, replayed: true })
    expect(await failure(vote(voters[0]!, id, entryA.postId))).toEqual({ code: 'failed-precondition', reason: 'competition-already-voted' })
    expect(await failure(close(id))).toEqual({ code: 'failed-precondition', reason: 'competition-voting' })

    await competitionIn(id, 'judging')
    expect(await failure(vote(c, id, entryA.postId))).toEqual({ code: 'failed-precondition', reason: 'competition-judging' })
    expect((await failure(b.call('closeCompetition', { competitionId: id }))).code).toBe('permission-denied')
    const [first, again] = await Promise.all([close(id), close(id).catch(() => close(id))])
    expect(first.winners.map((w) => [w.postId, w.rank, w.points, w.votes])).toEqual([
      [entryB.postId, 1, 100, 12],
      [entryA.postId, 2, 50, 8],
    ])
    expect(first.winners[0]!.authorName).toBe('Ben L.')
    expect(again.winners).toEqual(first.winners)
    expect((await prizes(b.uid)).map((e) => e.points)).toEqual([100])
    expect((await prizes(a.uid)).map((e) => e.points)).toEqual([50])
    expect(await postDoc(first.postId)).toMatchObject({ kind: 'announcement', status: 'published' })
    expect((await postDoc(first.postId)).text).toContain('Ben L.')
  }, 120_000)

  it('lets the club choose the winners where it judges, from the entries only', async () => {
    const id = `judged-${Date.now().toString(36)}`
    await competitionIn(id, 'submissions', { winnersBy: 'club', prizes: [80] })
    const [a, b] = await Promise.all([memberSince(30, 'Dana Ron'), memberSince(30, 'Eli Tal')])
    const entryA = await enter(a, id)
    await enter(b, id)
    const stranger = await post(await memberSince(30))
    await competitionIn(id, 'judging', { winnersBy: 'club', prizes: [80] })
    expect(await failure(close(id))).toEqual({ code: 'invalid-argument', reason: 'competition-winners' })
    expect(await failure(close(id, [stranger.postId]))).toEqual({ code: 'invalid-argument', reason: 'competition-winners' })
    const result = await close(id, [entryA.postId])
    expect(result.winners.map((w) => [w.postId, w.points])).toEqual([[entryA.postId, 80]])
    expect((await prizes(a.uid)).map((e) => e.points)).toEqual([80])
  }, 60_000)

  it('refuses an unknown competition, and votes or entries for another competition’s entry', async () => {
    const member = await memberSince(30)
    expect(await failure(enter(member, 'no-such-competition'))).toEqual({ code: 'not-found', reason: 'unknown-competition' })
    const one = `one-${Date.now().toString(36)}`
    const two = `two-${Date.now().toString(36)}`
    await competitionIn(one, 'submissions')
    const entry = await enter(member, one)
    await competitionIn(two, 'voting')
    const voter = await memberSince(30)
    expect(await failure(vote(voter, two, entry.postId))).toEqual({ code: 'not-found', reason: 'content-not-found' })
  })
})
