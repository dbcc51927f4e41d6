// Seeds the demo club into the local emulators (never a real project):
//   tsx scripts/seed.ts [--if-empty]
import { initializeApp } from 'firebase-admin/app'
import { getAuth } from 'firebase-admin/auth'
import { getFirestore } from 'firebase-admin/firestore'
import { DEMO_PROJECT_ID, EMULATOR_PORTS } from '../src/domain/platform'
import { paths } from '../src/domain/paths'
import { demoAccounts, seedDemoClub, type SeededAccount } from './seed-club'

// Point the Admin SDK at the emulators before it initialises, whatever the shell had set.
process.env.GCLOUD_PROJECT = DEMO_PROJECT_ID
// No Google metadata server here: say so, instead of letting the auth library probe for one.
process.env.METADATA_SERVER_DETECTION = 'none'
process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${EMULATOR_PORTS.firestore}`
process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${EMULATOR_PORTS.auth}`

initializeApp({ projectId: DEMO_PROJECT_ID })
const db = getFirestore()
const auth = getAuth()

const ifEmpty = process.argv.includes('--if-empty')
const seeded = (await db.doc(paths.clubConfig()).get()).exists
let accounts: SeededAccount[]
if (ifEmpty && seeded) {
  console.log('Demo club already in the emulators (kept from the last run; `npm run reset` starts over).')
  accounts = demoAccounts()
} else {
  const started = Date.now()
  accounts = await seedDemoClub(db, auth)
  console.log(`Seeded the demo club in ${Date.now() - started} ms.`)
}

const width = Math.max(...accounts.map((a) => a.email.length))
console.log('\nDemo sign-ins (password for all: ' + accounts[0]?.password + ')')
for (const account of accounts) {
  console.log(`  ${account.role.padEnd(6)}  ${account.email.padEnd(width)}  ${account.label}`)
}
process.exit(0)
