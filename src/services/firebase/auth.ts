import {
  createUserWithEmailAndPassword,
  onIdTokenChanged,
  signInWithEmailAndPassword,
  signOut as firebaseSignOut,
} from 'firebase/auth'
import { FirebaseError } from 'firebase/app'
import { AuthFailure, type AuthFailureReason } from '../errors'
import { auth } from './app'


const AUTH_REASONS: Record<string, AuthFailureReason> = {
  'auth/invalid-credential': 'invalid-credentials',
  'auth/invalid-login-credentials': 'invalid-credentials',
  'auth/user-not-found': 'invalid-credentials',
  'auth/wrong-password': 'invalid-credentials',
  'auth/email-already-in-use': 'email-in-use',
  'auth/weak-password': 'weak-password',
  'auth/invalid-email': 'invalid-email',
  'auth/missing-email': 'invalid-email',
  'auth/too-many-requests': 'too-many-requests',
  'auth/network-request-failed': 'network',
}

async function authAction(action: () => Promise<unknown>): Promise<void> {
  try {
    await action()
  } catch (error) {
    const code = error instanceof FirebaseError ? error.code : ''
    throw new AuthFailure(AUTH_REASONS[code] ?? 'unknown')
  }
}

export interface SessionUser {
  uid: string
  email: string | null
  role: 'member' | 'staff' | 'admin'
  partnerId: string | null
}

/** Calls back with the signed-in user (claims included) or null; returns the unsubscribe. */
export function watchSession(callback: (user: SessionUser | null) => void): () => void {
  return onIdTokenChanged(auth, async (user) => {
    if (!user) return callback(null)
    const { claims } = await user.getIdTokenResult()
    const role = claims.role === 'staff' || claims.role === 'admin' ? claims.role : 'member'
    callback({
      uid: user.uid,
      email: user.email,
      role,
      partnerId: typeof claims.partnerId === 'string' ? claims.partnerId : null,
    })
  })
}

/**
 * Asks for a fresh ID token now, so claims set since the stored one was issued (an operator just
 * made this account staff) reach the app at once instead of when the token expires; the
 * `watchSession` listener hears them.
 */
export async function renewSession(): Promise<void> {
  await auth.currentUser?.getIdToken(true)
}

export function signIn(email: string, password: string): Promise<void> {
  return authAction(() => signInWithEmailAndPassword(auth, email.trim(), password))
}

export function signUp(email: string, password: string): Promise<void> {
  return authAction(() => createUserWithEmailAndPassword(auth, email.trim(), password))
}

export async function signOut(): Promise<void> {
  await firebaseSignOut(auth)
}
