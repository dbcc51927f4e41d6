import { describe, expect, it } from 'vitest'
import { addVisit, checkLocation, distanceMeters, type MonthVisits } from '@/domain/partners/check-in'

const EARTH_RADIUS = 6_371_000
/** Metres per degree of latitude on the haversine sphere. */
const METERS_PER_DEGREE = (EARTH_RADIUS * Math.PI) / 180

const DIZENGOFF = { lat: 32.0809, lng: 34.7738 }
const IBN_GABIROL = { lat: 32.0823, lng: 34.7817 }

/** A point `meters` due north of `from` (along a meridian the haversine distance is exact). */
function north(from: { lat: number; lng: number }, meters: number): { lat: number; lng: number } {
  return { lat: from.lat + meters / METERS_PER_DEGREE, lng: from.lng }
}

function fix(at: { lat: number; lng: number }, accuracy: number) {
  return { ...at, accuracy }
}

describe('distanceMeters', () => {
  it('is zero for the same point', () => {
    expect(distanceMeters(DIZENGOFF, DIZENGOFF)).toBe(0)
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 0 })).toBe(0)
  })

  it('puts 0.001° of latitude at about 111 m', () => {
    const d = distanceMeters({ lat: 32, lng: 34.77 }, { lat: 32.001, lng: 34.77 })
    expect(Math.abs(d - 111.19)).toBeLessThan(1)
  })

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const atEquator = distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 0.001 })
    const atSixty = distanceMeters({ lat: 60, lng: 0 }, { lat: 60, lng: 0.001 })
    expect(Math.abs(atEquator - 111.19)).toBeLessThan(1)
    expect(Math.abs(atSixty - atEquator / 2)).toBeLessThan(0.1)
  })

  it('measures Dizengoff to Ibn Gabirol in Tel Aviv at about 760 m', () => {
    const d = distanceMeters(DIZENGOFF, IBN_GABIROL)
    expect(d).toBeGreaterThan(760 * 0.95)
    expect(d).toBeLessThan(760 * 1.05)
  })

  it('is symmetric', () => {
    expect(distanceMeters(IBN_GABIROL, DIZENGOFF)).toBeCloseTo(distanceMeters(DIZENGOFF, IBN_GABIROL), 9)
  })

  it('handles long distances: a quarter and a half of the circumference', () => {
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 90 })).toBeCloseTo((Math.PI * EARTH_RADIUS) / 2, 0)
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 90, lng: 0 })).toBeCloseTo((Math.PI * EARTH_RADIUS) / 2, 0)
    // Antipodes.
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS, 0)
    expect(distanceMeters({ lat: 32.0809, lng: 34.7738 }, { lat: -32.0809, lng: 34.7738 - 180 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS,
      0,
    )
    // For these antipodes the haversine term computes to 1.0000000000000002: the result must stay a number.
    const d = distanceMeters({ lat: 60.9137, lng: -167.9425 }, { lat: -60.9137, lng: 12.057500000000005 })
    expect(Number.isNaN(d)).toBe(false)
    expect(d).toBeCloseTo(Math.PI * EARTH_RADIUS, 0)
  })

  it('crosses the antimeridian the short way', () => {
    const d = distanceMeters({ lat: 0, lng: 179.999 }, { lat: 0, lng: -179.999 })
    expect(Math.abs(d - 2 * 111.19)).toBeLessThan(1)
  })
})

describe('checkLocation (printed codes)', () => {
  const policy = { radiusMeters: 100, maxAccuracyMeters: 100 }
  const shop = DIZENGOFF

  it('accepts a precise fix inside the radius, including the shop itself', () => {
    expect(checkLocation(policy, shop, fix(shop, 5))).toBe('ok')
    expect(checkLocation(policy, shop, fix(north(shop, 60), 0))).toBe('ok')
    expect(checkLocation(policy, shop, fix(north(shop, 99), 0))).toBe('ok')
  })

  it('refuses a precise fix outside the radius', () => {
    expect(checkLocation(policy, shop, fix(north(shop, 101), 0))).toBe('too-far')
    expect(checkLocation(policy, shop, fix(north(shop, 150), 0))).toBe('too-far')
    expect(checkLocation(policy, shop, fix(IBN_GABIROL, 10))).toBe('too-far')
  })

  it('gives the benefit of the fix accuracy, within the bound', () => {
    const reported = north(shop, 150)
    expect(checkLocation(policy, shop, fix(reported, 40))).toBe('too-far')
    expect(checkLocation(policy, shop, fix(reported, 60))).toBe('ok')
    // 199 m away with the loosest accepted fix (100 m): 199 − 100 ≤ 100.
    expect(checkLocation(policy, shop, fix(north(shop, 199), 100))).toBe('ok')
    expect(checkLocation(policy, shop, fix(north(shop, 201), 100))).toBe('too-far')
  })

  it('refuses a fix vaguer than the bound, even one that claims the shop itself', () => {
    expect(checkLocation(policy, shop, fix(shop, 101))).toBe('location-inaccurate')
    expect(checkLocation(policy, shop, fix(north(shop, 190), 1_000))).toBe('location-inaccurate')
    expect(checkLocation(policy, shop, fix(IBN_GABIROL, 5_000))).toBe('location-inaccurate')
    expect(checkLocation(policy, shop, fix(shop, Number.MAX_VALUE))).toBe('location-inaccurate')
    expect(checkLocation(policy, shop, fix(shop, Number.POSITIVE_INFINITY))).toBe('location-inaccurate')
    expect(checkLocation({ radiusMeters: 100, maxAccuracyMeters: 1_000 }, shop, fix(north(shop, 190), 1_000))).toBe('ok')
  })

  it('treats a negative accuracy as no slack, not as a penalty', () => {
    expect(checkLocation(policy, shop, fix(north(shop, 90), -50))).toBe('ok')
    expect(checkLocation(policy, shop, fix(north(shop, 120), -50))).toBe('too-far')
  })

  it('never accepts a fix whose accuracy is not a number', () => {
    expect(checkLocation(policy, shop, fix(north(shop, 10), Number.NaN))).toBe('location-inaccurate')
  })

  it('uses the policy radius', () => {
    const reported = fix(IBN_GABIROL, 0) // about 760 m away
    expect(checkLocation({ radiusMeters: 800, maxAccuracyMeters: 100 }, shop, reported)).toBe('ok')
    expect(checkLocation({ radiusMeters: 700, maxAccuracyMeters: 100 }, shop, reported)).toBe('too-far')
  })

  it('always needs a fix: a poster travels as a photo', () => {
    expect(checkLocation(policy, shop, null)).toBe('location-required')
    expect(checkLocation({ radiusMeters: 5_000, maxAccuracyMeters: 1_000 }, shop, null)).toBe('location-required')
  })
})

describe('addVisit', () => {
  const JUNE = '2025-06'
  const JULY = '2025-07'

  it('starts a month from nothing', () => {
    const { visits, bonusNow } = addVisit(null, JUNE, 'shop-a', 3)
    expect(visits).toEqual({ month: JUNE, partners: ['shop-a'], bonusPaid: false })
    expect(bonusNow).toBe(false)
  })

  it('counts distinct partners: a repeat visit does not count twice', () => {
    let visits = addVisit(null, JUNE, 'shop-a', 3).visits
    const again = addVisit(visits, JUNE, 'shop-a', 3)
    expect(again.visits.partners).toEqual(['shop-a'])
    expect(again.bonusNow).toBe(false)
    visits = addVisit(again.visits, JUNE, 'shop-b', 3).visits
    visits = addVisit(visits, JUNE, 'shop-a', 3).visits
    visits = addVisit(visits, JUNE, 'shop-b', 3).visits
    expect(visits.partners).toEqual(['shop-a', 'shop-b'])
    expect(visits.bonusPaid).toBe(false)
  })

  it('pays the bonus exactly when the goal is reached, and only once a month', () => {
    const results: boolean[] = []
    let visits: MonthVisits | null = null
    for (const partner of ['shop-a', 'shop-a', 'shop-b', 'shop-b', 'shop-c', 'shop-c', 'shop-d', 'shop-a', 'shop-e']) {
      const result = addVisit(visits, JUNE, partner, 3)
      results.push(result.bonusNow)
      visits = result.visits
    }
    expect(results).toEqual([false, false, false, false, true, false, false, false, false])
    expect(visits).toEqual({ month: JUNE, partners: ['shop-a', 'shop-b', 'shop-c', 'shop-d', 'shop-e'], bonusPaid: true })
  })

  it('marks the bonus as paid in the returned state the moment it is paid', () => {
    let visits = addVisit(null, JUNE, 'shop-a', 2).visits
    const reached = addVisit(visits, JUNE, 'shop-b', 2)
    expect(reached.bonusNow).toBe(true)
    expect(reached.visits.bonusPaid).toBe(true)
    visits = addVisit(reached.visits, JUNE, 'shop-c', 2).visits
    expect(visits.bonusPaid).toBe(true)
  })

  it('pays on the first visit when the goal is 1', () => {
    const first = addVisit(null, JUNE, 'shop-a', 1)
    expect(first.bonusNow).toBe(true)
    expect(addVisit(first.visits, JUNE, 'shop-a', 1).bonusNow).toBe(false)
    expect(addVisit(first.visits, JUNE, 'shop-b', 1).bonusNow).toBe(false)
  })

  it('starts a new month from zero, and can pay again in it', () => {
    let visits = addVisit(null, JUNE, 'shop-a', 2).visits
    visits = addVisit(visits, JUNE, 'shop-b', 2).visits
    expect(visits.bonusPaid).toBe(true)

    const july = addVisit(visits, JULY, 'shop-a', 2)
    expect(july.visits).toEqual({ month: JULY, partners: ['shop-a'], bonusPaid: false })
    expect(july.bonusNow).toBe(false)
    const julyGoal = addVisit(july.visits, JULY, 'shop-b', 2)
    expect(julyGoal.bonusNow).toBe(true)
    expect(julyGoal.visits).toEqual({ month: JULY, partners: ['shop-a', 'shop-b'], bonusPaid: true })
  })

  it('does not carry an unfinished streak into the next month', () => {
    let visits = addVisit(null, JUNE, 'shop-a', 3).visits
    visits = addVisit(visits, JUNE, 'shop-b', 3).visits
    const july = addVisit(visits, JULY, 'shop-c', 3)
    expect(july.bonusNow).toBe(false)
    expect(july.visits.partners).toEqual(['shop-c'])
  })

  it('never pays when the goal is 0 (no streak programme)', () => {
    let visits: MonthVisits | null = null
    for (const partner of ['shop-a', 'shop-b', 'shop-c', 'shop-d']) {
      const result = addVisit(visits, JUNE, partner, 0)
      expect(result.bonusNow).toBe(false)
      visits = result.visits
    }
    expect(visits).toEqual({ month: JUNE, partners: ['shop-a', 'shop-b', 'shop-c', 'shop-d'], bonusPaid: false })
  })

  it('does not modify the state it is given', () => {
    const before: MonthVisits = { month: JUNE, partners: ['shop-a', 'shop-b'], bonusPaid: false }
    const snapshot = structuredClone(before)
    const result = addVisit(before, JUNE, 'shop-c', 3)
    expect(result.bonusNow).toBe(true)
    expect(before).toEqual(snapshot)
    addVisit(before, JULY, 'shop-d', 3)
    expect(before).toEqual(snapshot)
  })
})
