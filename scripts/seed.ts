// Seeds the demo club into the local emulators (never a real project):
//   tsx scripts/seed.ts [--if-empty]
import { paths } from '../src/domain/shared/paths'
import { posterCodeFor } from '../functions/src/partners/poster-key'
import { demoPartners } from './demo-club'
import { LATTE_EVENT_ID, ONLINE_EVENT_ID } from './demo-events'
import { DEMO_HUNT_ANSWERS, demoHunt } from './demo-hunt'
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
console.log('\nStaff sign in at http://localhost:5173/sign-in and land on the till (/staff).')
console.log('Visit codes (members scan them with the app or the phone camera):')
for (const partner of demoPartners) {
  if (partner.visitCode.mode === 'screen') {
    // The rotating code is signed on the counter device, which only that store's staff may open.
    console.log(`  ${partner.name.en.padEnd(22)} counter screen: sign in as staff.${partner.id}@moadon.test, open http://localhost:5173/counter`)
    continue
  }
  const code = await posterCodeFor(db, partner.id)
  const name = encodeURIComponent(partner.name.he + ' · ' + partner.name.en)
  console.log(`  ${partner.name.en.padEnd(22)} poster (needs the location): http://localhost:5173/poster/${partner.id}?c=${encodeURIComponent(code)}&name=${name}`)
}
console.log('\nEvents (members RSVP at http://localhost:5173/community/events; the door screen shows the rotating check-in code):')
console.log(`  Latte art workshop     door screen: sign in as staff.cafe-shachar@moadon.test or admin, open http://localhost:5173/community/events/${LATTE_EVENT_ID}/door`)
console.log(`  Online talk            door screen: sign in as admin@moadon.test, open http://localhost:5173/community/events/${ONLINE_EVENT_ID}/door`)
const hunt = demoHunt()
console.log(`\nTreasure hunt "${hunt.title.en}": http://localhost:5173/earn/hunt/${hunt.id} (open for 60 days from seeding)`)
console.log('Its answers (any case, spacing or niqqud is fine):')
for (const [index, clue] of hunt.clues.entries()) {
  const partner = demoPartners.find((p) => p.id === clue.partnerId)
  const answer =
    clue.answer === 'daily'
      ? `today's code on the counter screen (staff.${clue.partnerId}@moadon.test, /counter)`
      : `${DEMO_HUNT_ANSWERS[index]} (printed at the store)`
  console.log(`  ${index + 1}. ${(partner?.name.en ?? clue.place).padEnd(22)} ${answer}`)
}
process.exit(0)
