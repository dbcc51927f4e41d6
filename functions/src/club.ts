import { HttpsError } from 'firebase-functions/v2/https'
import type { Firestore } from 'firebase-admin/firestore'
import { ClubConfigSchema, type ClubConfig } from '../../src/domain/shared/club-config'
import { paths } from '../../src/domain/shared/paths'

/**
 * Reads and validates the club configuration. A club without valid configuration must not pay
 * anyone, so a missing or broken document is `failed-precondition`, never a guess.
 */
export async function loadClubConfig(db: Firestore): Promise<ClubConfig> {
  const snap = await db.doc(paths.clubConfig()).get()
  if (!snap.exists) throw new HttpsError('failed-precondition', 'The club is not configured yet.')
  const parsed = ClubConfigSchema.safeParse(snap.data())
  if (!parsed.success) {
    throw new HttpsError('failed-precondition', 'The club configuration is invalid.')
  }
  return parsed.data
}
