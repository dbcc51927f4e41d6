// `npm run bench:segments`: the nightly segment scoring (RFM, functions/src/offers/score-run.ts)
// and the birthday run (the maintenance job, functions/src/maintenance/run.ts) over 10,000 and
// 100,000 members bulk-seeded into the Firestore emulator. For each size and run: time, Firestore
// documents read and written, and peak memory (heap and resident set, sampled every 20 ms while
// the run goes; `maxRSS` is the process's peak so far, seeding included).
//
// Members are written straight to Firestore with the Admin SDK (BulkWriter): a member document
// with 12 months of purchase aggregates (`purchaseStats`), interests, a tier and a birthday whose
// gift window is scheduled (`birthdayGiftOn`), a twelfth of them due this month. Three offers
// target parts of the club, so the scoring run also puts members in offer groups. Both runs are
// the functions' own code, run in this process against the emulator, with no time budget.
//
// Reads and writes are counted by wrapping the Admin SDK (document and query reads, each document
// a query returns, transaction reads; every set, create, update and delete in a batch or
// transaction), so they are what Firestore would bill for these runs. On the emulator, a
// transaction is slower than on Firestore: the times say more about the emulator than about
// production, the counts do not.
//
// Sizes: BENCH_SEGMENTS_SIZES=10000 npm run bench:segments (default 10000,100000), or as the first
// argument when run directly: tsx scripts/bench-segments.ts 10000.
import { Firestore, Query, Timestamp, Transaction, WriteBatch, type DocumentData } from 'firebase-admin/firestore'
import { OfferSchema, type Offer } from '../src/domain/offers/offers'
import { addMonthsToMonth, localDate, monthOf } from '../src/domain/shared/calendar'
import { DEMO_PROJECT_ID, EMULATOR_PORTS } from '../src/domain/shared/platform'
import { paths } from '../src/domain/shared/paths'
import { runSegmentScoring } from '../functions/src/offers/score-run'
import { runMaintenance } from '../functions/src/maintenance/run'
import { EMULATOR_HOST, emulatorAdmin } from './lib/emulator-admin'
import { seedClubData } from './seed-club'

const SIZES = (process.argv[2] ?? process.env.BENCH_SEGMENTS_SIZES ?? '10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
const DAY = 86_400_000

const { db } = emulatorAdmin()

// ── counting ─────────────────────────────────────────────────────────────────────────────────
const counts = { reads: 0, writes: 0 }
function wrap<T extends object>(proto: T, name: keyof T, count: (result: unknown, args: unknown[]) => void) {
  const original = proto[name] as unknown as (...args: unknown[]) => unknown
  ;(proto as Record<string, unknown>)[name as string] = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args)
    if (result instanceof Promise) return result.then((value) => (count(value, args), value))
    count(result, args)
    return result
  }
}
const sizeOf = (value: unknown) => {
  const v = value as { size?: number; docs?: unknown[]; exists?: boolean } | unknown[]
  if (Array.isArray(v)) return v.length
  if (typeof v.size === 'number') return Math.max(1, v.size)
  return 1
}
wrap(Firestore.prototype, 'getAll', (result) => (counts.reads += sizeOf(result)))
wrap(Query.prototype, 'get', (result) => (counts.reads += sizeOf(result)))
wrap(Transaction.prototype, 'get', (result) => (counts.reads += sizeOf(result)))
for (const method of ['set', 'create', 'update', 'delete'] as const) wrap(WriteBatch.prototype, method, () => (counts.writes += 1))

// ── memory ───────────────────────────────────────────────────────────────────────────────────
function sampleMemory() {
  const peak = { heap: 0, rss: 0 }
  const take = () => {
    const m = process.memoryUsage()
    peak.heap = Math.max(peak.heap, m.heapUsed)
    peak.rss = Math.max(peak.rss, m.rss)
  }
  take()
  const timer = setInterval(take, 20)
  return () => {
    clearInterval(timer)
    take()
    return peak
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

async function measure<T>(label: string, run: () => Promise<T>, describe: (result: T) => string) {
  global.gc?.()
  counts.reads = 0
  counts.writes = 0
  const stop = sampleMemory()
  const started = performance.now()
  const result = await run()
  const ms = performance.now() - started
  const peak = stop()
  const { reads, writes } = counts
  console.log(
    `  ${label.padEnd(16)} ${(ms / 1000).toFixed(1).padStart(7)} s   read ${String(reads).padStart(7)}   written ${String(writes).padStart(7)}   ` +
      `peak heap ${mb(peak.heap)}, rss ${mb(peak.rss)} (maxRSS ${mb(process.resourceUsage().maxRSS * 1024)})   ${describe(result)}`,
  )
}

// ── seeding ──────────────────────────────────────────────────────────────────────────────────
async function clearFirestore() {
  const url = `http://${EMULATOR_HOST}:${EMULATOR_PORTS.firestore}/emulator/v1/projects/${DEMO_PROJECT_ID}/databases/(default)/documents`
  const response = await fetch(url, { method: 'DELETE' })
  if (!response.ok) throw new Error(`clearing the Firestore emulator failed: ${response.status}`)
}

/** A small deterministic generator, so two runs of a size seed the same club. */
function generator(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function offers(now: Date): Offer[] {
  const window = { type: 'dates' as const, startsAt: new Date(now.getTime() - DAY).toISOString(), endsAt: new Date(now.getTime() + 30 * DAY).toISOString() }
  const base = { title: { he: 'הטבה', en: 'Offer' }, body: { he: 'טקסט', en: 'Text' }, membersOnly: true, window, active: true }
  return [
    OfferSchema.parse({ ...base, id: 'bench-champions', kind: 'recognition', target: { segments: ['champions'], interests: [], tiers: [] }, holdOutPercent: 10 }),
    OfferSchema.parse({ ...base, id: 'bench-books', kind: 'discount', discountPercent: 10, target: { segments: [], interests: ['books'], tiers: [] }, holdOutPercent: 20 }),
    OfferSchema.parse({ ...base, id: 'bench-again', kind: 'second-purchase', bonusPoints: 30, target: { segments: ['at-risk', 'hibernating'], interests: [], tiers: [] }, holdOutPercent: 50 }),
  ]
}

async function seedMembers(size: number, now: Date, timeZone: string, tiers: string[], interests: string[]) {
  const random = generator(size)
  const today = localDate(now, timeZone)
  const month = monthOf(today)
  const year = Number(today.slice(0, 4))
  const writer = db.bulkWriter()
  for (let i = 0; i < size; i++) {
    const uid = `bench-seg-${String(i).padStart(6, '0')}`
    // A mix of habits: some buy weekly, some monthly, some stopped a while ago, some never did.
    const habit = random()
    const perMonth = habit < 0.15 ? 0 : habit < 0.4 ? 0.2 : habit < 0.75 ? 0.4 + random() : habit < 0.95 ? 1 + random() : 2 + random() * 4
    const stoppedMonthsAgo = habit < 0.5 ? Math.floor(random() * 12) : 0
    const months: DocumentData = {}
    let lastOn: string | null = null
    for (let back = 12; back >= stoppedMonthsAgo; back--) {
      const count = Math.floor(perMonth + random())
      if (count === 0) continue
      const key = addMonthsToMonth(month, -back)
      months[key] = { count, spend: Math.round(count * (30 + random() * 120) * 100) / 100 }
      lastOn = `${key}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`
    }
    if (lastOn && lastOn > today) lastOn = today
    const birthMonth = 1 + Math.floor(random() * 12)
    const mm = String(birthMonth).padStart(2, '0')
    const giftYear = `${year}-${mm}` >= month ? year : year + 1
    writer.set(db.doc(paths.member(uid)), {
      uid,
      memberNo: String(10_000_000 + i),
      name: `Bench Member ${i}`,
      email: null,
      language: 'he',
      interests: [interests[i % interests.length]!, interests[(i * 7 + 3) % interests.length]!],
      tierId: tiers[i % 10 === 0 ? 1 % tiers.length : 0]!,
      tierYearEnds: `${year}-12-31`,
      balance: 0,
      lifetimePoints: 0,
      pointsDebt: 0,
      expiryBuckets: {},
      qualifyingMonths: {},
      purchaseStats: { lastOn, months },
      birthday: `${1960 + (i % 45)}-${mm}-${String(1 + (i % 28)).padStart(2, '0')}`,
      birthdayCalendar: 'gregorian',
      birthdaySetAt: Timestamp.fromMillis(now.getTime() - 400 * DAY),
      birthdayGiftOn: `${giftYear}-${mm}-01`,
      activeCoupons: 0,
      joinedAt: Timestamp.fromMillis(now.getTime() - (20 + Math.floor(random() * 700)) * DAY),
    })
  }
  await writer.close()
}

// ── the benchmark ────────────────────────────────────────────────────────────────────────────
console.log('bench:segments — figures, not assertions')
for (const size of SIZES) {
  await clearFirestore()
  const config = await seedClubData(db)
  const now = new Date()
  const batch = db.batch()
  for (const offer of offers(now)) batch.set(db.doc(paths.offer(offer.id)), offer)
  await batch.commit()
  const seedStarted = performance.now()
  await seedMembers(
    size,
    now,
    config.timeZone,
    config.tiers.map((t) => t.id),
    config.interests.map((i) => i.id),
  )
  console.log(`\n${size.toLocaleString('en')} members (bulk-seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`)

  await measure(
    'RFM scoring',
    () => runSegmentScoring(db, config, now, { budgetMs: 24 * 3_600_000 }),
    (s) => `${s.membersScored} scored, ${s.membersChanged} changed, ${s.assignments} offer groups, ${s.pages} pages`,
  )
  await measure(
    'RFM rerun',
    () => runSegmentScoring(db, config, now, { budgetMs: 24 * 3_600_000 }),
    (s) => `${s.membersScored} scored (the day is done)`,
  )
  const segments = await Promise.all(
    ['champions', 'loyal', 'regular', 'at-risk', 'hibernating', 'new'].map(async (segment) => `${segment} ${(await db.collection('members').where('segment', '==', segment).count().get()).data().count}`),
  )
  console.log(`  segments: ${segments.join(', ')}`)
  await measure(
    'birthday run',
    () => runMaintenance(db, config, now, { budgetMs: 24 * 3_600_000 }),
    (s) => `${s.birthdayGifts} gifts, ${s.pages} pages, ${s.failures} failures`,
  )
  await measure(
    'birthday rerun',
    () => runMaintenance(db, config, now, { budgetMs: 24 * 3_600_000 }),
    (s) => `${s.birthdayGifts} gifts, ${s.pages} pages`,
  )
}
process.exit(0)
