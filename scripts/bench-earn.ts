// `npm run bench:earn`: earning without buying under load, on the local emulators.
//   1. claimClue and submitSurvey through the real callables, 50 members at once: p50, p95, throughput.
//   2. A hunt's leaderboard when 50 members finish at the same moment: is every finisher there once,
//      in finishing order, as first name and initial only; and how long it takes.
//   3. The Earn hub in Chromium (production build, 4× CPU throttling) with 20 active surveys, 20 open
//      hunts and 20 charities with a matching campaign: time to first render and to everything listed,
//      and the Firestore documents the app receives per open.
// Prints figures; asserts only what makes a figure meaningless when false (the leaderboard's checks).
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { Timestamp } from 'firebase-admin/firestore'
import { collection, getDocs, limit, orderBy, query, terminate } from 'firebase/firestore'
import { CharitySchema, type Charity } from '../src/domain/earn/charities'
import { rankFinishers, type Hunt } from '../src/domain/earn/hunts'
import { SurveySchema } from '../src/domain/earn/surveys-schema'
import { nameAtTill } from '../src/domain/members/member'
import { paths } from '../src/domain/shared/paths'
import { EMULATOR_PORTS } from '../src/domain/shared/platform'
import { writeHunt } from '../functions/src/hunts/hunt-store'
import { claimClue as serverClaimClue } from '../functions/src/hunts/claim'
import { recordPurchase } from '../functions/src/purchases/record'
import { submitSurvey as serverSubmitSurvey } from '../functions/src/surveys/surveys'
import { demoCharities, demoPartners, demoSurveys } from './demo-club'
import { demoHunt } from './demo-hunt'
import { emulatorAdmin } from './lib/emulator-admin'
import { benchMember, median, percentile, unique, type BenchMember } from './lib/bench'
import { webChannelMessages } from './lib/count-reads'
import { seedClubData } from './seed-club'

const ROOT = join(import.meta.dirname, '..')
const BASE = 'http://localhost:4173'
const MEMBERS = 50
const CALLABLE_IN_FLIGHT = 10
const CAMPAIGNS = 20
const HUB_RUNS = 5
const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

const { db, auth } = emulatorAdmin()
const config = await seedClubData(db)
// Fifty different names, Hebrew and English, so the leaderboard's "first name and initial" is checked on both.
const FIRST = ['Noa', 'Yael', 'Omer', 'Itai', 'Maya', 'נועה', 'יעל', 'עומר', 'איתי', 'מאיה']
const LAST = ['Levi', 'Cohen', 'Mizrahi', 'בירנבאום', 'אלון']
const nameOf = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`

type Member = BenchMember

/** A member who joined through the server's join code, signed in on their own web client. */
const member = (i: number): Promise<Member> =>
  benchMember({ db, auth }, config, { name: nameOf(i), language: i % 2 ? 'he' : 'en', prefix: 'bench.earn' })

const ANSWERS = { 0: 'Bench one', 1: 'שָׁלוֹם', 2: 'GREEN-42' }

/** A hunt of three printed clues, open now (the demo hunt's shape under a new id). */
async function benchHunt(): Promise<Hunt> {
  const demo = demoHunt()
  const hunt: Hunt = { ...demo, id: `bench-hunt-${unique()}`, clues: demo.clues.map((clue) => ({ ...clue, answer: 'printed' as const })) }
  await writeHunt(db, hunt, ANSWERS)
  return hunt
}

async function benchSurvey(): Promise<string> {
  const { id, ...data } = SurveySchema.parse({ ...demoSurveys()[0]!, id: `bench-survey-${unique()}`, minSeconds: 0 })
  await db.doc(paths.survey(id)).set(data)
  return id
}

const requestId = () => `bench-${unique()}`
const honest = { frequency: 'weekly', stores: ['cafe', 'books'], 'app-ease': 4, attention: 'blue', recommend: 9 }
/** The server code a callable runs once it has checked the caller (what the ledger and Firestore cost). */
const server = {
  claim: (m: Member, huntId: string, clueIndex: number, answer = ANSWERS[clueIndex as 0 | 1 | 2]) =>
    serverClaimClue(db, { uid: m.uid, huntId, clueIndex, answer, requestId: requestId(), config }),
  submit: (m: Member, surveyId: string) =>
    serverSubmitSurvey(db, { uid: m.uid, input: { surveyId, answers: honest, requestId: requestId() }, config, random: Math.random }),
}
/** The same through the callable on the Functions emulator, from the member's own signed-in client. */
const callable = {
  claim: (m: Member, huntId: string, clueIndex: number, answer = ANSWERS[clueIndex as 0 | 1 | 2]) =>
    m.call('claimClue', { huntId, clueIndex, answer, requestId: requestId() }),
  submit: (m: Member, surveyId: string) => m.call('submitSurvey', { surveyId, answers: honest, requestId: requestId() }),
}

type Timing = { latencies: number[]; wall: number; failures: string[] }

/**
 * Runs `steps` for every member, the members in parallel with at most `inFlight` calls at once,
 * each member's steps in turn; times every call. A failed call is reported with its code.
 */
async function timed(inFlight: number, steps: ((m: Member) => Promise<unknown>)[]): Promise<Timing> {
  const timing: Timing = { latencies: [], wall: 0, failures: [] }
  const queue = [...members]
  const started = performance.now()
  await Promise.all(
    Array.from({ length: Math.min(inFlight, queue.length) }, async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        for (const step of steps) {
          const t0 = performance.now()
          try {
            await step(m)
            timing.latencies.push(performance.now() - t0)
          } catch (error) {
            timing.failures.push(String((error as { code?: string }).code ?? error))
          }
        }
      }
    }),
  )
  timing.wall = performance.now() - started
  return timing
}

function row(label: string, { latencies, wall, failures }: Timing) {
  const failed = failures.length > 0 ? `  ✗ ${failures.length} failed (${[...new Set(failures)].join(', ')})` : ''
  console.log(
    `  ${label.padEnd(64)} ${String(latencies.length).padStart(4)} ok ${((latencies.length / wall) * 1000).toFixed(1).padStart(6)}/s  p50 ${percentile(latencies, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(latencies, 95).toFixed(0).padStart(5)} ms${failed}`,
  )
  if (failures.length > 0) process.exitCode = 1
}

/** The survey opened `secondsAgo` by each member (what startSurvey writes), so the answers count as read. */
async function opened(surveyId: string, secondsAgo = 120) {
  const writes = db.bulkWriter()
  const startedAt = Timestamp.fromMillis(Date.now() - secondsAgo * 1000)
  for (const m of members) writes.set(db.doc(paths.surveyStart(surveyId, m.uid)), { uid: m.uid, startedAt })
  await writes.close()
}

console.log(`bench:earn — local emulators on this machine (${availableParallelism()} CPUs); figures, not assertions`)
const members = await Promise.all(Array.from({ length: MEMBERS }, (_, i) => member(i)))

// 1. claimClue and submitSurvey, 50 members at once.
{
  console.log(`\n1. ${MEMBERS} members in parallel, each on their own hunt progress and survey response`)
  console.log('   server code (the body of each callable, straight on the Firestore emulator): all 50 at once')
  let hunt = await benchHunt()
  row('claimClue, a wrong answer (counted against the limit)', await timed(MEMBERS, [(m) => server.claim(m, hunt.id, 0, 'nope')]))
  row('claimClue, clues 1, 2, 3 in turn (each paid; the last the bonus)', await timed(MEMBERS, [0, 1, 2].map((i) => (m: Member) => server.claim(m, hunt.id, i))))
  let surveyId = await benchSurvey()
  await opened(surveyId)
  row('submitSurvey, 7 questions, paid', await timed(MEMBERS, [(m) => server.submit(m, surveyId)]))

  // The Functions emulator serves one request at a time per worker process and starts a new worker
  // (a Node process loading the whole bundle, 100+ MB) for each request that finds them all busy:
  // 50 at once means 50 processes per function, more than this machine holds. So: at most
  // CALLABLE_IN_FLIGHT calls at once, on workers started (and timed out of the figures) first.
  console.log(`   through the callables on the Functions emulator: ${MEMBERS} members, at most ${CALLABLE_IN_FLIGHT} calls in flight`)
  hunt = await benchHunt()
  surveyId = await benchSurvey()
  await opened(surveyId)
  await timed(CALLABLE_IN_FLIGHT, [(m) => m.call('claimClue', { huntId: 'no-such-hunt', clueIndex: 0, answer: 'x', requestId: requestId() }).catch(() => undefined)])
  await timed(CALLABLE_IN_FLIGHT, [(m) => m.call('submitSurvey', { surveyId: 'no-such-survey', answers: honest, requestId: requestId() }).catch(() => undefined)])
  row('claimClue, a wrong answer (counted against the limit)', await timed(CALLABLE_IN_FLIGHT, [(m) => callable.claim(m, hunt.id, 0, 'nope')]))
  row('claimClue, clues 1, 2, 3 in turn (each paid; the last the bonus)', await timed(CALLABLE_IN_FLIGHT, [0, 1, 2].map((i) => (m: Member) => callable.claim(m, hunt.id, i))))
  row('submitSurvey, 7 questions, paid', await timed(CALLABLE_IN_FLIGHT, [(m) => callable.submit(m, surveyId)]))
}

// 2. The leaderboard, 50 finishers at the same moment (the server code, all 50 at once).
{
  const hunt = await benchHunt()
  const ready = await timed(MEMBERS, [(m) => server.claim(m, hunt.id, 0), (m) => server.claim(m, hunt.id, 1)])
  if (ready.failures.length > 0) console.log(`  ✗ ${ready.failures.length} members could not solve the first two clues: ${[...new Set(ready.failures)].join(', ')}`)
  const windows = new Map<string, { sent: number; answered: number }>()
  const finish = await timed(MEMBERS, [
    async (m) => {
      const sent = Date.now()
      await server.claim(m, hunt.id, 2)
      windows.set(m.uid, { sent, answered: Date.now() })
    },
  ])
  const all = (await db.collection(paths.huntFinishers(hunt.id)).get()).docs.map((d) => ({ id: d.id, ...d.data() }) as { id: string; uid: string; name: string; finishedAt: Timestamp })
  const byUid = new Map(members.map((m) => [m.uid, m]))
  const problems: string[] = []
  if (all.length !== MEMBERS) problems.push(`${all.length} lines for ${MEMBERS} finishers`)
  if (new Set(all.map((f) => f.uid)).size !== all.length) problems.push('a finisher listed twice')
  for (const line of all) {
    const m = byUid.get(line.uid)
    if (!m || line.id !== line.uid) problems.push(`a line for someone who did not finish: ${line.id}`)
    else if (line.name !== nameAtTill(m.name)) problems.push(`"${line.name}" for ${m.name}`)
    const extra = Object.keys(line).filter((k) => !['id', 'uid', 'name', 'finishedAt'].includes(k))
    if (extra.length > 0) problems.push(`more than the name on the board: ${extra.join(', ')}`)
    const w = windows.get(line.uid)
    const at = line.finishedAt.toMillis()
    if (w && (at < w.sent - 1000 || at > w.answered + 1000)) problems.push(`${line.name}'s finish time is outside their request`)
  }
  // The board as a member's phone reads it: the app's query, the first 20 by finish time.
  const firestore = members[0]!.firestore()
  const t0 = performance.now()
  const board = await getDocs(query(collection(firestore, paths.huntFinishers(hunt.id)), orderBy('finishedAt'), limit(20)))
  const boardMs = performance.now() - t0
  await terminate(firestore)
  const expected = rankFinishers(all.map((f) => ({ uid: f.uid, finishedAt: f.finishedAt.toMillis() }))).slice(0, 20).map((f) => f.uid)
  const shown = board.docs.map((d) => d.id)
  // Ties on the same millisecond may come in either order: compare finish times, then the set.
  const times = (uids: string[]) => uids.map((uid) => all.find((f) => f.uid === uid)!.finishedAt.toMillis())
  if (JSON.stringify(times(shown)) !== JSON.stringify(times(expected))) problems.push('the app’s first 20 are not the 20 first finishers in order')
  const ties = all.length - new Set(all.map((f) => f.finishedAt.toMillis())).size

  console.log('\n2. leaderboard, 50 members finish the same hunt at once')
  row('claimClue (server code), the last clue: pays and writes the line', finish)
  console.log(`  lines ${all.length}/${MEMBERS}, each finisher once, names first name + initial, finish time within the request: ${problems.length === 0 ? 'yes' : 'NO'}`)
  console.log(`  the app's board query (first 20 by finish time, as a member, rules on): ${boardMs.toFixed(0)} ms, order ${problems.some((p) => p.includes('first 20')) ? 'WRONG' : 'right'}; ${ties} finish times shared with another finisher (same ms)`)
  for (const problem of problems) console.log(`    ✗ ${problem}`)
  if (problems.length > 0) process.exitCode = 1
}

// 3. The Earn hub with 20 active campaigns of each kind.
{
  const demo = demoCharities()[0]!
  const writes = db.bulkWriter()
  for (let i = 0; i < CAMPAIGNS; i++) {
    const { id, ...survey } = SurveySchema.parse({ ...demoSurveys()[0]!, id: `hub-survey-${i}` })
    writes.set(db.doc(paths.survey(id)), survey)
    const charity: Charity = { ...demo, id: `hub-charity-${i}`, name: { he: `עמותה ${i + 1}`, en: `Charity ${i + 1}` } }
    writes.set(db.doc(paths.charity(charity.id)), CharitySchema.parse(charity))
  }
  await writes.close()
  for (let i = 0; i < CAMPAIGNS; i++) await writeHunt(db, { ...demoHunt(), id: `hub-hunt-${i}`, clues: demoHunt().clues.map((c) => ({ ...c, answer: 'printed' as const })) }, ANSWERS)
  const surveysNow = (await db.collection('surveys').where('status', '==', 'published').count().get()).data().count
  const huntsNow = (await db.collection('hunts').count().get()).data().count
  const charitiesNow = (await db.collection('charities').where('active', '==', true).count().get()).data().count

  // A member with a visit yesterday, so the reviews section has a store to offer too.
  const user = await benchMember({ db, auth }, config, { name: 'Hub Bench', prefix: 'bench.hub' })
  await recordPurchase(db, {
    uid: user.uid,
    partner: demoPartners.find((p) => p.id === 'carmel-books')!,
    amount: 30,
    receiptId: unique(),
    staff: { uid: 'staff-carmel-books', email: null, memberUid: null, tillId: 'bench-till-0001' },
    config,
    at: new Date(Date.now() - 86_400_000),
  })

  await new Promise<void>((resolve, reject) =>
    spawn('npx', ['vite', 'build', '--mode', 'emulator', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error('vite build failed')),
    ),
  )
  const preview = spawn('npx', ['vite', 'preview', '--port', '4173', '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
  try {
    for (let i = 0; i < 60 && !(await fetch(BASE).then((r) => r.ok).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 500))
    // Signed in once, on the card: the session is on the device, the hub's collections are not.
    const setup = await browser.newContext({ viewport: { width: 412, height: 915 } })
    const first = await setup.newPage()
    await first.goto(`${BASE}/sign-in`)
    await first.locator('input[type=email]').fill(user.email)
    await first.locator('input[type=password]').fill(user.password)
    await first.locator('button[type=submit]').click()
    await first.getByTestId('wallet-card').waitFor({ timeout: 60_000 })
    const state = await setup.storageState({ indexedDB: true })
    await setup.close()

    const firstRender: number[] = []
    const complete: number[] = []
    const coldReads: Reads[] = []
    const reloadReads: Reads[] = []
    const callables: number[] = []
    for (let run = 0; run < HUB_RUNS; run++) {
      const context = await browser.newContext({ storageState: state, viewport: { width: 412, height: 915 } })
      const { page, channel } = await instrumented(context)
      let calls = 0
      page.on('request', (request) => {
        if (request.url().includes(`:${EMULATOR_PORTS.functions}/`) && request.method() === 'POST') calls++
      })
      const times = await openHub(page, () => page.goto(`${BASE}/earn`, { waitUntil: 'commit' }), { surveys: surveysNow, hunts: huntsNow })
      firstRender.push(times.first)
      complete.push(times.all)
      coldReads.push(readsIn(channel))
      if (run === 0 && coldReads[0]!.documents === 0) {
        const sample = [...channel.values()].map((chunks) => Buffer.concat(chunks).toString('utf8').slice(0, 160))
        console.log(`  ✗ no documents counted on ${channel.size} Listen responses; they begin: ${JSON.stringify(sample.slice(0, 3))}`)
        process.exitCode = 1
      }
      channel.clear()
      callables.push(calls)
      await openHub(page, () => page.reload({ waitUntil: 'commit' }), { surveys: surveysNow, hunts: huntsNow })
      reloadReads.push(readsIn(channel))
      await context.close()
    }

    console.log(`\n3. Earn hub, Chromium, 4× CPU throttling, production build; ${surveysNow} published surveys, ${huntsNow} hunts, ${charitiesNow} active charities with a campaign; median of ${HUB_RUNS}`)
    console.log(`  first render (heading and the first way to earn)      ${median(firstRender).toFixed(0).padStart(5)} ms`)
    console.log(`  everything listed (every hunt and survey on screen)   ${median(complete).toFixed(0).padStart(5)} ms`)
    printReads('Firestore reads, first open on this device', coldReads)
    printReads('Firestore reads, the same hub reloaded (cache warm)', reloadReads)
    console.log(`  callables the hub calls per open: ${median(callables)} (their server-side reads are not in the figures above)`)
  } finally {
    await browser.close()
    process.kill(-preview.pid!)
  }
}

type Reads = { documents: number; emptyTargets: number; byCollection: Record<string, number> }

/**
 * Counts what the Firestore emulator sends the page: every `documentChange` on the Listen channel
 * is a document the server read for it, and a target (query or document) that came back empty is
 * billed as one read. The channel's responses are read off the network through the DevTools
 * protocol (the SDK streams them with fetch), so nothing in the app is changed to count them.
 */
async function instrumented(context: BrowserContext): Promise<{ page: Page; channel: Map<string, Buffer[]> }> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  const channel = new Map<string, Buffer[]>()
  const streaming = new Set<string>()
  await cdp.send('Network.enable')
  cdp.on('Network.responseReceived', (event) => {
    // The Listen channel's back channel (RID=rpc) carries the server's messages.
    if (!event.response.url.includes('/Listen/channel') || !event.response.url.includes('RID=rpc')) return
    channel.set(event.requestId, [])
    cdp
      .send('Network.streamResourceContent', { requestId: event.requestId })
      .then(({ bufferedData }) => {
        streaming.add(event.requestId)
        channel.get(event.requestId)?.unshift(Buffer.from(bufferedData, 'base64'))
      })
      .catch(() => undefined)
  })
  cdp.on('Network.dataReceived', (event) => {
    if (event.data && streaming.has(event.requestId)) channel.get(event.requestId)?.push(Buffer.from(event.data, 'base64'))
  })
  // A response that ended before it could be streamed (a long poll) is read whole.
  cdp.on('Network.loadingFinished', (event) => {
    if (!channel.has(event.requestId) || streaming.has(event.requestId)) return
    cdp
      .send('Network.getResponseBody', { requestId: event.requestId })
      .then((r) => channel.set(event.requestId, [Buffer.from(r.body, r.base64Encoded ? 'base64' : 'utf8')]))
      .catch(() => undefined)
  })
  return { page, channel }
}

async function openHub(page: Page, go: () => Promise<unknown>, expected: { surveys: number; hunts: number }) {
  const started = performance.now()
  await go()
  await page.locator('[data-testid^="earn-item-"]').first().waitFor({ timeout: 60_000 })
  const first = performance.now() - started
  await page.waitForFunction(
    ({ surveys, hunts }) =>
      document.querySelectorAll('[data-testid^="earn-survey-"]').length >= surveys &&
      document.querySelectorAll('li[data-testid^="earn-hunt-"]').length >= hunts &&
      document.querySelector('[data-testid="earn-impact"]') !== null &&
      document.querySelector('[data-testid="earn-review-carmel-books"]') !== null,
    expected,
    { timeout: 60_000 },
  )
  const all = performance.now() - started
  // Let answers already on their way land, so they are counted with this open.
  await page.waitForTimeout(1000)
  return { first, all }
}

/** The reads since `channel` was last cleared, from the Listen channel's responses (see `instrumented`). */
function readsIn(channel: Map<string, Buffer[]>): Reads {
  const docs = new Map<number, number>()
  const targets = new Set<number>()
  const byCollection: Record<string, number> = {}
  let documents = 0
  for (const chunks of channel.values()) {
    for (const message of webChannelMessages(Buffer.concat(chunks).toString('utf8'))) {
      const change = (message as { documentChange?: { document: { name: string }; targetIds?: number[] } }).documentChange
      const target = (message as { targetChange?: { targetChangeType?: string; targetIds?: number[] } }).targetChange
      if (change) {
        documents++
        const path = change.document.name.split('/documents/')[1] ?? ''
        const group = path.split('/').filter((_, i) => i % 2 === 0).join('/*/')
        byCollection[group] = (byCollection[group] ?? 0) + 1
        for (const id of change.targetIds ?? []) docs.set(id, (docs.get(id) ?? 0) + 1)
      }
      if (target?.targetChangeType === 'ADD') for (const id of target.targetIds ?? []) targets.add(id)
    }
  }
  const emptyTargets = [...targets].filter((id) => !docs.has(id)).length
  return { documents, emptyTargets, byCollection }
}

function printReads(label: string, runs: Reads[]) {
  const total = runs.map((r) => r.documents + r.emptyTargets)
  const typical = runs[runs.findIndex((r) => r.documents + r.emptyTargets === median(total))] ?? runs[0]!
  const groups = Object.entries(typical.byCollection)
    .sort((a, b) => b[1] - a[1])
    .map(([group, n]) => `${group} ${n}`)
    .join(', ')
  console.log(`  ${label.padEnd(53)} ${String(median(total)).padStart(5)}  (${typical.documents} documents + ${typical.emptyTargets} empty queries; ${groups})`)
}

process.exit(process.exitCode ?? 0)
