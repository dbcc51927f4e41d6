import { z } from 'zod'
import type { ImageType } from './image-header'
import { PHOTO_BASE64_MAX, THUMB_BASE64_MAX } from './photos'
import { PHOTO_ID_PATTERN } from './urls'

/** Input of `uploadPhoto` (server-side validation; the app imports only the types). */
const base64 = (max: number) => z.string().min(8).max(max).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')

export const UploadPhotoInputSchema = z.strictObject({
  /** The full image (≤ 1600 px, re-encoded on the device), base64. */
  full: base64(PHOTO_BASE64_MAX),
  /** Its thumbnail (≤ 400 px), base64. */
  thumb: base64(THUMB_BASE64_MAX),
})
export type UploadPhotoInput = z.input<typeof UploadPhotoInputSchema>

export interface UploadPhotoResult {
  /** Pending until attached to what the member writes; deleted if never attached. */
  photoId: string
  type: ImageType
  width: number
  height: number
  /** Uploads left today. */
  remainingToday: number
}

/** A photo id as other inputs carry it (a review's optional photo, later a post's). */
export const photoIdSchema = z.string().regex(PHOTO_ID_PATTERN, 'a photo id')
