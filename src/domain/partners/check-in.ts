import type { LocalMonth } from '../shared/calendar'
import { parseCounterCode, type ParsedCounterCode } from './counter-code'
import { parsePosterCode, type ParsedPosterCode } from './poster-code'

/** Great-circle distance in metres (haversine); plenty precise for "are you in the shop". */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_000
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

export type LocationVerdict = 'ok' | 'too-far' | 'location-required' | 'location-inaccurate'

/**
 * The location check of a printed-code visit: a poster is on a wall and its photo travels, so a
 * position is always required. A fix vaguer than the club's bound is refused (a coarse position
 * could claim the whole neighbourhood); otherwise the position, widened by its own accuracy, must
 * fall within the radius. The position is reported by the phone, so this stops a photo of the
 * poster used from home, not a member who fakes a GPS fix: that is what screen codes are for.
 */
export function checkLocation(
  policy: { radiusMeters: number; maxAccuracyMeters: number },
  partner: { lat: number; lng: number },
  reported: { lat: number; lng: number; accuracy: number } | null,
): LocationVerdict {
  if (!reported) return 'location-required'
  if (!Number.isFinite(reported.accuracy) || reported.accuracy > policy.maxAccuracyMeters) return 'location-inaccurate'
  const slack = Math.min(Math.max(0, reported.accuracy), policy.radiusMeters)
  return distanceMeters(partner, reported) - slack <= policy.radiusMeters ? 'ok' : 'too-far'
}

export type VisitCode = ({ mode: 'printed' } & ParsedPosterCode) | ({ mode: 'screen' } & ParsedCounterCode)

/** A scanned poster or counter screen (the code or the link around it), or null. */
export function parseVisitCode(input: string): VisitCode | null {
  const printed = parsePosterCode(input)
  if (printed) return { mode: 'printed', ...printed }
  const screen = parseCounterCode(input)
  return screen ? { mode: 'screen', ...screen } : null
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
