import { create } from 'qrcode/lib/core/qrcode.js'

/** The quiet zone around the code, in modules: 2 reads reliably from a phone screen. */
export const QR_MARGIN = 2

export interface QrPath {
  /** Modules across, quiet zone included: the SVG's viewBox is `0 0 size size`. */
  size: number
  /** Every dark module as one path, a run of modules per row segment. */
  d: string
}

/** The card's token: upper case, digits and dots, which QR's compact alphanumeric mode holds. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/

/**
 * A QR code as one SVG path: error correction M and a fixed mask, so no mask search (8 trial
 * masks with penalty scoring) and no per-pixel drawing — the card's code is ready in a few
 * milliseconds even on a slow phone. Any fixed mask is a valid QR code; scanners don't mind.
 */
export function qrPath(value: string): QrPath {
  const segments = ALPHANUMERIC.test(value) ? [{ data: value, mode: 'alphanumeric' as const }] : value
  const { modules } = create(segments, { errorCorrectionLevel: 'M', maskPattern: 0 })
  const count = modules.size
  let d = ''
  for (let row = 0; row < count; row++) {
    let run = 0
    for (let col = 0; col <= count; col++) {
      if (col < count && modules.get(row, col)) {
        run++
        continue
      }
      if (run > 0) d += `M${col - run + QR_MARGIN} ${row + QR_MARGIN}h${run}v1h-${run}z`
      run = 0
    }
  }
  return { size: count + 2 * QR_MARGIN, d }
}
