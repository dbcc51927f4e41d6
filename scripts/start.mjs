// `npm start`: functions build (and rebuild on change), the Auth, Firestore and Functions
// emulators with the demo club, and the app at http://localhost:5173. Ctrl-C stops it all and
// keeps the data in .emulator-data for next time; `npm run reset` starts from a fresh demo club.
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { EMULATORS, FIREBASE_BIN, PROJECT_ID, ROOT, buildFunctions, firestoreEmulatorEnv } from './lib/emulators.mjs'

const started = Date.now()
const DATA_DIR = join(ROOT, '.emulator-data')
const LOG = join(ROOT, '.cache', 'emulators.log')
const bin = (name) => join(ROOT, 'node_modules', '.bin', name)
const children = new Set()
let stopping = false

if (process.argv.includes('--reset')) {
  rmSync(DATA_DIR, { recursive: true, force: true })
  console.log('Removed the saved emulator data; the demo club will be seeded afresh.')
}

function run(command, args, options = {}) {
  // A process group of its own, so one Ctrl-C reaches each child once, through us.
  const child = spawn(command, args, { cwd: ROOT, detached: true, ...options })
  children.add(child)
  child.on('exit', (code, signal) => {
    children.delete(child)
    if (!stopping) {
      console.error(`\n${command.split('/').pop()} stopped unexpectedly (${signal ?? `exit ${code}`}); see ${LOG}`)
      void stop(1)
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0)
    }
  })
  return child
}

async function stop(code = 0) {
  if (stopping) return
  stopping = true
  process.exitCode = code
  console.log('\nStopping… (the emulators save the demo data first)')
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGINT')
    } catch {
      // already gone
    }
  }
  // firebase-tools exports its data before it exits; give it time, then make sure.
  setTimeout(() => {
    for (const child of children) {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    process.exit(code)
  }, 30_000).unref()
}

process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

function waitFor(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let buffer = ''
    const onData = (chunk) => {
      buffer = (buffer + chunk).slice(-4000)
      if (pattern.test(buffer)) {
        child.stdout.off('data', onData)
        resolve()
      }
    }
    child.stdout.on('data', onData)
    child.once('exit', () => reject(new Error(`${what} exited before it was ready; see ${LOG}`)))
  })
}

mkdirSync(join(ROOT, '.cache'), { recursive: true })
const log = createWriteStream(LOG)

buildFunctions()
const watcher = run(process.execPath, ['build.mjs', '--watch'], { cwd: join(ROOT, 'functions'), stdio: ['ignore', 'pipe', 'pipe'] })
watcher.stdout.pipe(log, { end: false })
watcher.stderr.pipe(process.stderr)

const firebaseArgs = ['emulators:start', '--only', EMULATORS, '--project', PROJECT_ID, '--export-on-exit', DATA_DIR]
if (existsSync(DATA_DIR)) firebaseArgs.push('--import', DATA_DIR)
console.log(`Starting the Firebase emulators (${EMULATORS}); log: ${LOG}`)
const emulators = run(FIREBASE_BIN, firebaseArgs, {
  env: { ...process.env, ...firestoreEmulatorEnv() },
  stdio: ['ignore', 'pipe', 'pipe'],
})
emulators.stdout.pipe(log, { end: false })
emulators.stderr.pipe(log, { end: false })
// Errors and the functions' own warnings are worth seeing in the terminal.
emulators.stdout.on('data', (chunk) => {
  for (const line of String(chunk).split('\n')) {
    if (/(^|\s)(Error|error:|⚠ {2}functions)/.test(line) && !/Java version|MOTD/.test(line)) console.log(line)
  }
})

try {
  await waitFor(emulators, /All emulators ready/, 'firebase emulators')
} catch (error) {
  console.error(String(error.message ?? error))
  await stop(1)
}
if (stopping) await new Promise(() => {})

const seed = spawn(bin('tsx'), ['scripts/seed.ts', '--if-empty'], { cwd: ROOT, stdio: 'inherit' })
const seeded = await new Promise((resolve) => seed.on('exit', (code) => resolve(code === 0)))
if (!seeded) {
  console.error('Seeding the demo club failed.')
  await stop(1)
  await new Promise(() => {})
}

const vite = run(bin('vite'), ['--mode', 'emulator', '--port', '5173', '--strictPort'], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
vite.stdout.pipe(log, { end: false })
await waitFor(vite, /ready in|Local:/, 'vite')

const seconds = ((Date.now() - started) / 1000).toFixed(1)
console.log(`
Moadon is running (ready in ${seconds} s):
  App        http://localhost:5173
  Emulators  Auth 127.0.0.1:9099 · Firestore 127.0.0.1:8080 · Functions 127.0.0.1:5001 (project ${PROJECT_ID})
Ctrl-C stops everything and keeps the data; \`npm run reset\` starts over with a fresh demo club.`)
