// Runs one command against fresh Auth, Firestore and Functions emulators, then stops them:
//   node scripts/with-emulators.mjs <command …>
import { spawnSync } from 'node:child_process'
import { EMULATORS, FIREBASE_BIN, PROJECT_ID, ROOT, buildFunctions, firestoreEmulatorEnv } from './lib/emulators.mjs'

const command = process.argv.slice(2)
if (command.length === 0) {
  console.error('usage: node scripts/with-emulators.mjs <command …>')
  process.exit(2)
}
buildFunctions()
// One argument is taken as a shell command line; several are quoted word by word.
const line =
  command.length === 1
    ? command[0]
    : command.map((arg) => (/^[\w@./:=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ')
const result = spawnSync(
  FIREBASE_BIN,
  ['emulators:exec', '--only', EMULATORS, '--project', PROJECT_ID, line],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...firestoreEmulatorEnv() } },
)
process.exit(result.status ?? 1)
