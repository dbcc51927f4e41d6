// `npm run bench:admin`: the operator console's reading paths, on the local emulators.
//   1. Report refresh (refreshReports' own code, run in this process against the emulator) at
//      1,000 and 100,000 ledger entries: a full recomputation, then an incremental refresh after
//      100 new entries; time and Firestore documents read (aggregations billed 1 per 1,000 index
//      entries, as Firestore bills them).
//   2. Member search through the `findMember` callable, by member number and by e-mail (p50/p95).
//   3. A month's settlement statement through the `getSettlement` callable.
// The ledger entries are written in bulk straight to Firestore with the Admin SDK (BulkWriter),
// spread round-robin over 1,000 members, 10 partners' worth of purchases, redemptions, refunds,
// visits and expiries over the last 12 months: this measures reading, not writing points, and
// skips runLedgerOperation on purpose (its own benchmark is bench:ledger). Prints figures; checks
// only that the folded totals equal the entries written, without which a figure means nothing.
// On the emulator a collection-group query walks its documents instead of an index, so refresh
// times grow with the ledger here; on Firestore each page is an index range read. The read counts
// are what Firestore would bill (a full recomputation also lists the old month and activity
// documents it deletes, not counted).
// BENCH_ADMIN_SIZES=1000,10000 measures other sizes.
import { initializeApp } from 'firebase/app'
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth'
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions'
import { FieldValue, Timestamp } from 'firebase-admin/firestore'
import type { FindMemberResult } from '../src/domain/admin/members'
import { luhnCheckDigit } from '../src/domain/cards/member-number'
import { monthOfEntry } from '../src/domain/reports/ledger-buckets'
import type { Settlement } from '../src/domain/reports/settlement'
import { categoryOf, type LedgerReason, type LedgerSource, type LedgerType } from '../src/domain/points/ledger'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../src/domain/shared/platform'
import { COLLECTIONS, paths } from '../src/domain/shared/paths'
import { refreshReports } from '../functions/src/reports/refresh'
import { EMULATOR_HOST, emulatorAdmin } from './lib/emulator-admin'
import { median, percentile, unique } from './lib/bench'
import { seedClubData } from './seed-club'
import { demoPartners } from './demo-club'

const MEMBERS = 1000
const SEARCHES = 30
const INCREMENT = 100
const SIZES = (process.env.BENCH_ADMIN_SIZES ?? '1000,100000').split(',').map(Number)
const DAY = 86_400_000

const admin = emulatorAdmin()
const { db, auth } = admin
const config = await seedClubData(db)
const partners = demoPartners.filter((p) => p.active).map((p) => p.id)

console.log('bench:admin — figures, not assertions')

/** Members written directly (member document and member number), a few with an Auth account to find by e-mail. */
async function seedMembers(): Promise<{ uids: string[]; numbers: string[]; emails: string[] }> {
  const writer = db.bulkWriter()
  const uids: string[] = []
  const numbers: string[] = []
  const run = unique()
  for (let i = 0; i < MEMBERS; i++) {
    const uid = `bench-admin-${run}-${i}`
    // Valid numbers (Luhn check digit), as findMember refuses any other.
    const body = String(7_000_000 + i)
    const memberNo = body + String(luhnCheckDigit(body))
    uids.push(uid)
    numbers.push(memberNo)
    writer.set(db.doc(paths.member(uid)), {
      uid,
      memberNo,
      name: `Bench Member ${i}`,
      email: `bench.admin.${run}.${i}@example.test`,
      tierId: config.tiers[i % config.tiers.length]!.id,
      balance: 0,
      referralStats: { opened: i % 5, joined: 0, qualified: 0 },
    })
    writer.set(db.doc(paths.memberNumber(memberNo)), { uid, createdAt: Timestamp.now() })
  }
  await writer.close()
  const emails: string[] = []
  for (let i = 0; i < SEARCHES; i++) {
    const email = `bench.admin.${run}.${i}@example.test`
    await auth.createUser({ uid: uids[i], email, password: 'secret-123' })
    emails.push(email)
  }
  return { uids, numbers, emails }
}

interface Kind {
  type: LedgerType
  source: LedgerSource
  reason: LedgerReason
  points: (i: number) => number
  partner: boolean
}
// A mix like a living club's: mostly purchases, then visits, redemptions, expiry, refunds.
const KINDS: Kind[] = [
  ...Array<Kind>(6).fill({ type: 'earn', source: 'purchase', reason: 'purchase', points: (i) => 10 + (i % 90), partner: true }),
  { type: 'earn', source: 'check-in', reason: 'check_in', points: () => 10, partner: true },
  { type: 'redeem', source: 'reward', reason: 'reward_redemption', points: (i) => -(100 + (i % 5) * 50), partner: true },
  { type: 'expire', source: 'expiry', reason: 'points_expired', points: (i) => -(i % 40), partner: false },
  { type: 'reversal', source: 'purchase', reason: 'purchase_refund', points: (i) => -(i % 30), partner: true },
]

/** `count` entries round-robin over the members, with createdAt over the last year; returns their points sum. */
async function seedLedger(uids: string[], count: number, tag: string, recent = false): Promise<void> {
  const writer = db.bulkWriter()
  const now = Date.now()
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length]!
    const uid = uids[i % uids.length]!
    const points = kind.points(i)
    const at = recent ? now - (i % 60) * 1000 : now - ((i * 7919) % 365) * DAY - (i % 86_400) * 1000
    writer.set(db.doc(paths.ledgerEntry(uid, `${tag}-${i}`)), {
      type: kind.type,
      category: categoryOf(kind.type, points),
      points,
      source: kind.source,
      reason: kind.reason,
      ref: null,
      partnerId: kind.partner ? partners[i % partners.length]! : null,
      by: 'bench',
      lots: [],
      note: null,
      balanceAfter: 0,
      createdAt: Timestamp.fromMillis(at),
      recordedAt: FieldValue.serverTimestamp(),
      ...(kind.type === 'reversal' ? { shortfall: i % 7 } : {}),
    })
  }
  await writer.close()
}

async function adminClient() {
  const email = `bench.admin.operator.${unique()}@example.test`
  const user = await auth.createUser({ email, password: 'secret-123' })
  await auth.setCustomUserClaims(user.uid, { role: 'admin' })
  const app = initializeApp({ apiKey: 'demo', projectId: DEMO_PROJECT_ID }, `bench-admin-${unique()}`)
  const clientAuth = getAuth(app)
  connectAuthEmulator(clientAuth, `http://${EMULATOR_HOST}:${EMULATOR_PORTS.auth}`, { disableWarnings: true })
  await signInWithEmailAndPassword(clientAuth, email, 'secret-123')
  const functions = getFunctions(app, FUNCTIONS_REGION)
  connectFunctionsEmulator(functions, EMULATOR_HOST, EMULATOR_PORTS.functions)
  return <I, R>(name: string, input: I) => httpsCallable<I, R>(functions, name)(input).then((r) => r.data)
}

async function timedRuns(runs: number, job: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await job(i)
    times.push(performance.now() - t0)
  }
  return times
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const ledgerCount = async () => (await db.collectionGroup(COLLECTIONS.ledger).count().get()).data().count

const { uids, numbers, emails } = await seedMembers()
const call = await adminClient()
let written = 0
const perEntry: { size: number; fullMs: number; fullReads: number }[] = []

// Member search through findMember (built by the members helper): number → memberNumbers/{no}
// then members/{uid}; e-mail → Auth's getUserByEmail then members/{uid}.
{
  await call('findMember', { query: numbers[0] })
  const byNumber = await timedRuns(SEARCHES, (i) => call<{ query: string }, FindMemberResult>('findMember', { query: numbers[(i * 37) % numbers.length]! }))
  const byEmail = await timedRuns(SEARCHES, (i) => call<{ query: string }, FindMemberResult>('findMember', { query: emails[i % emails.length]! }))
  const direct = await timedRuns(SEARCHES, async (i) => {
    const number = await db.doc(paths.memberNumber(numbers[(i * 37) % numbers.length]!)).get()
    await db.doc(paths.member(String(number.get('uid')))).get()
  })
  console.log(`  member search, ${MEMBERS.toLocaleString('en')} members, ${SEARCHES} searches each (findMember callable, warm worker):`)
  console.log(`    by member number: p50 ${percentile(byNumber, 50).toFixed(0)} ms, p95 ${percentile(byNumber, 95).toFixed(0)} ms (2 document reads)`)
  console.log(`    by e-mail:        p50 ${percentile(byEmail, 50).toFixed(0)} ms, p95 ${percentile(byEmail, 95).toFixed(0)} ms (an Auth lookup + 1 read)`)
  console.log(`    the number's two reads alone, Admin SDK: p50 ${percentile(direct, 50).toFixed(1)} ms`)
}

for (const size of SIZES) {
  const seeding = performance.now()
  await seedLedger(uids, size - written, `bench-${size}`)
  written = size
  const seeded = performance.now() - seeding
  const full = await refreshReports(db, config, { full: true })
  const folded = (await db.doc(paths.reportState()).get()).get('folded')
  if (folded !== (await ledgerCount())) throw new Error(`folded ${folded} of ${await ledgerCount()} entries: the figures would mean nothing`)
  await seedLedger(uids, INCREMENT, `bench-${size}-inc`, true)
  written += INCREMENT
  const incremental = await refreshReports(db, config)
  const idle = await refreshReports(db, config)
  perEntry.push({ size, fullMs: full.ms, fullReads: full.reads })
  console.log(`  at ${size.toLocaleString('en')} ledger entries (seeded in bulk in ${seconds(seeded)}, ${MEMBERS.toLocaleString('en')} members):`)
  console.log(`    full recomputation:    ${seconds(full.ms)}, ${full.reads.toLocaleString('en')} documents read, ${full.folded.toLocaleString('en')} entries folded`)
  console.log(`    incremental (+${INCREMENT}):    ${incremental.ms.toFixed(0)} ms, ${incremental.reads.toLocaleString('en')} documents read, ${incremental.folded} entries folded`)
  console.log(`    nothing new:           ${idle.ms.toFixed(0)} ms, ${idle.reads} documents read (summary aggregations and surveys)`)

  // The statement for the current month, through the callable (it folds what is new first).
  const month = monthOfEntry(new Date(), config.timeZone)
  await call<{ month: string }, Settlement>('getSettlement', { month })
  const statement = await timedRuns(5, () => call<{ month: string }, Settlement>('getSettlement', { month }))
  console.log(`    getSettlement ${month}: median ${median(statement).toFixed(0)} ms over 5 calls (callable, warm; 3 reads + an incremental refresh)`)
}

if (perEntry.length > 1) {
  const [small, large] = [perEntry[0]!, perEntry[perEntry.length - 1]!]
  const perThousand = ((large.fullMs - small.fullMs) / (large.size - small.size)) * 1000
  console.log(
    `  a full recomputation costs about ${perThousand.toFixed(0)} ms and ${((large.fullReads - small.fullReads) / ((large.size - small.size) / 1000)).toFixed(0)} reads per 1,000 entries here; ` +
      `the nightly refresh reads only the day's new entries, plus ~15 aggregation reads.`,
  )
}
process.exit()
