// Checks the ledger invariants of every member in the running emulators (npm start):
//   npm run check:invariants
import { initializeApp } from 'firebase-admin/app'
import { getFirestore } from 'firebase-admin/firestore'
import { ClubConfigSchema } from '../src/domain/club-config'
import { paths } from '../src/domain/paths'
import { DEMO_PROJECT_ID, EMULATOR_PORTS } from '../src/domain/platform'
import { checkInvariants } from './invariants'

process.env.FIRESTORE_EMULATOR_HOST ??= `127.0.0.1:${EMULATOR_PORTS.firestore}`
initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID })
const db = getFirestore()
const config = ClubConfigSchema.parse((await db.doc(paths.clubConfig()).get()).data())
const members = (await db.collection('members').select().get()).size
const violations = await checkInvariants(db, config)
for (const v of violations) console.log(`✗ ${v.uid} ${v.check}: ${v.detail}`)
console.log(`${members} members checked: ${violations.length === 0 ? 'every balance equals its ledger, lots and running balances agree' : `${violations.length} violations`}`)
process.exit(violations.length === 0 ? 0 : 1)
