// Photos as the app uploads them (already resized), and the photo function as browsers fetch it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { UploadPhotoInput, UploadPhotoResult } from '../../../src/domain/photos/photo-schema'
import { DEMO_PROJECT_ID, EMULATOR_PORTS, FUNCTIONS_REGION } from '../../../src/domain/shared/platform'
import { admin } from './emulators'
import type { Client } from './club'

const asset = (path: string) => readFileSync(join(__dirname, '../../..', path))

/** The demo club's photo (1200×900 WebP) and its thumbnail (400×300). */
export const FULL = asset('scripts/assets/demo-review-photo.webp')
export const THUMB = asset('scripts/assets/demo-review-photo-thumb.webp')
export const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64')
export const GOOD_UPLOAD: UploadPhotoInput = { full: b64(FULL), thumb: b64(THUMB) }

export function upload(member: Client, input: Partial<UploadPhotoInput> = {}): Promise<UploadPhotoResult> {
  return member.call<UploadPhotoInput, UploadPhotoResult>('uploadPhoto', { ...GOOD_UPLOAD, ...input })
}

/** Photos stored for a member (records, any status). */
export async function photosOf(uid: string) {
  const snap = await admin().db.collection('photos').where('uid', '==', uid).get()
  return snap.docs.map((doc) => ({ id: doc.id, ...doc.data() }) as { id: string; status: string; owner: unknown })
}

/** A WebP header that says it is `width`×`height` (lossless form), padded to `size` bytes. */
export function webpClaiming(width: number, height: number, size = 64): Uint8Array {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14)
  const out = Buffer.alloc(size)
  out.write('RIFF', 0, 'latin1')
  out.writeUInt32LE(size - 8, 4)
  out.write('WEBPVP8L', 8, 'latin1')
  out.writeUInt32LE(size - 20, 16)
  out[20] = 0x2f
  out.writeUInt32LE(bits, 21)
  return out
}

/** An extended WebP header that announces an EXIF chunk. */
export function webpWithExif(width: number, height: number): Uint8Array {
  const out = Buffer.alloc(64)
  out.write('RIFF', 0, 'latin1')
  out.writeUInt32LE(56, 4)
  out.write('WEBPVP8X', 8, 'latin1')
  out.writeUInt32LE(10, 16)
  out[20] = 0x08
  out.writeUIntLE(width - 1, 24, 3)
  out.writeUIntLE(height - 1, 27, 3)
  return out
}

const base = `http://127.0.0.1:${EMULATOR_PORTS.functions}/${DEMO_PROJECT_ID}/${FUNCTIONS_REGION}/photo`

/** GET /p/<path> from the photo function, as Hosting's rewrite passes it. */
export function fetchPhoto(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/p/${path}`, init)
}
