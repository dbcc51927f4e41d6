// What the benchmarks share: members who joined through the server's join code, each signed in
// on their own web client (Auth, Firestore and Functions on the emulators), and percentiles.
import { initializeApp, type FirebaseApp } from 'firebase/app'
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth'
import { connectFirestoreEmulator, getFirestore, type Firestore as WebFirestore } from 'firebase/firestore'
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions'
import type { Auth } from 'firebase-admin/auth'
import type { Firestore } from 'firebase-admin/firestore'
import type { ClubConfig } from '../../src/domain/shared/club-config'
import type { Locale } from '../../src/domain/shared/locale'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../../src/domain/shared/platform'
import { joinMember } from '../../functions/src/members/join-member'
import { EMULATOR_HOST } from './emulator-admin'

const PASSWORD = 'secret-123'
let counter = 0

/** An id no other run or call shares. */
export const unique = (): string => `${Date.now().toString(36)}${(++counter).toString(36)}`

export const percentile = (values: readonly number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0

export const median = (values: readonly number[]): number => percentile(values, 50)

export interface BenchMember {
  uid: string
  name: string
  email: string
  password: string
  app: FirebaseApp
  firestore: () => WebFirestore
  call: <I, R>(name: string, input: I) => Promise<R>
}

/** A member who joined (`joinedAt`, default now) through the server's join code, signed in on their own client. */
export async function benchMember(
  admin: { db: Firestore; auth: Auth },
  config: ClubConfig,
  options: { name: string; language?: Locale; joinedAt?: Date; prefix?: string },
): Promise<BenchMember> {
  const email = `${options.prefix ?? 'bench'}.${unique()}@example.test`
  const user = await admin.auth.createUser({ email, password: PASSWORD })
  await joinMember(admin.db, {
    uid: user.uid,
    email,
    input: { name: options.name, birthday: null, interests: ['coffee'], language: options.language ?? 'en', marketingConsent: false, referralCode: null },
    config,
    now: options.joinedAt ?? new Date(),
    random: Math.random,
  })
  const app = initializeApp({ apiKey: 'demo', projectId: DEMO_PROJECT_ID }, `bench-${unique()}`)
  const auth = getAuth(app)
  connectAuthEmulator(auth, `http://${EMULATOR_HOST}:${EMULATOR_PORTS.auth}`, { disableWarnings: true })
  await signInWithEmailAndPassword(auth, email, PASSWORD)
  const functions = getFunctions(app, FUNCTIONS_REGION)
  connectFunctionsEmulator(functions, EMULATOR_HOST, EMULATOR_PORTS.functions)
  let firestore: WebFirestore | null = null
  return {
    uid: user.uid,
    name: options.name,
    email,
    password: PASSWORD,
    app,
    firestore: () => {
      if (!firestore) {
        firestore = getFirestore(app)
        connectFirestoreEmulator(firestore, EMULATOR_HOST, EMULATOR_PORTS.firestore)
      }
      return firestore
    },
    call: async <I, R>(callable: string, input: I) => (await httpsCallable<I, R>(functions, callable)(input)).data,
  }
}
