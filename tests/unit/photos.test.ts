import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readImageHeader } from '@/domain/photos/image-header'
import { UploadPhotoInputSchema } from '@/domain/photos/photo-schema'
import { fitWithin, judgePhoto, judgeSource, PHOTO_LIMITS } from '@/domain/photos/photos'
import { parsePhotoPath, photoUrl } from '@/domain/photos/urls'

const root = join(__dirname, '../..')
const file = (path: string) => new Uint8Array(readFileSync(join(root, path)))
const demoWebp = file('scripts/assets/demo-review-photo.webp')
const demoThumb = file('scripts/assets/demo-review-photo-thumb.webp')
const gpsJpeg = file('tests/e2e/fixtures/photo-with-gps.jpg')

const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : [...part])))
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
const le24 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff]

function riff(chunk: string, payload: number[]): Uint8Array {
  const body = bytes('WEBP', chunk, le32(payload.length), payload)
  return bytes('RIFF', le32(body.length), body)
}
/** A lossless WebP header: signature 0x2f, then width-1 and height-1 in 14 bits each. */
function vp8l(width: number, height: number): Uint8Array {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14)
  return riff('VP8L', [0x2f, ...le32(bits), ...new Array(20).fill(0)])
}
function vp8x(width: number, height: number, flags: number): Uint8Array {
  return riff('VP8X', [flags, 0, 0, 0, ...le24(width - 1), ...le24(height - 1), ...new Array(12).fill(0)])
}
function png(width: number, height: number, extra: string[] = []): Uint8Array {
  const chunk = (type: string, data: number[]) => [...be32(data.length), ...bytes(type), ...data, 0, 0, 0, 0]
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', [...be32(width), ...be32(height), 8, 2, 0, 0, 0]),
    ...extra.map((type) => chunk(type, [1, 2, 3])),
    chunk('IEND', []),
  )
}

describe('reading an image header by its magic bytes', () => {
  it('reads the WebP the demo club ships (VP8X with an ICC profile) and its thumbnail', () => {
    expect(readImageHeader(demoWebp)).toEqual({ type: 'image/webp', width: 1200, height: 900, metadata: false })
    expect(readImageHeader(demoThumb)).toEqual({ type: 'image/webp', width: 400, height: 300, metadata: false })
  })

  it('reads lossless WebP and flags EXIF or XMP in an extended WebP', () => {
    expect(readImageHeader(vp8l(1600, 1200))).toEqual({ type: 'image/webp', width: 1600, height: 1200, metadata: false })
    expect(readImageHeader(vp8x(800, 600, 0x08))).toMatchObject({ width: 800, height: 600, metadata: true })
    expect(readImageHeader(vp8x(800, 600, 0x04))?.metadata).toBe(true)
    expect(readImageHeader(vp8x(800, 600, 0x10))?.metadata).toBe(false)
  })

  it('reads a JPEG’s frame size past its EXIF segment, and flags the EXIF (GPS) it carries', () => {
    expect(readImageHeader(gpsJpeg)).toEqual({ type: 'image/jpeg', width: 3000, height: 2250, metadata: true })
    // The same JPEG without its EXIF segment (the 150 bytes after SOI).
    const stripped = bytes(gpsJpeg.subarray(0, 2), gpsJpeg.subarray(2 + 2 + 0x94))
    expect(readImageHeader(stripped)).toEqual({ type: 'image/jpeg', width: 3000, height: 2250, metadata: false })
  })

  it('reads PNG and flags its eXIf chunk', () => {
    expect(readImageHeader(png(640, 480))).toEqual({ type: 'image/png', width: 640, height: 480, metadata: false })
    expect(readImageHeader(png(640, 480, ['eXIf']))?.metadata).toBe(true)
  })

  it('recognises nothing else, whatever the file is called: SVG, HTML, GIF, truncated or empty files', () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
      '<!doctype html><html><script>alert(1)</script></html>',
      'GIF89a\x01\x00\x01\x00\x00\x00\x00',
      '',
    ]) {
      expect(readImageHeader(bytes(text))).toBeNull()
    }
    expect(readImageHeader(demoWebp.subarray(0, 100))).toBeNull()
    expect(readImageHeader(gpsJpeg.subarray(0, 200))).toBeNull()
    expect(readImageHeader(bytes('RIFF', le32(4), 'WEBP'))).toBeNull()
    // An HTML file that starts like a JPEG but has no frame header.
    expect(readImageHeader(bytes([0xff, 0xd8, 0xff, 0xd9], '<html>'))).toBeNull()
  })
})

describe('what the server accepts', () => {
  it('accepts the demo photo as a full image and its thumbnail as a thumbnail', () => {
    expect(judgePhoto(demoWebp, 'full')).toMatchObject({ ok: true })
    expect(judgePhoto(demoThumb, 'thumb')).toMatchObject({ ok: true })
  })

  it('refuses a thumbnail that is a full image, by its size in pixels', () => {
    expect(judgePhoto(demoWebp, 'thumb')).toEqual({ ok: false, reason: 'photo-dimensions' })
  })

  it('refuses more pixels than 1600 on the longest side, even from a tiny file', () => {
    expect(judgePhoto(vp8l(1600, 1600), 'full')).toMatchObject({ ok: true })
    expect(judgePhoto(vp8l(1601, 900), 'full')).toEqual({ ok: false, reason: 'photo-dimensions' })
    expect(judgePhoto(vp8l(900, 1601), 'full')).toEqual({ ok: false, reason: 'photo-dimensions' })
  })

  it('refuses bytes beyond the limits, before reading them', () => {
    const big = new Uint8Array(PHOTO_LIMITS.fullMaxBytes + 1)
    big.set(vp8l(1000, 800))
    expect(judgePhoto(big, 'full')).toEqual({ ok: false, reason: 'photo-too-large' })
    const thumb = new Uint8Array(PHOTO_LIMITS.thumbMaxBytes + 1)
    thumb.set(vp8l(400, 300))
    expect(judgePhoto(thumb, 'thumb')).toEqual({ ok: false, reason: 'photo-too-large' })
  })

  it('refuses what is not an image, and an image that still carries its metadata', () => {
    expect(judgePhoto(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'full')).toEqual({ ok: false, reason: 'photo-type' })
    expect(judgePhoto(vp8x(1200, 900, 0x08), 'full')).toEqual({ ok: false, reason: 'photo-metadata' })
    expect(judgePhoto(gpsJpeg, 'full')).toEqual({ ok: false, reason: 'photo-dimensions' })
  })

  it('takes base64 only, within twice the byte limits', () => {
    const ok = { full: Buffer.from(demoWebp).toString('base64'), thumb: Buffer.from(demoThumb).toString('base64') }
    expect(UploadPhotoInputSchema.safeParse(ok).success).toBe(true)
    expect(UploadPhotoInputSchema.safeParse({ ...ok, full: 'not base64!' }).success).toBe(false)
    expect(UploadPhotoInputSchema.safeParse({ ...ok, full: 'A'.repeat(1_600_004) }).success).toBe(false)
    expect(UploadPhotoInputSchema.safeParse({ ...ok, type: 'image/webp' }).success).toBe(false)
  })
})

describe('resizing on the device', () => {
  it('fits the longest side, keeps the shape, never enlarges', () => {
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 })
    expect(fitWithin(4032, 3024, 400)).toEqual({ width: 400, height: 300 })
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 })
    expect(fitWithin(12_000, 1000, 1600)).toEqual({ width: 1600, height: 133 })
    expect(fitWithin(100_000, 10, 400)).toEqual({ width: 400, height: 1 })
  })

  it('refuses early what is not an image or is too large to decode', () => {
    expect(judgeSource({ type: 'image/heic', size: 3_000_000 })).toBeNull()
    expect(judgeSource({ type: '', size: 3_000_000 })).toBeNull()
    expect(judgeSource({ type: 'application/pdf', size: 30_000 })).toBe('photo-source-type')
    expect(judgeSource({ type: 'text/html', size: 300 })).toBe('photo-source-type')
    expect(judgeSource({ type: 'image/jpeg', size: PHOTO_LIMITS.sourceMaxBytes + 1 })).toBe('photo-source-too-large')
  })
})

describe('photo addresses', () => {
  it('round-trips the full image and the thumbnail, and nothing else', () => {
    const id = 'AbCdEfGhIjKlMnOpQrSt'
    expect(parsePhotoPath(photoUrl(id))).toEqual({ photoId: id, variant: 'full' })
    expect(parsePhotoPath(photoUrl(id, 'thumb'))).toEqual({ photoId: id, variant: 'thumb' })
    expect(parsePhotoPath(`/demo-moadon/me-west1/photo/p/${id}/thumb`)).toEqual({ photoId: id, variant: 'thumb' })
    expect(parsePhotoPath(`/p/${id}/other`)).toBeNull()
    expect(parsePhotoPath('/p/../secrets/posterKey')).toBeNull()
    expect(parsePhotoPath(`/p/${id}x`)).toBeNull()
  })
})
