// Checks the ledger invariants of every member in the running emulators (npm start):
//   npm run check:invariants
import { ClubConfigSchema } from '../src/domain/shared/club-config'
import { paths } from '../src/domain/shared/paths'
import { checkInvariants } from './invariants'
import { emulatorAdmin } from './lib/emulator-admin'

const { db } = emulatorAdmin()
const config = ClubConfigSchema.parse((await db.doc(paths.clubConfig()).get()).data())
const members = (await db.collection('members').select().get()).size
const violations = await checkInvariants(db, config)
for (const v of violations) console.log(`✗ ${v.uid} ${v.check}: ${v.detail}`)
console.log(`${members} members checked: ${violations.length === 0 ? 'every balance equals its ledger, lots and running balances agree' : `${violations.length} violations`}`)
process.exit(violations.length === 0 ? 0 : 1)
