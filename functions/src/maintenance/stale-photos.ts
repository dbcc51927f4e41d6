import type { Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions/v2'
import type { MaintenanceStats } from '../../../src/domain/contracts/callable-results'
import { PHOTO_LIMITS } from '../../../src/domain/photos/photos'
import { firestorePhotoStore } from '../photos/photo-store'

/**
 * Photos uploaded and never attached (a review abandoned after choosing a photo) are deleted a
 * day after upload. Each is judged again in its own transaction, so one attached meanwhile stays.
 */
export async function removeStalePhotos(
  db: Firestore,
  now: Date,
  limits: { pageSize: number; deadline: number },
  stats: MaintenanceStats,
): Promise<void> {
  const store = firestorePhotoStore(db)
  const before = new Date(now.getTime() - PHOTO_LIMITS.pendingHours * 3_600_000)
  const seen = new Set<string>()
  while (Date.now() < limits.deadline) {
    const ids = await store.stale(before, limits.pageSize)
    stats.pages += 1
    const fresh = ids.filter((id) => !seen.has(id))
    for (const id of fresh) {
      seen.add(id)
      try {
        if (await store.remove(id, { ifPending: true })) stats.photosRemoved += 1
      } catch (error) {
        stats.failures += 1
        logger.error('could not remove a stale photo', { id, error: String(error) })
      }
    }
    // A page of photos that all failed before would come back forever: stop at it.
    if (ids.length < limits.pageSize || fresh.length === 0) return
  }
  stats.complete = false
}
