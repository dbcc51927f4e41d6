import { randomInt } from 'node:crypto'

/** A crypto-backed replacement for Math.random for codes members could otherwise guess. */
export function cryptoRandom(): number {
  return randomInt(0, 2 ** 48) / 2 ** 48
}
