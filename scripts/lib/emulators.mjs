// Shared by `npm start` and `npm test`: how to run the Firebase emulators on this kind of machine.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const PROJECT_ID = 'demo-moadon'
export const EMULATORS = 'auth,firestore,functions'
export const FIREBASE_BIN = join(ROOT, 'node_modules', '.bin', 'firebase')
const CACHE = join(ROOT, '.cache')

// Where Debian's google-cloud-cli-firestore-emulator package puts the emulator jar.
const DEBIAN_JAR_CANDIDATES = [
  '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar',
  '/usr/share/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar',
]

function findDebianFirestoreJar() {
  const known = DEBIAN_JAR_CANDIDATES.find((path) => existsSync(path))
  if (known) return known
  const listed = spawnSync('dpkg', ['-L', 'google-cloud-cli-firestore-emulator'], { encoding: 'utf8' })
  if (listed.status !== 0) return null
  return listed.stdout.split('\n').find((line) => line.endsWith('/cloud-firestore-emulator.jar')) ?? null
}

/**
 * The Debian jar has no Main-Class, and firebase-tools runs `java -jar <binary>`. A launcher jar
 * whose manifest names the main class and puts the real jar on the class path bridges the two.
 * Where no Debian jar exists, firebase-tools downloads its own jar as usual.
 */
export function firestoreEmulatorEnv() {
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) return {}
  const jar = findDebianFirestoreJar()
  if (!jar) return {}
  const launcher = join(CACHE, 'firestore-emulator-launcher.jar')
  if (!existsSync(launcher)) {
    mkdirSync(CACHE, { recursive: true })
    const manifest = join(CACHE, 'firestore-emulator-MANIFEST.MF')
    writeFileSync(
      manifest,
      'Manifest-Version: 1.0\n' +
        'Main-Class: com.google.cloud.datastore.emulator.firestore.CloudFirestore\n' +
        `Class-Path: file:${jar}\n`,
    )
    execFileSync('jar', ['cfm', launcher, manifest], { stdio: 'inherit' })
  }
  return { FIRESTORE_EMULATOR_BINARY_PATH: launcher }
}

/** Environment for processes that talk to the emulators through the Admin SDK. */
export const ADMIN_EMULATOR_ENV = {
  GCLOUD_PROJECT: PROJECT_ID,
  FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080',
  FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099',
}

export function buildFunctions() {
  execFileSync(process.execPath, ['build.mjs'], { cwd: join(ROOT, 'functions'), stdio: 'inherit' })
}
