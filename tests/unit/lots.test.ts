import { describe, expect, it } from 'vitest'
import {
  addLot,
  consume,
  dueForExpiry,
  expiringWithin,
  nextExpiry,
  totalOpen,
  type ExpiryBuckets,
} from '@/domain/points/lots'

// Three buckets, deliberately listed out of date order.
const buckets = (): ExpiryBuckets => ({ '2026-03-31': 30, '2026-01-31': 10, '2026-02-28': 20 })

describe('totalOpen', () => {
  it('sums every bucket', () => {
    expect(totalOpen({})).toBe(0)
    expect(totalOpen(buckets())).toBe(60)
  })
})

describe('addLot', () => {
  it('opens a new bucket for a new expiry date', () => {
    expect(addLot({}, '2026-01-31', 25)).toEqual({ '2026-01-31': 25 })
  })

  it('adds to the bucket with the same expiry date', () => {
    const next = addLot(buckets(), '2026-02-28', 5)
    expect(next['2026-02-28']).toBe(25)
    expect(totalOpen(next)).toBe(65)
    expect(Object.keys(next)).toHaveLength(3)
  })

  it('does not change the input object', () => {
    const before = buckets()
    const next = addLot(before, '2026-04-30', 7)
    expect(before).toEqual(buckets())
    expect(next).not.toBe(before)
    expect(next['2026-04-30']).toBe(7)
  })

  it('ignores zero and negative lots, returning a copy', () => {
    const before = buckets()
    const zero = addLot(before, '2026-04-30', 0)
    const negative = addLot(before, '2026-01-31', -5)
    expect(zero).toEqual(before)
    expect(zero).not.toBe(before)
    expect(negative).toEqual(before)
    expect('2026-04-30' in zero).toBe(false)
  })
})

describe('consume', () => {
  it('takes from the bucket that expires first', () => {
    const result = consume(buckets(), 5)
    expect(result.taken).toEqual([{ expiresOn: '2026-01-31', points: 5 }])
    expect(result.buckets).toEqual({ '2026-01-31': 5, '2026-02-28': 20, '2026-03-31': 30 })
    expect(result.shortfall).toBe(0)
  })

  it('empties buckets oldest-first, removing empty ones, and splits the last one', () => {
    const result = consume(buckets(), 35)
    expect(result.taken).toEqual([
      { expiresOn: '2026-01-31', points: 10 },
      { expiresOn: '2026-02-28', points: 20 },
      { expiresOn: '2026-03-31', points: 5 },
    ])
    expect(result.buckets).toEqual({ '2026-03-31': 25 })
    expect(result.shortfall).toBe(0)
  })

  it('takes an exact bucket without leaving a zero entry behind', () => {
    const result = consume(buckets(), 10)
    expect(result.taken).toEqual([{ expiresOn: '2026-01-31', points: 10 }])
    expect('2026-01-31' in result.buckets).toBe(false)
    expect(totalOpen(result.buckets)).toBe(50)
  })

  it('takes everything and reports nothing short when the amount is exactly the total', () => {
    const result = consume(buckets(), 60)
    expect(result.buckets).toEqual({})
    expect(result.shortfall).toBe(0)
    expect(result.taken.reduce((sum, slice) => sum + slice.points, 0)).toBe(60)
  })

  it('reports what it cannot cover as the shortfall', () => {
    const result = consume(buckets(), 75)
    expect(result.buckets).toEqual({})
    expect(result.shortfall).toBe(15)
    expect(result.taken.map((slice) => slice.points)).toEqual([10, 20, 30])
  })

  it('has everything short from no buckets', () => {
    expect(consume({}, 12)).toEqual({ buckets: {}, taken: [], shortfall: 12 })
  })

  it('takes nothing for zero', () => {
    const result = consume(buckets(), 0)
    expect(result).toEqual({ buckets: buckets(), taken: [], shortfall: 0 })
  })

  it('takes from the preferred bucket first, then oldest-first', () => {
    const result = consume(buckets(), 40, '2026-03-31')
    expect(result.taken).toEqual([
      { expiresOn: '2026-03-31', points: 30 },
      { expiresOn: '2026-01-31', points: 10 },
    ])
    expect(result.buckets).toEqual({ '2026-02-28': 20 })
    expect(result.shortfall).toBe(0)
  })

  it('only touches the preferred bucket when it covers the amount', () => {
    const result = consume(buckets(), 12, '2026-02-28')
    expect(result.taken).toEqual([{ expiresOn: '2026-02-28', points: 12 }])
    expect(result.buckets).toEqual({ '2026-01-31': 10, '2026-02-28': 8, '2026-03-31': 30 })
  })

  it('falls back to oldest-first when the preferred bucket does not exist (already spent or expired)', () => {
    const result = consume(buckets(), 15, '2025-12-31')
    expect(result.taken).toEqual([
      { expiresOn: '2026-01-31', points: 10 },
      { expiresOn: '2026-02-28', points: 5 },
    ])
  })

  it('skips zero buckets entirely, even when preferred', () => {
    const withZero: ExpiryBuckets = { '2026-01-31': 0, '2026-02-28': 20 }
    const result = consume(withZero, 5, '2026-01-31')
    expect(result.taken).toEqual([{ expiresOn: '2026-02-28', points: 5 }])
    expect(result.shortfall).toBe(0)
  })

  it('does not change the input object', () => {
    const before = buckets()
    consume(before, 45, '2026-02-28')
    expect(before).toEqual(buckets())
  })

  it('conserves points: taken + left over = before, and taken + shortfall = asked', () => {
    for (const asked of [0, 1, 9, 10, 11, 29, 30, 31, 59, 60, 61, 200]) {
      for (const prefer of [undefined, '2026-01-31', '2026-02-28', '2026-03-31', '2027-01-31']) {
        const result = consume(buckets(), asked, prefer)
        const taken = result.taken.reduce((sum, slice) => sum + slice.points, 0)
        expect(taken + totalOpen(result.buckets)).toBe(60)
        expect(taken + result.shortfall).toBe(asked)
        expect(result.shortfall).toBe(Math.max(0, asked - 60))
        expect(result.taken.every((slice) => slice.points > 0)).toBe(true)
      }
    }
  })
})

describe('dueForExpiry', () => {
  it('keeps a bucket valid on its own day', () => {
    expect(dueForExpiry(buckets(), '2026-01-31')).toEqual([])
  })

  it('expires a bucket the day after its date', () => {
    expect(dueForExpiry(buckets(), '2026-02-01')).toEqual([{ expiresOn: '2026-01-31', points: 10 }])
  })

  it('lists every due bucket, oldest first', () => {
    expect(dueForExpiry(buckets(), '2026-03-31')).toEqual([
      { expiresOn: '2026-01-31', points: 10 },
      { expiresOn: '2026-02-28', points: 20 },
    ])
    expect(dueForExpiry(buckets(), '2027-01-01')).toHaveLength(3)
  })

  it('has nothing due before the first date or from no buckets', () => {
    expect(dueForExpiry(buckets(), '2025-06-15')).toEqual([])
    expect(dueForExpiry({}, '2030-01-01')).toEqual([])
  })

  it('ignores empty buckets', () => {
    expect(dueForExpiry({ '2026-01-31': 0, '2026-02-28': 4 }, '2026-06-01')).toEqual([
      { expiresOn: '2026-02-28', points: 4 },
    ])
  })
})

describe('nextExpiry', () => {
  it('is the earliest non-empty bucket', () => {
    expect(nextExpiry(buckets())).toEqual({ expiresOn: '2026-01-31', points: 10 })
    expect(nextExpiry({ '2026-01-31': 0, '2026-03-31': 3 })).toEqual({ expiresOn: '2026-03-31', points: 3 })
  })

  it('is null with nothing open', () => {
    expect(nextExpiry({})).toBeNull()
    expect(nextExpiry({ '2026-01-31': 0 })).toBeNull()
  })
})

describe('expiringWithin', () => {
  it('sums the buckets from today to the horizon inclusive and names the first date', () => {
    expect(expiringWithin(buckets(), '2026-01-31', '2026-02-28')).toEqual({ expiresOn: '2026-01-31', points: 30 })
    expect(expiringWithin(buckets(), '2026-01-01', '2026-12-31')).toEqual({ expiresOn: '2026-01-31', points: 60 })
  })

  it('excludes buckets after the horizon', () => {
    expect(expiringWithin(buckets(), '2026-01-01', '2026-02-27')).toEqual({ expiresOn: '2026-01-31', points: 10 })
  })

  it('excludes buckets already past (before today)', () => {
    expect(expiringWithin(buckets(), '2026-02-01', '2026-03-31')).toEqual({ expiresOn: '2026-02-28', points: 50 })
  })

  it('is null when nothing falls in the range', () => {
    expect(expiringWithin(buckets(), '2025-06-01', '2025-12-31')).toBeNull()
    expect(expiringWithin({}, '2026-01-01', '2026-12-31')).toBeNull()
    expect(expiringWithin({ '2026-01-31': 0 }, '2026-01-01', '2026-12-31')).toBeNull()
  })
})
