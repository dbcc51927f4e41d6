import { defineStore } from 'pinia'
import { loadFirebase } from '@/services/firebase'

export interface UploadedPhoto {
  photoId: string
  /** A local object URL of the thumbnail, for the preview (revoke with `forget`). */
  previewUrl: string
  width: number
  height: number
}

/**
 * Photos a member attaches: prepared on the device (resized, re-encoded, EXIF gone), then
 * uploaded as a pending photo the review (or, later, the post) names by id. The preparation code
 * is its own chunk, loaded the first time a photo is picked.
 */
export const usePhotosStore = defineStore('photos', () => {
  async function upload(file: File): Promise<UploadedPhoto> {
    const { preparePhoto, toBase64 } = await import('@/services/photos/prepare')
    const prepared = await preparePhoto(file)
    const [full, thumb] = await Promise.all([toBase64(prepared.full), toBase64(prepared.thumb)])
    // Through the SDK module itself: the card route's service index stays as it was.
    const result = await (await loadFirebase()).uploadPhoto({ full, thumb })
    return { photoId: result.photoId, previewUrl: URL.createObjectURL(prepared.thumb), width: result.width, height: result.height }
  }

  function forget(photo: UploadedPhoto | null): void {
    if (photo) URL.revokeObjectURL(photo.previewUrl)
  }

  return { upload, forget }
})
