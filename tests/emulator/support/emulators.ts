// Helpers for tests that run against the local emulators (started by scripts/with-emulators.mjs).
import { deleteApp, getApps as getAdminApps } from 'firebase-admin/app'
import { initializeApp, type FirebaseApp } from 'firebase/app'
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth, signInWithEmailAndPassword } from 'firebase/auth'
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../../../src/domain/shared/platform'
import { EMULATOR_HOST as HOST, emulatorAdmin, useEmulatorEnvironment } from '../../../scripts/lib/emulator-admin'
import { setUpStaffAccount } from '../../../functions/src/admin/staff/accounts'

// Before any test module initialises the Admin SDK.
useEmulatorEnvironment()

export const admin = emulatorAdmin

export async function closeAdmin(): Promise<void> {
  await Promise.all(getAdminApps().map((app) => deleteApp(app)))
}

const CLEAR_ATTEMPTS = 30

/**
 * Empties Firestore and Auth for the next test file. In CI a reset was refused for some seconds
 * while the previous file's triggers (inbox messages, a club-news fan-out) were still running and
 * the Functions emulator was restarting a worker, failing every file in that window; a refusal
 * is retried for up to 30 seconds before it counts, and the error then says what was answered.
 */
export async function clearEmulators(projectId = DEMO_PROJECT_ID): Promise<void> {
  const targets = [
    `http://${HOST}:${EMULATOR_PORTS.firestore}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
    `http://${HOST}:${EMULATOR_PORTS.auth}/emulator/v1/projects/${projectId}/accounts`,
  ]
  let refusal = ''
  for (let attempt = 1; attempt <= CLEAR_ATTEMPTS; attempt++) {
    const answers = await Promise.all(targets.map((url) => fetch(url, { method: 'DELETE' }).catch((error: unknown) => String(error))))
    const failed = answers.filter((answer) => typeof answer === 'string' || !answer.ok)
    if (failed.length === 0) return
    refusal = (await Promise.all(failed.map(async (answer) => (typeof answer === 'string' ? answer : `${answer.status} ${await answer.text()}`)))).join('; ')
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`could not clear the emulators after ${CLEAR_ATTEMPTS} tries: ${refusal.slice(0, 300)}`)
}

let clients = 0

/** A fresh web-SDK client, as the app would be: signed up as a new user, signed in, or anonymous. */
export async function newClient(options: { signUp?: boolean; signIn?: { email: string; password: string } } = { signUp: true }) {
  const app: FirebaseApp = initializeApp(
    { apiKey: 'demo-api-key', projectId: DEMO_PROJECT_ID, appId: 'test' },
    `client-${++clients}-${Date.now()}`,
  )
  const auth = getAuth(app)
  connectAuthEmulator(auth, `http://${HOST}:${EMULATOR_PORTS.auth}`, { disableWarnings: true })
  const functions = getFunctions(app, FUNCTIONS_REGION)
  connectFunctionsEmulator(functions, HOST, EMULATOR_PORTS.functions)
  let uid: string | null = null
  let email = `member${clients}.${Date.now()}@example.test`
  if (options.signIn) {
    email = options.signIn.email
    uid = (await signInWithEmailAndPassword(auth, email, options.signIn.password)).user.uid
  } else if (options.signUp !== false) {
    uid = (await createUserWithEmailAndPassword(auth, email, 'secret-123')).user.uid
  }
  return {
    app,
    uid,
    email,
    call: <I, O = unknown>(name: string, data: I) => httpsCallable<I, O>(functions, name)(data).then((r) => r.data),
  }
}

/** The error code a callable failed with, e.g. `functions/invalid-argument`. */
export async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return String((error as { code?: string }).code)
  }
  throw new Error('expected the call to fail, and it succeeded')
}

/**
 * Makes an existing account staff of a store the way `grantStaff` does: the server's record
 * (`staffAccounts/{uid}`, which every staff call reads) and the claims. Claims alone are not staff.
 */
export async function makeStaff(uid: string, partnerId: string, options: { email?: string | null; memberUid?: string } = {}) {
  const { db, auth } = admin()
  const email = options.email !== undefined ? options.email : ((await auth.getUser(uid)).email ?? null)
  await setUpStaffAccount(db, auth, { uid, email, partnerId, memberUid: options.memberUid ?? null, grantedBy: 'test' })
}

/** A staff or operator account with its custom claims, signed in as a web client. */
export async function roleClient(claims: { role: 'staff'; partnerId: string } | { role: 'admin' }) {
  const email = `${claims.role}.${++clients}.${Date.now()}@example.test`
  const user = await admin().auth.createUser({ email, password: 'secret-123' })
  if (claims.role === 'staff') await makeStaff(user.uid, claims.partnerId, { email })
  else await admin().auth.setCustomUserClaims(user.uid, claims)
  return newClient({ signIn: { email, password: 'secret-123' } })
}
