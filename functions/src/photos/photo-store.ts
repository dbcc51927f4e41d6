import { createHash } from 'node:crypto'
import { Timestamp, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ImageHeader, ImageType } from '../../../src/domain/photos/image-header'
import type { PhotoOwner, PhotoStatus, PhotoVariant } from '../../../src/domain/photos/photos'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'

/** One checked image of an upload: its bytes and what its header says. */
export interface PhotoPart {
  bytes: Uint8Array
  header: ImageHeader
}

/** What the app and the serving function know of a photo, without its bytes. */
export interface PhotoRecord {
  id: string
  uid: string
  status: PhotoStatus
  owner: PhotoOwner | null
  type: ImageType
  width: number
  height: number
  createdAt: Date
}

/** One variant's bytes as they are served. */
export interface PhotoContent {
  bytes: Uint8Array
  type: ImageType
  /** A strong validator: the bytes never change under an id. */
  etag: string
}

/**
 * Where photo bytes live. Metadata (owner, status, size) stays in Firestore whatever the store,
 * so attaching a photo happens in the same transaction as writing what it belongs to; the bytes
 * could go elsewhere. Here they are Firestore documents (the Cloud Storage emulator does not start
 * on the club's build machines, and a photo of ≤ 600 KB fits a document); a club with heavy photo
 * use swaps in a Cloud Storage store behind the same interface (see README, "Photos").
 */
export interface PhotoStore {
  /** Stores a new pending photo for `uid` inside the caller's transaction (after its reads). */
  put(tx: Transaction, photo: { uid: string; full: PhotoPart; thumb: PhotoPart; at: Date }): string
  /** The photo's record, or null when there is none. */
  get(photoId: string): Promise<PhotoRecord | null>
  /** One variant's bytes, or null. */
  open(photoId: string, variant: PhotoVariant): Promise<PhotoContent | null>
  /**
   * Deletes the photo; with `ifPending`, only while it is still pending (judged in the same
   * transaction, so a photo attached a moment before the nightly clean-up survives it). True when
   * something was deleted.
   */
  remove(photoId: string, options?: { ifPending?: boolean }): Promise<boolean>
  /**
   * Reads, in the owner's transaction, that `uid` may attach the photo: it exists, it is theirs,
   * and it is still pending. Refusals are HttpsErrors with a reason.
   */
  claim(tx: Transaction, photoId: string, uid: string): Promise<PhotoRecord>
  /** Attaches a claimed photo to its owner, in the same transaction. */
  attach(tx: Transaction, photoId: string, owner: PhotoOwner, at: Date): void
  /** Ids of photos still pending since before `before`, oldest first. */
  stale(before: Date, limit: number): Promise<string[]>
}

const etagOf = (bytes: Uint8Array) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`

function recordOf(id: string, data: FirebaseFirestore.DocumentData): PhotoRecord {
  return {
    id,
    uid: String(data.uid),
    status: data.status === 'attached' ? 'attached' : 'pending',
    owner: data.owner ? { kind: data.owner.kind, id: String(data.owner.id) } : null,
    type: data.type as ImageType,
    width: Number(data.width),
    height: Number(data.height),
    createdAt: data.createdAt instanceof Timestamp ? data.createdAt.toDate() : new Date(0),
  }
}

/** Photos as Firestore documents: the record in `photos/{id}`, each variant's bytes beneath it. */
export function firestorePhotoStore(db: Firestore): PhotoStore {
  return {
    put(tx, { uid, full, thumb, at }) {
      const ref = db.collection(COLLECTIONS.photos).doc()
      const variant = (part: PhotoPart) => ({
        bytes: Buffer.from(part.bytes),
        type: part.header.type,
        width: part.header.width,
        height: part.header.height,
        etag: etagOf(part.bytes),
      })
      tx.create(ref, {
        uid,
        status: 'pending',
        owner: null,
        type: full.header.type,
        width: full.header.width,
        height: full.header.height,
        size: full.bytes.length,
        createdAt: Timestamp.fromDate(at),
      })
      tx.create(db.doc(paths.photoVariant(ref.id, 'full')), variant(full))
      tx.create(db.doc(paths.photoVariant(ref.id, 'thumb')), variant(thumb))
      return ref.id
    },
    async get(photoId) {
      const snap = await db.doc(paths.photo(photoId)).get()
      return snap.exists ? recordOf(snap.id, snap.data()!) : null
    },
    async open(photoId, variant) {
      const snap = await db.doc(paths.photoVariant(photoId, variant)).get()
      if (!snap.exists) return null
      const bytes = snap.get('bytes') as Buffer
      return { bytes: new Uint8Array(bytes), type: snap.get('type') as ImageType, etag: String(snap.get('etag')) }
    },
    async remove(photoId, options = {}) {
      const ref = db.doc(paths.photo(photoId))
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(ref)
        if (!snap.exists || (options.ifPending && snap.get('status') !== 'pending')) return false
        tx.delete(db.doc(paths.photoVariant(photoId, 'full')))
        tx.delete(db.doc(paths.photoVariant(photoId, 'thumb')))
        tx.delete(ref)
        return true
      })
    },
    async claim(tx, photoId, uid) {
      const snap = await tx.get(db.doc(paths.photo(photoId)))
      if (!snap.exists) throw new HttpsError('not-found', 'No such photo.', { reason: 'unknown-photo' })
      const record = recordOf(snap.id, snap.data()!)
      if (record.uid !== uid) throw new HttpsError('permission-denied', 'This photo is someone else’s.', { reason: 'photo-not-yours' })
      if (record.status !== 'pending') {
        throw new HttpsError('failed-precondition', 'This photo is already attached.', { reason: 'photo-already-used' })
      }
      return record
    },
    attach(tx, photoId, owner, at) {
      tx.update(db.doc(paths.photo(photoId)), { status: 'attached', owner, attachedAt: Timestamp.fromDate(at) })
    },
    async stale(before, limit) {
      const snap = await db
        .collection(COLLECTIONS.photos)
        .where('status', '==', 'pending')
        .where('createdAt', '<', Timestamp.fromDate(before))
        .orderBy('createdAt')
        .limit(limit)
        .select()
        .get()
      return snap.docs.map((doc) => doc.id)
    },
  }
}
