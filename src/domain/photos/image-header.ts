/**
 * What an image file says about itself in its first bytes: the format by its magic bytes (never
 * the declared type or the file name), the pixel size from its header, and whether it carries
 * EXIF or XMP metadata (where a phone writes the place a photo was taken). Only WebP, JPEG and
 * PNG are recognised; anything else (SVG, HTML, a GIF) is `null`. Nothing is decoded: a header
 * that lies about the pixels is caught by the byte limit, and the image is only ever served as
 * the type its magic bytes name.
 */
export const IMAGE_TYPES = ['image/webp', 'image/jpeg', 'image/png'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]

export interface ImageHeader {
  type: ImageType
  width: number
  height: number
  /** EXIF or XMP present (location, camera, owner): the device strips them before upload. */
  metadata: boolean
}

const ascii = (bytes: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + length))

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!)
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8)
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)
const u32le = (b: Uint8Array, at: number) => (u24le(b, at) + (b[at + 3]! << 24)) >>> 0

function sized(type: ImageType, width: number, height: number, metadata: boolean): ImageHeader | null {
  return width > 0 && height > 0 ? { type, width, height, metadata } : null
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function readPng(b: Uint8Array): ImageHeader | null {
  if (b.length < 33 || !PNG_SIGNATURE.every((v, i) => b[i] === v) || ascii(b, 12, 4) !== 'IHDR') return null
  const width = u32be(b, 16)
  const height = u32be(b, 20)
  let metadata = false
  // Chunks: length, type, data, CRC. eXIf is EXIF; iTXt carries XMP.
  for (let at = 8; at + 8 <= b.length; ) {
    const length = u32be(b, at)
    const type = ascii(b, at + 4, 4)
    if (type === 'eXIf' || type === 'iTXt') metadata = true
    if (type === 'IEND') break
    at += 12 + length
  }
  return sized('image/png', width, height, metadata)
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic), which carry the size. */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

function readJpeg(b: Uint8Array): ImageHeader | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null
  let metadata = false
  let at = 2
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1]!
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at += 1
      continue
    }
    // Markers without a length (TEM, restart).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    // Start of scan or end of image before any frame header: no size to read.
    if (marker === 0xda || marker === 0xd9) return null
    const length = u16be(b, at + 2)
    if (length < 2 || at + 2 + length > b.length) return null
    if (marker === 0xe1) {
      const tag = ascii(b, at + 4, Math.min(length - 2, 29))
      if (tag.startsWith('Exif\0') || tag.startsWith('http://ns.adobe.com/xap/1.0/')) metadata = true
    }
    if (JPEG_SOF.has(marker)) {
      if (length < 7) return null
      return sized('image/jpeg', u16be(b, at + 7), u16be(b, at + 5), metadata)
    }
    at += 2 + length
  }
  return null
}

function readWebp(b: Uint8Array): ImageHeader | null {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return null
  // The RIFF size covers the rest of the file: a file cut short or padded with something else fails.
  if (u32le(b, 4) + 8 > b.length) return null
  const chunk = ascii(b, 12, 4)
  if (chunk === 'VP8 ') {
    // Key frame start code, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null
    return sized('image/webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff, false)
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null
    const bits = u32le(b, 21)
    return sized('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, false)
  }
  if (chunk === 'VP8X') {
    const flags = b[20]!
    // Bit 3: an EXIF chunk follows; bit 2: an XMP chunk.
    return sized('image/webp', u24le(b, 24) + 1, u24le(b, 27) + 1, (flags & 0x0c) !== 0)
  }
  return null
}

/** The image's format, size and metadata from its bytes, or `null` when it is not WebP, JPEG or PNG. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  return readWebp(bytes) ?? readJpeg(bytes) ?? readPng(bytes)
}
