import type { Firestore } from 'firebase-admin/firestore'
import type { PhotoOwner } from '../../../src/domain/photos/photos'
import { parsePhotoPath } from '../../../src/domain/photos/urls'
import { paths } from '../../../src/domain/shared/paths'
import type { PhotoStore } from './photo-store'

/**
 * Whether what a photo belongs to is visible to everyone: a published review (held and removed
 * ones are not), a published feed post (`posts/{id}` with `status: 'published'`). The photo is
 * served only while this holds, so hiding the content hides its photo.
 */
export async function ownerVisible(db: Firestore, owner: PhotoOwner): Promise<boolean> {
  const path = owner.kind === 'review' ? paths.review(owner.id) : paths.post(owner.id)
  const snap = await db.doc(path).get()
  return snap.exists && snap.get('status') === 'published'
}

export type PhotoResponse =
  | { status: 200; body: Uint8Array; headers: Record<string, string> }
  | { status: 304 | 404; headers: Record<string, string> }

const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * The answer to `GET /p/<id>` or `/p/<id>/thumb`. A photo is served when it is attached and its
 * owner is visible; otherwise 404 (unknown, pending, held or removed alike, so the answer tells
 * nothing), never cached, so approval later makes it appear. The bytes under an id never change:
 * browsers, the CDN and the service worker may keep them for a year.
 */
export async function servePhoto(db: Firestore, store: PhotoStore, request: { path: string; ifNoneMatch?: string }): Promise<PhotoResponse> {
  const missing: PhotoResponse = { status: 404, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } }
  const wanted = parsePhotoPath(request.path)
  if (!wanted) return missing
  const record = await store.get(wanted.photoId)
  if (!record || record.status !== 'attached' || !record.owner) return missing
  if (!(await ownerVisible(db, record.owner))) return missing
  const content = await store.open(wanted.photoId, wanted.variant)
  if (!content) return missing
  const headers = {
    'Content-Type': content.type,
    'Cache-Control': IMMUTABLE,
    ETag: content.etag,
    'X-Content-Type-Options': 'nosniff',
    // An image, never a document: even opened directly it runs nothing.
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    'Cross-Origin-Resource-Policy': 'same-site',
  }
  if (request.ifNoneMatch && request.ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === content.etag)) {
    return { status: 304, headers }
  }
  return { status: 200, body: content.bytes, headers }
}
