/**
 * Rotating codes (the member's card, a store's counter screen) are HMACs of a time step: the
 * number of whole `seconds`-long steps since the epoch. One clock rule for both.
 */
export function stepAt(at: Date | number, seconds: number): number {
  const ms = typeof at === 'number' ? at : at.getTime()
  return Math.floor(ms / 1000 / seconds)
}

/** Seconds until the code shown now changes (the countdown under a rotating QR). */
export function secondsToNextStep(at: Date | number, seconds: number): number {
  const ms = typeof at === 'number' ? at : at.getTime()
  return seconds - (Math.floor(ms / 1000) % seconds)
}
