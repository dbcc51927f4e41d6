// Seeds the demo club into the local emulators (never a real project):
//   tsx scripts/seed.ts [--if-empty]
import { paths } from '../src/domain/paths'
import { emulatorAdmin } from './lib/emulator-admin'
import { demoAccounts, seedDemoClub, type SeededAccount } from './seed-club'

const { db, auth } = emulatorAdmin()

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
