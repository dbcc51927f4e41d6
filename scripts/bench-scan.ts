// `npm run bench:scan`: card-code verification throughput, and recordPurchase latency on the
// emulators for 1 and for 50 staff devices at once. Prints figures only.
import { initializeApp } from 'firebase/app'
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth'
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions'
import { createCardToken, parseCardToken, verifyCardToken } from '../src/domain/cards/card-token'
import { fromBase64 } from '../src/domain/shared/crypto'
import { generateMemberNumber } from '../src/domain/cards/member-number'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../src/domain/shared/platform'
import { getOrCreateCardKey } from '../functions/src/cards/card-keys'
import { joinMember } from '../functions/src/members/join-member'
import { setUpStaffAccount } from '../functions/src/admin/staff/accounts'
import { EMULATOR_HOST, emulatorAdmin } from './lib/emulator-admin'
import { seedClubData } from './seed-club'

const { db, auth } = emulatorAdmin()
const config = await seedClubData(db)
let counter = 0
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0

console.log('bench:scan — figures, not assertions')

// 1. Verification alone (the domain code the server runs for every scan).
{
  const key = crypto.getRandomValues(new Uint8Array(32))
  const token = parseCardToken(await createCardToken(key, generateMemberNumber(Math.random), Date.now()))!
  const n = 20_000
  const started = performance.now()
  for (let i = 0; i < n; i++) await verifyCardToken(token, key, Date.now())
  const ms = performance.now() - started
  console.log(`  card-code verification (HMAC-SHA256, WebCrypto): ${((n / ms) * 1000).toFixed(0)} verifications/s (${((ms * 1000) / n).toFixed(1)} µs each)`)
}

// 2. recordPurchase through the Functions emulator, from 1 and from 50 staff devices at once.
const email = `bench.scan.${unique()}@example.test`
const staff = await auth.createUser({ email, password: 'secret-123' })
await setUpStaffAccount(db, auth, { uid: staff.uid, email, partnerId: 'cafe-shachar', grantedBy: 'bench' })

async function device() {
  const app = initializeApp({ apiKey: 'demo', projectId: DEMO_PROJECT_ID }, `till-${unique()}`)
  const a = getAuth(app)
  connectAuthEmulator(a, `http://${EMULATOR_HOST}:${EMULATOR_PORTS.auth}`, { disableWarnings: true })
  await signInWithEmailAndPassword(a, email, 'secret-123')
  const functions = getFunctions(app, FUNCTIONS_REGION)
  connectFunctionsEmulator(functions, EMULATOR_HOST, EMULATOR_PORTS.functions)
  return httpsCallable(functions, 'recordPurchase')
}

async function member() {
  const uid = `scan-${unique()}`
  const joined = await joinMember(db, {
    uid,
    email: null,
    input: { name: 'Scan Bench', birthday: null, interests: [], language: 'en', marketingConsent: false, referralCode: null },
    config,
    now: new Date(),
    random: Math.random,
  })
  const { key } = await getOrCreateCardKey(db, uid)
  return { memberNo: joined.memberNo, key: fromBase64(key) }
}

async function run(devices: number, perDevice: number) {
  const tills = await Promise.all(Array.from({ length: devices }, device))
  // A card code is good for one purchase: every purchase here is another member at the till.
  const members = await Promise.all(Array.from({ length: devices * perDevice }, member))
  // Warm the function's worker once, so the figures are about scans, not the emulator's start.
  await tills[0]!({ memberNo: members[0]!.memberNo, typedReason: 'qr-unreadable', amount: 1, receiptId: unique(), tillId: 'bench-till-0001' })
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    tills.map(async (call, i) => {
      for (let k = 0; k < perDevice; k++) {
        const m = members[i * perDevice + k]!
        const token = await createCardToken(m.key, m.memberNo, Date.now())
        const t0 = performance.now()
        await call({ token, amount: 20, receiptId: unique(), tillId: `bench-till-${i}-0001` })
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const wall = performance.now() - started
  console.log(
    `  recordPurchase with a card code, ${String(devices).padStart(2)} staff device(s) × ${perDevice}: ${((latencies.length / wall) * 1000).toFixed(1)} purchases/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
  )
}

await run(1, 20)
await run(50, 4)
process.exit(0)
