import type { PhotoVariant } from './photos'

/**
 * Photo ids and addresses: a module of its own, so the partner page that shows photos does not
 * bring the upload rules along (and the card route's chunks don't list another shared chunk).
 */

/** Server-made photo ids: 20 letters and digits, like Firestore's own. */
export const PHOTO_ID_PATTERN = /^[A-Za-z0-9]{20}$/

/** Where the app shows a photo: served by the `photo` function behind a Hosting rewrite. */
export function photoUrl(photoId: string, variant: PhotoVariant = 'full'): string {
  return variant === 'thumb' ? `/p/${photoId}/thumb` : `/p/${photoId}`
}

/** The photo id and variant a served path names (`/p/<id>` or `/p/<id>/thumb`), or null. */
export function parsePhotoPath(path: string): { photoId: string; variant: PhotoVariant } | null {
  const match = /(?:^|\/)p\/([A-Za-z0-9]{20})(\/thumb)?\/?$/.exec(path)
  return match ? { photoId: match[1]!, variant: match[2] ? 'thumb' : 'full' } : null
}
