import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordPurchaseInput } from '../../src/domain/contracts/callable-schemas'
import { COLLECTIONS, paths } from '../../src/domain/shared/paths'
import type { PurchaseResult } from '../../functions/src/purchases/record'
import { exportClub, importClub } from '../../scripts/lib/club-io'
import { seedClubData } from '../../scripts/seed-club'
import { demoRewardDraft, seedDemoConfigDraft } from '../../scripts/demo-config'
import { DEMO_HUNT_ID } from '../../scripts/demo-hunt'
import { answerDigest, type HuntSecret } from '../../src/domain/earn/hunts'
import { fromBase64 } from '../../src/domain/shared/crypto'
import { joinedMember, scanned, type Client } from './support/club'
import { configFailure, configState, discardDraft, liveItem, listItems, publishDraft, saveDraft } from './support/admin-config'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'

let operator: Client
let market: Client // staff at Neighborhood Market: partner multiplier 1
let member: Awaited<ReturnType<typeof joinedMember>>

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[operator, market] = await Promise.all([roleClient({ role: 'admin' }), roleClient({ role: 'staff', partnerId: 'super-hashchuna' })])
  member = await joinedMember('Config Member')
})

afterAll(async () => {
  await closeAdmin()
})

const purchase = (input: RecordPurchaseInput) => market.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', input)

describe('drafts and publishing', () => {
  it('refuses an invalid draft with every issue at its path, and stores nothing', async () => {
    const before = await configState()
    const { data } = await liveItem(operator, 'reward', 'free-coffee')
    const refusal = await configFailure(saveDraft(operator, { kind: 'reward', id: 'free-coffee', data: { ...data, cost: 0, image: 'https://evil.test/x.png' } }))
    expect(refusal.code).toBe('invalid-argument')
    expect(refusal.reason).toBe('config-invalid')
    expect(refusal.issues?.map((i) => i.path).sort()).toEqual(['cost', 'image'])
    expect(await configState()).toEqual(before)
  })

  it('publishing a changed earning rule changes what the next purchase earns, with version, history and audit', async () => {
    const first = await purchase(await scanned(member, 100))
    expect(first.points).toBe(100)

    const club = await liveItem(operator, 'club', 'club')
    expect(club.version).toBe(0)
    const earning = club.data.earning as Record<string, unknown>
    const saved = await saveDraft(operator, { kind: 'club', id: 'club', data: { ...club.data, earning: { ...earning, pointsPerShekel: 3 } } })
    expect(saved.baseVersion).toBe(0)
    // A draft changes nothing live.
    expect(await purchase(await scanned(member, 100))).toMatchObject({ points: 100 })
    const listed = await listItems(operator, 'club')
    expect(listed.drafts).toMatchObject([{ kind: 'club', id: 'club', baseVersion: 0, updatedBy: operator.uid }])

    const published = await publishDraft(operator, { kind: 'club', id: 'club' })
    expect(published).toMatchObject({ kind: 'club', id: 'club', version: 1 })
    expect(await purchase(await scanned(member, 100))).toMatchObject({ points: 300 })

    const db = admin().db
    expect((await db.doc(paths.configDraft('club~club')).get()).exists).toBe(false)
    const version = (await db.doc(paths.configVersion('club~club')).get()).data()!
    expect(version).toMatchObject({ kind: 'club', id: 'club', version: 1, publishedBy: operator.uid })
    const history = (await db.doc(paths.configHistoryEntry(published.historyId)).get()).data()!
    expect(history).toMatchObject({ kind: 'club', id: 'club', version: 1, publishedBy: operator.uid, via: 'draft' })
    expect((history.before as { earning: { pointsPerShekel: number } }).earning.pointsPerShekel).toBe(1)
    expect((history.after as { earning: { pointsPerShekel: number } }).earning.pointsPerShekel).toBe(3)
    const audit = (await db.collection(COLLECTIONS.audit).where('action', '==', 'publishConfigDraft').get()).docs.map((d) => d.data())
    expect(audit).toMatchObject([{ actor: { uid: operator.uid, role: 'admin' }, target: 'club~club', details: { kind: 'club', version: 1 } }])
    const after = await liveItem(operator, 'club', 'club')
    expect(after).toMatchObject({ version: 1, data: { earning: { pointsPerShekel: 3 } } })
  })

  it('refuses to publish over a newer live version, and keeps the draft', async () => {
    const reward = await liveItem(operator, 'reward', 'coffee-pastry')
    await saveDraft(operator, { kind: 'reward', id: 'coffee-pastry', data: { ...reward.data, cost: 120 } })
    await publishDraft(operator, { kind: 'reward', id: 'coffee-pastry' })
    // A form still showing the version before that publish.
    await saveDraft(operator, { kind: 'reward', id: 'coffee-pastry', data: { ...reward.data, cost: 90 }, baseVersion: reward.version })
    const before = await configState()
    const refusal = await configFailure(publishDraft(operator, { kind: 'reward', id: 'coffee-pastry' }))
    expect(refusal).toMatchObject({ code: 'failed-precondition', reason: 'config-conflict' })
    expect(await configState()).toEqual(before)
    expect(await liveItem(operator, 'reward', 'coffee-pastry')).toMatchObject({ version: 1, data: { cost: 120 } })
    expect(await discardDraft(operator, { kind: 'reward', id: 'coffee-pastry' })).toEqual({ kind: 'reward', id: 'coffee-pastry', discarded: true })
    expect((await listItems(operator, 'reward')).drafts).toEqual([])
  })

  it('refuses to publish over a change made outside publishing, such as a redemption lowering the stock', async () => {
    const reward = await liveItem(operator, 'reward', 'kids-book')
    expect(reward.data.stock).toBe(40)
    // The form sends the version and digest it was filled from, so a redemption even before the save is caught.
    await saveDraft(operator, { kind: 'reward', id: 'kids-book', data: { ...reward.data, cost: 300 }, baseVersion: reward.version, baseDigest: reward.digest })
    expect((await listItems(operator, 'reward')).drafts[0]?.baseDigest).toBe(reward.digest)
    // What redeemReward does to the live reward in its transaction.
    await admin().db.doc(paths.reward('kids-book')).update({ stock: 39 })
    const before = await configState()
    const refusal = await configFailure(publishDraft(operator, { kind: 'reward', id: 'kids-book' }))
    expect(refusal).toMatchObject({ code: 'failed-precondition', reason: 'config-conflict' })
    expect(await configState()).toEqual(before)
    expect((await admin().db.doc(paths.reward('kids-book')).get()).get('stock')).toBe(39)
    // Saving again from the live item as it is now takes a new base, and publishes.
    const now = await liveItem(operator, 'reward', 'kids-book')
    expect(now.digest).not.toBe(reward.digest)
    await saveDraft(operator, { kind: 'reward', id: 'kids-book', data: { ...now.data, cost: 300 }, baseVersion: now.version, baseDigest: now.digest })
    await publishDraft(operator, { kind: 'reward', id: 'kids-book' })
    expect((await admin().db.doc(paths.reward('kids-book')).get()).data()).toMatchObject({ stock: 39, cost: 300 })
  })

  it('publishes a new item of a kind with server fields: an event gets empty seat totals', async () => {
    const data = {
      id: 'board-games',
      title: { he: 'ערב משחקי קופסה', en: 'Board games night' },
      description: { he: 'משחקים, קפה וחברים', en: 'Games, coffee and friends' },
      startsAt: '2027-01-07T18:00:00.000Z',
      endsAt: '2027-01-07T20:00:00.000Z',
      place: { kind: 'partner', partnerId: 'cafe-shachar' },
      capacity: 20,
      tierIds: [],
      image: null,
      maxGuests: 1,
      points: 10,
      status: 'published',
    }
    await saveDraft(operator, { kind: 'event', id: 'board-games', data })
    await publishDraft(operator, { kind: 'event', id: 'board-games' })
    const stored = (await admin().db.doc(paths.event('board-games')).get()).data()!
    expect(stored).toMatchObject({ capacity: 20, seatsTaken: 0, queue: [], waitingCount: 0 })
    expect(await liveItem(operator, 'event', 'board-games')).toMatchObject({ version: 1, data })
  })

  it('publishes a hunt with a changed printed answer: the same key, the new digest, no answer stored live', async () => {
    const db = admin().db
    const hunt = await liveItem(operator, 'hunt', DEMO_HUNT_ID)
    const printed = (hunt.data.clues as { answer: string }[]).findIndex((c) => c.answer === 'printed')
    const secretBefore = (await db.doc(paths.huntSecret(DEMO_HUNT_ID)).get()).data() as HuntSecret
    await saveDraft(operator, { kind: 'hunt', id: DEMO_HUNT_ID, data: { ...hunt.data, answers: { [printed]: 'New Answer' } } })
    await publishDraft(operator, { kind: 'hunt', id: DEMO_HUNT_ID })
    const secret = (await db.doc(paths.huntSecret(DEMO_HUNT_ID)).get()).data() as HuntSecret
    expect(secret.key).toBe(secretBefore.key)
    expect(secret.answers[String(printed)]).toBe(await answerDigest(fromBase64(secret.key), DEMO_HUNT_ID, printed, 'new answer'))
    for (const [index, digest] of Object.entries(secretBefore.answers)) if (index !== String(printed)) expect(secret.answers[index]).toBe(digest)
    const history = await db.collection(COLLECTIONS.configHistory).where('id', '==', DEMO_HUNT_ID).get()
    expect(JSON.stringify(history.docs.map((d) => d.data()))).not.toContain('New Answer')
  })

  it('the demo club’s pending draft is listed, and publishes as a new reward', async () => {
    await seedDemoConfigDraft(admin().db)
    const { drafts } = await listItems(operator, 'reward')
    expect(drafts).toMatchObject([{ kind: 'reward', id: demoRewardDraft.id, baseVersion: 0, updatedBy: 'demo-admin' }])
    await publishDraft(operator, { kind: 'reward', id: demoRewardDraft.id })
    expect((await admin().db.doc(paths.reward(demoRewardDraft.id)).get()).data()).toEqual(demoRewardDraft)
  })

  it('answers a member and staff with permission-denied', async () => {
    const refusal = await configFailure(saveDraft(market, { kind: 'reward', id: 'free-coffee', data: {} }))
    expect(refusal.code).toBe('permission-denied')
    expect((await configFailure(listItems(member, 'club'))).code).toBe('permission-denied')
  })
})

describe('npm run club', () => {
  it('refuses an invalid file as a whole, with each problem’s line and column, and changes nothing', async () => {
    const before = await configState()
    const file = JSON.parse(before.live) as { club: { tiers: { threshold: number }[] }; rewards: { cost: number }[] }
    file.club.tiers[1]!.threshold = 1e-9
    file.rewards[0]!.cost = 5 // valid: it would be written if the import were not all or nothing
    file.rewards[1]!.cost = -1
    const text = JSON.stringify(file, null, 2)
    const outcome = await importClub(admin().db, text, 'club.json', 'test')
    expect(outcome.changed).toEqual([])
    const lines = text.split('\n')
    const thresholdLine = lines.findIndex((l) => l.includes('"threshold": 1e-9')) + 1
    expect(outcome.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^club\\.json:${thresholdLine}:${lines[thresholdLine - 1]!.indexOf('1e-9') + 1} club\\.tiers\\[1\\]\\.threshold: `)),
        expect.stringMatching(/^club\.json:\d+:\d+ rewards\[1\]\.cost: /),
      ]),
    )
    expect(await configState()).toEqual(before)
  })

  it('the command line says the same and exits with 1', async () => {
    const before = await configState()
    const dir = mkdtempSync(join(tmpdir(), 'club-'))
    const text = before.live.replace(/"pointsPerShekel": \d+/, '"pointsPerShekel": "many"')
    writeFileSync(join(dir, 'broken.json'), text)
    const line = text.split('\n').findIndex((l) => l.includes('"many"')) + 1
    const run = promisify(execFile)('npx', ['tsx', 'scripts/club.ts', 'import', join(dir, 'broken.json')], { env: process.env })
    const failed = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toMatch(new RegExp(`^broken\\.json:${line}:\\d+ club\\.earning\\.pointsPerShekel: `, 'm'))
    expect(failed?.stderr).toContain('nothing was imported')
    expect(await configState()).toEqual(before)
  })

  it('round-trips: an export imported changes nothing; an edited one publishes just the edit, and exports as imported', async () => {
    const { text, notes } = await exportClub(admin().db)
    expect(notes.some((n) => n.startsWith('hunts: printed answers are kept only as digests'))).toBe(true)
    const same = await importClub(admin().db, text, 'club.json', 'test')
    expect(same.problems).toEqual([])
    expect(same.changed).toEqual([])
    expect(same.untouched).toEqual([])

    const file = JSON.parse(text) as { rewards: { id: string; cost: number }[] }
    const reward = file.rewards.find((r) => r.id === 'free-coffee')!
    reward.cost = 75
    const edited = JSON.stringify(file, null, 2) + '\n'
    const outcome = await importClub(admin().db, edited, 'club.json', 'test')
    expect(outcome.problems).toEqual([])
    expect(outcome.changed).toEqual([{ kind: 'reward', id: 'free-coffee', version: 1 }])
    expect((await exportClub(admin().db)).text).toBe(edited)
    const history = await admin().db.collection(COLLECTIONS.configHistory).where('id', '==', 'free-coffee').get()
    expect(history.docs.map((d) => d.data())).toMatchObject([{ kind: 'reward', via: 'import', before: { cost: 60 }, after: { cost: 75 } }])
  })

  it('needs the answer of a new printed hunt clue, which the live hunt cannot give back', async () => {
    const before = await configState()
    const file = JSON.parse(before.live) as { hunts: { clues: { place: string; answer: string; text: unknown }[] }[] }
    const hunt = file.hunts[0]!
    hunt.clues.push({ text: { he: 'רמז חדש', en: 'A new clue' }, place: 'app', answer: 'printed' })
    const outcome = await importClub(admin().db, JSON.stringify(file, null, 2), 'club.json', 'test')
    expect(outcome.problems).toEqual([expect.stringMatching(/^club\.json:\d+:\d+ hunts\[0\]\.answers\.\d+: a printed clue needs its answer/)])
    expect(await configState()).toEqual(before)
  })
})
