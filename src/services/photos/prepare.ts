import { fitWithin, judgeSource, PHOTO_LIMITS, QUALITY_STEPS } from '@/domain/photos/photos'
import { AppError } from '@/domain/shared/errors'
import { readImageHeader } from '@/domain/photos/image-header'

/**
 * A picked photo made ready for upload, on the device: decoded upright (EXIF orientation
 * applied), drawn onto a canvas at ≤ 1600 px and ≤ 400 px, and encoded as WebP (JPEG where the
 * browser cannot encode WebP) at the highest quality that fits the target size. Drawing through a
 * canvas keeps only pixels, so EXIF — the place and time the photo was taken, the phone — never
 * leaves the device. Loaded only by screens that take photos (a dynamic import from the store).
 */
export interface PreparedPhoto {
  full: Blob
  thumb: Blob
  width: number
  height: number
}

type Canvas = HTMLCanvasElement | OffscreenCanvas

/** Enough of a file for its header, past a JPEG's EXIF block and its embedded preview. */
const HEADER_BYTES = 256 * 1024

function refuse(reason: string): AppError {
  return new AppError('invalid-argument', reason, [], reason)
}

function canvasOf(width: number, height: number): Canvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  return canvas
}

function encode(canvas: Canvas, type: string, quality: number): Promise<Blob | null> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality }).catch(() => null)
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality))
}

function draw(bitmap: ImageBitmap, maxSide: number): Canvas {
  const size = fitWithin(bitmap.width, bitmap.height, maxSide)
  const canvas = canvasOf(size.width, size.height)
  const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
  if (!context) throw refuse('photo-unreadable')
  // A transparent PNG would turn black as JPEG: photos sit on white.
  context.fillStyle = '#fff'
  context.fillRect(0, 0, size.width, size.height)
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.drawImage(bitmap, 0, 0, size.width, size.height)
  return canvas
}

/** The smallest-loss encoding under `target` bytes: WebP, or JPEG where WebP comes back as PNG. */
async function compress(canvas: Canvas, target: number): Promise<Blob> {
  let type = 'image/webp'
  let last: Blob | null = null
  for (const quality of QUALITY_STEPS) {
    let blob = await encode(canvas, type, quality)
    // Browsers that cannot encode a type fall back to PNG without saying so.
    if (type === 'image/webp' && blob?.type !== 'image/webp') {
      type = 'image/jpeg'
      blob = await encode(canvas, type, quality)
    }
    if (!blob || blob.type !== type) throw refuse('photo-unreadable')
    last = blob
    if (blob.size <= target) return blob
  }
  return last!
}

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const refusal = judgeSource(file)
  if (refusal) throw refuse(refusal)
  // The header names the pixel size before anything is decoded (a 100-megapixel panorama would
  // take a phone's memory); formats we don't parse (HEIC) are left to the browser's decoder.
  const header = readImageHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()))
  if (header && header.width * header.height > PHOTO_LIMITS.sourceMaxPixels) throw refuse('photo-source-too-large')
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    throw refuse('photo-unreadable')
  }
  try {
    if (bitmap.width * bitmap.height > PHOTO_LIMITS.sourceMaxPixels) throw refuse('photo-source-too-large')
    const full = draw(bitmap, PHOTO_LIMITS.fullMaxSide)
    const thumb = draw(bitmap, PHOTO_LIMITS.thumbMaxSide)
    return {
      full: await compress(full, PHOTO_LIMITS.fullTargetBytes),
      thumb: await compress(thumb, PHOTO_LIMITS.thumbTargetBytes),
      width: full.width,
      height: full.height,
    }
  } finally {
    bitmap.close()
  }
}

/** A blob's bytes as base64 (what the callable carries). */
export function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1))
    reader.onerror = () => reject(reader.error ?? new Error('could not read the photo'))
    reader.readAsDataURL(blob)
  })
}
