// The Admin SDK pointed at the local emulators, for the seed, the benchmarks, the invariant check
// and the tests. It never talks to a real project: the emulator hosts are set here, not taken
// from the shell.
import { getApps, initializeApp } from 'firebase-admin/app'
import { getAuth } from 'firebase-admin/auth'
import { getFirestore } from 'firebase-admin/firestore'
import { DEMO_PROJECT_ID, EMULATOR_PORTS } from '../../src/domain/shared/platform'

export const EMULATOR_HOST = '127.0.0.1'

export function useEmulatorEnvironment(): void {
  process.env.GCLOUD_PROJECT = DEMO_PROJECT_ID
  // No Google metadata server here: say so, instead of letting the auth library probe for one.
  process.env.METADATA_SERVER_DETECTION = 'none'
  process.env.FIRESTORE_EMULATOR_HOST = `${EMULATOR_HOST}:${EMULATOR_PORTS.firestore}`
  process.env.FIREBASE_AUTH_EMULATOR_HOST = `${EMULATOR_HOST}:${EMULATOR_PORTS.auth}`
}

export function emulatorAdmin() {
  useEmulatorEnvironment()
  const app = getApps()[0] ?? initializeApp({ projectId: DEMO_PROJECT_ID })
  return { db: getFirestore(app), auth: getAuth(app) }
}
