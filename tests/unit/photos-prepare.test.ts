// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { PHOTO_LIMITS } from '@/domain/photos/photos'
import { preparePhoto } from '@/services/photos/prepare'

// The canvas work itself runs in Chromium (tests/e2e/photos.spec.ts); here, the early refusals.
describe('preparing a picked file on the device', () => {
  it('refuses what is not an image before decoding it', async () => {
    const pdf = new File(['%PDF-1.7'], 'menu.pdf', { type: 'application/pdf' })
    await expect(preparePhoto(pdf)).rejects.toMatchObject({ code: 'invalid-argument', reason: 'photo-source-type' })
  })

  it('refuses a file over the size limit before decoding it', async () => {
    const huge = new File([new Uint8Array(8)], 'pano.jpg', { type: 'image/jpeg' })
    Object.defineProperty(huge, 'size', { value: PHOTO_LIMITS.sourceMaxBytes + 1 })
    await expect(preparePhoto(huge)).rejects.toMatchObject({ code: 'invalid-argument', reason: 'photo-source-too-large' })
  })

  it('says so in words when the file does not decode as an image', async () => {
    const fake = new File(['<html></html>'], 'photo.jpg', { type: 'image/jpeg' })
    await expect(preparePhoto(fake)).rejects.toMatchObject({ code: 'invalid-argument', reason: 'photo-unreadable' })
  })
})

describe('a picture too large to decode on a phone', () => {
  it('is refused from its header, before decoding', async () => {
    // A lossless WebP header claiming 16,000 × 16,000 pixels.
    const bytes = new Uint8Array(64)
    bytes.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0)
    new DataView(bytes.buffer).setUint32(4, 56, true)
    bytes.set([...'WEBPVP8L'].map((c) => c.charCodeAt(0)), 8)
    bytes[20] = 0x2f
    new DataView(bytes.buffer).setUint32(21, (16_000 - 1) | ((16_000 - 1) << 14), true)
    const pano = new File([bytes], 'pano.webp', { type: 'image/webp' })
    await expect(preparePhoto(pano)).rejects.toMatchObject({ code: 'invalid-argument', reason: 'photo-source-too-large' })
  })
})
