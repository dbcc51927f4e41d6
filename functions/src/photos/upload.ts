import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { judgePhoto, type PhotoVariant } from '../../../src/domain/photos/photos'
import type { UploadPhotoInput, UploadPhotoResult } from '../../../src/domain/photos/photo-schema'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { idOf, paths } from '../../../src/domain/shared/paths'
import type { PhotoPart, PhotoStore } from './photo-store'

function checked(base64: string, variant: PhotoVariant): PhotoPart {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  const judged = judgePhoto(bytes, variant)
  if (!judged.ok) {
    throw new HttpsError('invalid-argument', `Invalid input — ${variant}: ${judged.reason}`, {
      reason: judged.reason,
      fields: [{ path: variant, message: judged.reason }],
    })
  }
  return { bytes, header: judged.header }
}

/**
 * A member uploads a photo (the full image and its thumbnail, both already resized on the
 * device). The bytes are judged by what they are, not what they claim; the daily cap is counted
 * in the same transaction as the photo is stored, so parallel uploads cannot pass it. The photo
 * stays pending, served to no one, until what it belongs to attaches it.
 */
export async function uploadPhoto(
  db: Firestore,
  store: PhotoStore,
  params: { uid: string; input: UploadPhotoInput; config: ClubConfig; at?: Date },
): Promise<UploadPhotoResult> {
  const full = checked(params.input.full, 'full')
  const thumb = checked(params.input.thumb, 'thumb')
  const now = params.at ?? new Date()
  const day = localDate(now, params.config.timeZone)
  const cap = params.config.photos.dailyUploads
  const usageRef = db.doc(paths.photoUsage(idOf(params.uid, day)))
  return db.runTransaction(async (tx) => {
    const usage = await tx.get(usageRef)
    const count = usage.exists ? Number(usage.get('count') ?? 0) : 0
    if (count >= cap) {
      throw new HttpsError('resource-exhausted', `At most ${cap} photos a day.`, { reason: 'photo-daily-cap', limit: cap })
    }
    tx.set(usageRef, { uid: params.uid, day, count: count + 1, updatedAt: Timestamp.fromDate(now) })
    const photoId = store.put(tx, { uid: params.uid, full, thumb, at: now })
    return {
      photoId,
      type: full.header.type,
      width: full.header.width,
      height: full.header.height,
      remainingToday: cap - count - 1,
    }
  })
}
