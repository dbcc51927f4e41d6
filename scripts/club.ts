// The club's configuration as a versioned file, against the local emulators:
//   npm run club -- export > club.json     every live item, keys in a stable order
//   npm run club -- import club.json       checks the whole file first; writes nothing if anything is wrong
// FIRESTORE_EMULATOR_HOST picks the emulator (default 127.0.0.1:8080, the one `npm start` runs).
import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { basename } from 'node:path'
import { getApps, initializeApp } from 'firebase-admin/app'
import { getFirestore } from 'firebase-admin/firestore'
import { DEMO_PROJECT_ID } from '../src/domain/shared/platform'
import { useEmulatorEnvironment } from './lib/emulator-admin'
import { exportClub, importClub } from './lib/club-io'

const USAGE = 'usage: npm run club -- export > club.json\n       npm run club -- import club.json'

const [command, file] = process.argv.slice(2)
if ((command !== 'export' && command !== 'import') || (command === 'import' && !file)) {
  console.error(USAGE)
  process.exit(2)
}

// Never a real project: the emulator environment as the seed sets it, with a host given in the
// shell taking the place of the default one (before Firestore starts, which reads it once).
const requestedHost = process.env.FIRESTORE_EMULATOR_HOST
useEmulatorEnvironment()
if (requestedHost) process.env.FIRESTORE_EMULATOR_HOST = requestedHost
const host = process.env.FIRESTORE_EMULATOR_HOST!
const db = getFirestore(getApps()[0] ?? initializeApp({ projectId: DEMO_PROJECT_ID }))

try {
  await fetch(`http://${host}/`, { signal: AbortSignal.timeout(3000) })
} catch {
  console.error(`No Firestore emulator is reachable at ${host}. Start one with \`npm start\` (or set FIRESTORE_EMULATOR_HOST), then run this again.`)
  process.exit(3)
}

if (command === 'export') {
  const { text, notes } = await exportClub(db)
  process.stdout.write(text)
  for (const note of notes) console.error(`note: ${note}`)
  process.exit(0)
}

let text: string
try {
  text = readFileSync(file!, 'utf8')
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`)
  process.exit(2)
}
const outcome = await importClub(db, text, basename(file!), `club-cli:${userInfo().username}`).catch((error: { code?: unknown; message?: string }) => {
  // gRPC 9 / 6: a version document changed or appeared after the check (a publish landed meanwhile).
  if (error.code === 9 || error.code === 6) {
    console.error('The live configuration changed while importing (a publish landed meanwhile); that batch wrote nothing. Export again to see it, then import.')
    process.exit(1)
  }
  throw error
})
if (outcome.problems.length > 0) {
  for (const problem of outcome.problems) console.error(problem)
  console.error(`\n${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'}: nothing was imported.`)
  process.exit(1)
}
for (const item of outcome.changed) console.log(`published ${item.kind} "${item.id}" (version ${item.version})`)
console.log(`${outcome.changed.length} changed, ${outcome.unchanged} unchanged${outcome.batches > 1 ? `, in ${outcome.batches} batches` : ''}.`)
if (outcome.untouched.length > 0) {
  console.log(`Not in the file, kept as they are (an import never deletes): ${outcome.untouched.map((i) => `${i.kind} "${i.id}"`).join(', ')}`)
}
process.exit(0)
