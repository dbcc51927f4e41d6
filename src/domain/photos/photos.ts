import { readImageHeader, type ImageHeader } from './image-header'

/**
 * Photos members attach to what they write (a review today, feed posts later). The device
 * resizes and re-encodes every photo before upload (which also drops its EXIF: the place it was
 * taken); the server checks the bytes again, whatever the device claims, and serves them only
 * while what they belong to is visible.
 */

/** What a photo can belong to: the owner kind picks the rule that says whether it is visible. */
export const PHOTO_OWNER_KINDS = ['review', 'post'] as const
export type PhotoOwnerKind = (typeof PHOTO_OWNER_KINDS)[number]
export interface PhotoOwner {
  kind: PhotoOwnerKind
  id: string
}

/** `pending` from upload until attached to its owner; a pending photo is never served. */
export type PhotoStatus = 'pending' | 'attached'

export const PHOTO_VARIANTS = ['full', 'thumb'] as const
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number]

export const PHOTO_LIMITS = {
  /** Longest side of the full image, in pixels. */
  fullMaxSide: 1600,
  /** Longest side of the thumbnail. */
  thumbMaxSide: 400,
  /** What the server accepts, decoded. One Firestore document holds both with room to spare. */
  fullMaxBytes: 600_000,
  thumbMaxBytes: 80_000,
  /** What the device aims for: a typical phone photo lands well under the server's limit. */
  fullTargetBytes: 300_000,
  thumbTargetBytes: 40_000,
  /** A picked file larger than this is refused before it is decoded (a phone photo is 2–12 MB). */
  sourceMaxBytes: 40 * 1024 * 1024,
  /** Or with more pixels than this (a 100-megapixel panorama would exhaust a phone's memory). */
  sourceMaxPixels: 100_000_000,
  /** Unattached photos are deleted by the nightly maintenance after this long. */
  pendingHours: 24,
} as const

/**
 * Base64 input past twice the byte limit is refused unread (`invalid-argument` on the field);
 * below that, an image over the limit is decoded and refused with its reason (`photo-too-large`).
 */
export const PHOTO_BASE64_MAX = Math.ceil((2 * PHOTO_LIMITS.fullMaxBytes) / 3) * 4
export const THUMB_BASE64_MAX = Math.ceil((2 * PHOTO_LIMITS.thumbMaxBytes) / 3) * 4

/** Why an upload is refused (each translated in both locales). */
export type PhotoRefusal = 'photo-type' | 'photo-too-large' | 'photo-dimensions' | 'photo-metadata'

export type PhotoJudgement = { ok: true; header: ImageHeader } | { ok: false; reason: PhotoRefusal }

/**
 * The server's check of one uploaded image: a WebP, JPEG or PNG by its magic bytes, at most the
 * variant's bytes and longest side, and without EXIF or XMP (the device's re-encoding removes
 * them; an upload that still has them did not come through the app's resizer).
 */
export function judgePhoto(bytes: Uint8Array, variant: PhotoVariant): PhotoJudgement {
  const maxBytes = variant === 'full' ? PHOTO_LIMITS.fullMaxBytes : PHOTO_LIMITS.thumbMaxBytes
  const maxSide = variant === 'full' ? PHOTO_LIMITS.fullMaxSide : PHOTO_LIMITS.thumbMaxSide
  if (bytes.length > maxBytes) return { ok: false, reason: 'photo-too-large' }
  const header = readImageHeader(bytes)
  if (!header) return { ok: false, reason: 'photo-type' }
  if (Math.max(header.width, header.height) > maxSide) return { ok: false, reason: 'photo-dimensions' }
  if (header.metadata) return { ok: false, reason: 'photo-metadata' }
  return { ok: true, header }
}

/**
 * The size an image is drawn at so its longest side is at most `maxSide`, keeping its shape;
 * never enlarged, never below one pixel.
 */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** Encoder qualities tried in turn until the image fits its target; the last one is kept regardless. */
export const QUALITY_STEPS = [0.82, 0.72, 0.62, 0.5, 0.4] as const

/** Why the device refuses a picked file before any upload. */
export type SourceRefusal = 'photo-source-type' | 'photo-source-too-large'

/** The device's first check of a picked file, before decoding it. */
export function judgeSource(file: { type: string; size: number }): SourceRefusal | null {
  // The picker's type comes from the file name: good enough to refuse a PDF early; the bytes
  // are checked after decoding (a non-image fails to decode) and again on the server.
  if (file.type !== '' && !file.type.startsWith('image/')) return 'photo-source-type'
  if (file.size > PHOTO_LIMITS.sourceMaxBytes) return 'photo-source-too-large'
  return null
}
