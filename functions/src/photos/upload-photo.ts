import { CALLABLES } from '../../../src/domain/contracts/callables'
import { UploadPhotoInputSchema } from '../../../src/domain/photos/photo-schema'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { firestorePhotoStore } from './photo-store'
import { uploadPhoto as upload } from './upload'

/** `uploadPhoto`: a signed-in member stores a resized photo, pending until attached (see ./upload.ts). */
export const uploadPhoto = callable(
  CALLABLES.uploadPhoto,
  // The schema caps the two base64 images at about 1.8 MB together, well inside a request's limit.
  { input: UploadPhotoInputSchema, authorize: requireAuth },
  async (input, { uid }) => {
    const firestore = db()
    return upload(firestore, firestorePhotoStore(firestore), { uid, input, config: await loadClubConfig(firestore) })
  },
)
