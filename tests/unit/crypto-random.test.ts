import { describe, expect, it } from 'vitest'
import { cryptoRandom } from '../../functions/src/lib/random'

describe('cryptoRandom', () => {
  it('returns floats in [0, 1) that vary', () => {
    const values = Array.from({ length: 1000 }, cryptoRandom)
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true)
    expect(new Set(values).size).toBeGreaterThan(990)
  })
})
