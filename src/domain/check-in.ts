import type { LocalMonth } from './calendar'

/** Great-circle distance in metres (haversine); plenty precise for "are you in the shop". */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_000
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

export type LocationVerdict = 'ok' | 'too-far' | 'location-required'

/**
 * The location check. A position is required only when the club asks for one; a position that is
 * given is always checked (a member far from the store does not scan in). The reported position, widened by its own
 * accuracy (capped, so a vague fix cannot claim to be everywhere), must fall within the radius.
 */
export function checkLocation(
  policy: { requireLocation: boolean; radiusMeters: number },
  partner: { lat: number; lng: number },
  reported: { lat: number; lng: number; accuracy: number } | null,
): LocationVerdict {
  if (!reported) return policy.requireLocation ? 'location-required' : 'ok'
  const slack = Math.min(Math.max(0, reported.accuracy), policy.radiusMeters)
  return distanceMeters(partner, reported) - slack <= policy.radiusMeters ? 'ok' : 'too-far'
}

/** Distinct partners a member visited in a month: the visit streak. */
export interface MonthVisits {
  month: LocalMonth
  partners: string[]
  bonusPaid: boolean
}

/**
 * Adds a visit; says whether this visit completes the streak (the bonus is paid once a month,
 * the first time the number of different partners reaches the goal).
 */
export function addVisit(
  visits: MonthVisits | null,
  month: LocalMonth,
  partnerId: string,
  goal: number,
): { visits: MonthVisits; bonusNow: boolean } {
  const current = visits && visits.month === month ? visits : { month, partners: [], bonusPaid: false }
  const partners = current.partners.includes(partnerId) ? current.partners : [...current.partners, partnerId]
  const bonusNow = !current.bonusPaid && goal > 0 && partners.length >= goal
  return { visits: { month, partners, bonusPaid: current.bonusPaid || bonusNow }, bonusNow }
}
