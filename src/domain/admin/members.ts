import { z } from 'zod'
import { parseMemberNumber } from '../cards/member-number'

/** What the operator typed to find a member: a member number, an e-mail address, or a uid. */
export const FindMemberInputSchema = z.strictObject({
  query: z.string().trim().min(3).max(254),
})
export type FindMemberInput = z.input<typeof FindMemberInputSchema>

export type MemberQuery = { kind: 'memberNo'; memberNo: string } | { kind: 'email'; email: string } | { kind: 'uid'; uid: string }

const UID_PATTERN = /^[A-Za-z0-9_-]{6,128}$/

/**
 * How a query is read: a valid member number (spaces and dashes allowed, check digit right) first,
 * then an address with an `@` (compared without case, as Firebase Auth stores it), else a uid.
 * Digits that fail the check digit are not a uid either, so a mistyped number says so.
 */
export function parseMemberQuery(raw: string): MemberQuery | null {
  const query = raw.trim()
  const memberNo = parseMemberNumber(query)
  if (memberNo) return { kind: 'memberNo', memberNo }
  if (query.includes('@')) return /^[^\s@]+@[^\s@]+$/.test(query) ? { kind: 'email', email: query.toLowerCase() } : null
  if (/^[\d\s-]+$/.test(query)) return null
  return UID_PATTERN.test(query) ? { kind: 'uid', uid: query } : null
}

/** One member as the console lists them after a search. */
export interface MemberSummary {
  uid: string
  memberNo: string
  name: string
  email: string | null
  tierId: string
  balance: number
  pendingPoints: number
  pointsDebt: number
}

export interface FindMemberResult {
  member: MemberSummary
}
