import { initializeApp } from 'firebase/app'
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth } from 'firebase/auth'
import {
  clearIndexedDbPersistence,
  connectFirestoreEmulator,
  initializeFirestore,
  memoryLocalCache,
  persistentLocalCache,
  persistentMultipleTabManager,
  terminate,
} from 'firebase/firestore'
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '@/domain/shared/platform'

const env = import.meta.env
const useEmulators = env.VITE_USE_EMULATORS === 'true'

export const firebaseApp = initializeApp({
  apiKey: env.VITE_FIREBASE_API_KEY ?? 'demo-api-key',
  authDomain: env.VITE_FIREBASE_AUTH_DOMAIN,
  projectId: env.VITE_FIREBASE_PROJECT_ID ?? DEMO_PROJECT_ID,
  appId: env.VITE_FIREBASE_APP_ID,
  storageBucket: env.VITE_FIREBASE_STORAGE_BUCKET,
  messagingSenderId: env.VITE_FIREBASE_MESSAGING_SENDER_ID,
})

// initializeAuth with explicit persistence keeps the popup/redirect code out of the bundle.
export const auth = initializeAuth(firebaseApp, {
  persistence: [indexedDBLocalPersistence, browserLocalPersistence],
})

// The persistent cache (shared by open tabs) lets history and the directory open offline. Where
// IndexedDB is missing, memory it is; where it exists but fails (some private modes), the SDK
// itself falls back to memory and the app still works online.
export const db = initializeFirestore(firebaseApp, {
  localCache:
    typeof indexedDB === 'undefined'
      ? memoryLocalCache()
      : persistentLocalCache({ tabManager: persistentMultipleTabManager() }),
})

export const functions = getFunctions(firebaseApp, FUNCTIONS_REGION)

if (useEmulators) {
  const host = '127.0.0.1'
  connectAuthEmulator(auth, `http://${host}:${EMULATOR_PORTS.auth}`, { disableWarnings: true })
  connectFirestoreEmulator(db, host, EMULATOR_PORTS.firestore)
  connectFunctionsEmulator(functions, host, EMULATOR_PORTS.functions)
}

/**
 * Deletes Firestore's offline copy (members, ledger, coupons) from IndexedDB on sign-out. The
 * instance must be shut down first (the SDK refuses with `failed-precondition` otherwise, which
 * the awaited terminate rules out), so the app reloads afterwards. Other open tabs of the app do
 * not stop it: the multi-tab SDK shuts their Firestore down when one tab deletes the database.
 * Any failure reaches the caller: a sign-out must not look done while the copy is still there.
 */
export async function clearCachedData(): Promise<void> {
  await terminate(db)
  await clearIndexedDbPersistence(db)
}
