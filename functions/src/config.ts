import { getApps, initializeApp } from 'firebase-admin/app'
import { setGlobalOptions } from 'firebase-functions/v2'
import { FUNCTIONS_REGION } from '../../src/domain/shared/platform'

// The region comes from the shared platform module so the app calls the same one.
setGlobalOptions({ region: FUNCTIONS_REGION, maxInstances: 20 })

// Firestore triggers build their event snapshots with the default app, before any handler runs.
if (getApps().length === 0) initializeApp()
