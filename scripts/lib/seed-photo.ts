// Demo photos: uploaded through the same checks as the `uploadPhoto` callable.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Firestore } from 'firebase-admin/firestore'
import type { ClubConfig } from '../../src/domain/shared/club-config'
import { firestorePhotoStore } from '../../functions/src/photos/photo-store'
import { uploadPhoto } from '../../functions/src/photos/upload'

/** Uploads a demo photo from scripts/assets/ through the same checks as `uploadPhoto`. */
export async function seedPhoto(db: Firestore, uid: string, photo: { full: string; thumb: string }, config: ClubConfig, at: Date): Promise<string> {
  const asset = (name: string) => readFileSync(fileURLToPath(new URL(`../assets/${name}`, import.meta.url))).toString('base64')
  const uploaded = await uploadPhoto(db, firestorePhotoStore(db), { uid, input: { full: asset(photo.full), thumb: asset(photo.thumb) }, config, at })
  return uploaded.photoId
}
