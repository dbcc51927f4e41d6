// `npm run bench:ledger`: points throughput and latency on the local emulators, and how fast the
// history's first page opens for a member with 10 and with 10,000 entries. Prints figures only.
import { Timestamp } from 'firebase-admin/firestore'
import { initializeApp } from 'firebase/app'
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth'
import { collection, connectFirestoreEmulator, getDocs, getFirestore, limit, orderBy, query, terminate } from 'firebase/firestore'
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../src/domain/shared/platform'
import { paths } from '../src/domain/shared/paths'
import { joinMember } from '../functions/src/members/join-member'
import { recordPurchase } from '../functions/src/purchases/record'
import { setUpStaffAccount } from '../functions/src/admin/staff/accounts'
import { demoPartners } from './demo-club'
import { emulatorAdmin } from './lib/emulator-admin'
import { seedClubData } from './seed-club'

const { db, auth: adminAuth } = emulatorAdmin()
const config = await seedClubData(db)
const partner = demoPartners.find((p) => p.id === 'super-hashchuna')!
let counter = 0
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await task()
  return performance.now() - started
}

function report(label: string, latencies: number[], wallMs: number) {
  const rate = (latencies.length / wallMs) * 1000
  console.log(
    `  ${label.padEnd(58)} ${rate.toFixed(1).padStart(7)} awards/s   p50 ${percentile(latencies, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(latencies, 95).toFixed(0).padStart(5)} ms`,
  )
}

async function newMember(): Promise<string> {
  const uid = `bench-${unique()}`
  await joinMember(db, {
    uid,
    email: null,
    input: { name: 'Bench Member', birthday: null, interests: [], language: 'en', marketingConsent: false, referralCode: null },
    config,
    now: new Date(),
    random: Math.random,
  })
  return uid
}

const award = (uid: string) =>
  recordPurchase(db, {
    uid,
    partner,
    amount: Math.round(1000 + Math.random() * 9000) / 100,
    receiptId: unique(),
    // One staff account per purchase: this measures the ledger, not the tills' daily limits.
    staff: { uid: `bench-${unique()}`, email: null, memberUid: null, tillId: 'bench-till-0001' },
    config,
  })

async function parallelMembers(members: number, perMember: number) {
  const uids = await Promise.all(Array.from({ length: members }, newMember))
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    uids.map(async (uid) => {
      for (let i = 0; i < perMember; i++) latencies.push(await timed(() => award(uid)))
    }),
  )
  report(`${members} members × ${perMember} purchases, members in parallel`, latencies, performance.now() - started)
}

async function contention(parallel: number) {
  const uid = await newMember()
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(Array.from({ length: parallel }, async () => latencies.push(await timed(() => award(uid)))))
  report(`1 member hit by ${parallel} parallel purchases (contention)`, latencies, performance.now() - started)
}

/** A signed-in staff device: its own staff account, as at a real till (limits are per account). */
async function staffDevice() {
  const email = `bench.staff.${unique()}@example.test`
  const staff = await adminAuth.createUser({ email, password: 'secret-123' })
  await setUpStaffAccount(db, adminAuth, { uid: staff.uid, email, partnerId: partner.id, grantedBy: 'bench' })
  const app = initializeApp({ apiKey: 'demo', projectId: DEMO_PROJECT_ID }, `bench-${unique()}`)
  const auth = getAuth(app)
  connectAuthEmulator(auth, `http://127.0.0.1:${EMULATOR_PORTS.auth}`, { disableWarnings: true })
  await signInWithEmailAndPassword(auth, email, 'secret-123')
  const functions = getFunctions(app, FUNCTIONS_REGION)
  connectFunctionsEmulator(functions, '127.0.0.1', EMULATOR_PORTS.functions)
  return httpsCallable(functions, 'recordPurchase')
}

async function callables(members: number, perMember: number) {
  const uids = await Promise.all(Array.from({ length: members }, newMember))
  const numbers = await Promise.all(uids.map(async (uid) => String((await db.doc(paths.member(uid)).get()).get('memberNo'))))
  const devices = await Promise.all(numbers.map(() => staffDevice()))
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    numbers.map(async (memberNo, d) => {
      const input = () => ({ memberNo, typedReason: 'qr-unreadable', amount: 25, receiptId: unique(), tillId: `bench-till-${d}-0001` })
      for (let i = 0; i < perMember; i++) latencies.push(await timed(() => devices[d]!(input())))
    }),
  )
  report(`recordPurchase callable: ${members} staff devices × ${perMember}`, latencies, performance.now() - started)
}

/** A member with `count` entries (written directly: this measures reading, not writing). */
async function memberWithHistory(count: number) {
  const email = `bench.history.${count}.${unique()}@example.test`
  const user = await adminAuth.createUser({ email, password: 'secret-123' })
  await db.doc(paths.member(user.uid)).set({ uid: user.uid, name: 'History', balance: count })
  const writer = db.bulkWriter()
  const start = Date.now() - count * 60_000
  for (let i = 0; i < count; i++) {
    writer.set(db.doc(paths.ledgerEntry(user.uid, `e${String(i).padStart(6, '0')}`)), {
      type: 'earn',
      category: 'earned',
      points: 1,
      source: 'purchase',
      reason: 'purchase',
      balanceAfter: i + 1,
      createdAt: Timestamp.fromMillis(start + i * 60_000),
    })
  }
  await writer.close()
  return email
}

async function historyFirstPage(count: number) {
  const email = await memberWithHistory(count)
  const app = initializeApp({ apiKey: 'demo', projectId: DEMO_PROJECT_ID }, `history-${unique()}`)
  const auth = getAuth(app)
  connectAuthEmulator(auth, `http://127.0.0.1:${EMULATOR_PORTS.auth}`, { disableWarnings: true })
  const { user } = await signInWithEmailAndPassword(auth, email, 'secret-123')
  const firestore = getFirestore(app)
  connectFirestoreEmulator(firestore, '127.0.0.1', EMULATOR_PORTS.firestore)
  const page = query(collection(firestore, paths.ledger(user.uid)), orderBy('createdAt', 'desc'), limit(25))
  const times: number[] = []
  for (let i = 0; i < 7; i++) times.push(await timed(() => getDocs(page)))
  await terminate(firestore)
  // The first read pays for the connection; the median of the rest is the page time.
  console.log(
    `  history first page (25 entries, as the member, rules on) at ${String(count).padStart(6)} entries: first ${times[0]!.toFixed(0)} ms, median of next 6 ${percentile(times.slice(1), 50).toFixed(0)} ms`,
  )
}

console.log('bench:ledger — Firestore emulator on this machine; figures, not assertions')
await parallelMembers(20, 10)
await contention(20)
await callables(10, 5)
await historyFirstPage(10)
await historyFirstPage(10_000)
process.exit(0)
