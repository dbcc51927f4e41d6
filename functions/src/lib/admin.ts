import { getApps, initializeApp } from 'firebase-admin/app'
import { getFirestore, type Firestore } from 'firebase-admin/firestore'

/** The one Firestore handle the functions use; initialised on first use. */
export function db(): Firestore {
  if (getApps().length === 0) initializeApp()
  return getFirestore()
}
