import { randomInt } from 'node:crypto'

// randomInt's range must stay below 2^48; 2^47 steps are far finer than any code needs.
const STEPS = 2 ** 47

/** A crypto-backed replacement for Math.random for codes members could otherwise guess. */
export function cryptoRandom(): number {
  return randomInt(0, STEPS) / STEPS
}
