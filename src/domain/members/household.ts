import { idOf } from '../shared/paths'

/**
 * Household cards. An owner invites people through a link; each keeps their own member account,
 * card key and rotating card, and what they earn (purchases, visits, activities, surveys, hunt
 * clues, eco actions, event attendance, competition prizes, promo codes and offer bonuses) lands
 * in the owner's ledger with `earnedBy` set, so the household has one shared balance and the owner
 * sees who earned what. Payments that belong to the person stay on their own ledger: the birthday
 * gift, referral bonuses, week streaks and reviews (a review's points can be taken back later). A member's own points from before joining stay on their own ledger: they are
 * not moved, not shown while the member is in a household, and are theirs again when they leave.
 * Only the owner spends the shared balance; a household member's redemption or donation is refused.
 */

/** An invite lasts a week and is good for one person. */
export const HOUSEHOLD_INVITE_DAYS = 7
/** Open invites an owner may hold at once (each is a key to their balance). */
export const HOUSEHOLD_OPEN_INVITES_MAX = 5
/** 128 random bits, base64url: not guessable, and short enough for a link. */
export const HOUSEHOLD_INVITE_CODE = /^[A-Za-z0-9_-]{22}$/

export type HouseholdRefusal =
  | 'household-disabled'
  | 'invite-used'
  | 'invite-expired'
  | 'invite-unusable'
  | 'household-self'
  | 'household-already-member'
  | 'household-has-members'
  | 'household-full'
  | 'household-member-cannot-invite'

/** How a household member's doc names their household (server-written). */
export interface HouseholdLink {
  ownerUid: string
  ownerName: string
  /** ISO time of joining. */
  since: string
}

/** The shared balance and tier, mirrored onto each household member's doc for their card. */
export interface SharedPoints {
  balance: number
  tierId: string
}

/** One person in an owner's household as the owner reads it (`members/{owner}/household/{uid}`). */
export interface HouseholdMemberRow {
  uid: string
  name: string
  /** ISO time of joining. */
  joinedAt: string
  /** Points this person earned into the shared balance. */
  earned: number
}

export interface InviteFacts {
  ownerUid: string
  expiresAt: Date
  usedBy: string | null
}

/** Who is involved, as their member docs say. */
export interface HouseholdSide {
  uid: string
  household: HouseholdLink | null
  householdMembers: string[]
}

export function inviteExpiry(now: Date): Date {
  return new Date(now.getTime() + HOUSEHOLD_INVITE_DAYS * 86_400_000)
}

/** Invites not yet used and not yet expired. */
export function openInviteCount(invites: InviteFacts[], now: Date): number {
  return invites.filter((i) => i.usedBy === null && i.expiresAt.getTime() > now.getTime()).length
}

/** Why this member cannot invite now, or null. */
export function inviteRefusal(policy: { enabled: boolean; maxMembers: number }, owner: HouseholdSide): HouseholdRefusal | null {
  if (!policy.enabled) return 'household-disabled'
  if (owner.household) return 'household-member-cannot-invite'
  if (owner.householdMembers.length >= policy.maxMembers) return 'household-full'
  return null
}

/**
 * Why `invitee` cannot accept `invite` from `owner` now, or null. The order matters only for
 * which reason is shown; any refusal changes nothing.
 */
export function acceptRefusal(
  policy: { enabled: boolean; maxMembers: number },
  invite: InviteFacts,
  invitee: HouseholdSide,
  owner: HouseholdSide,
  now: Date,
): HouseholdRefusal | null {
  if (!policy.enabled) return 'household-disabled'
  if (invite.usedBy !== null) return 'invite-used'
  if (invite.expiresAt.getTime() <= now.getTime()) return 'invite-expired'
  if (invitee.uid === owner.uid) return 'household-self'
  if (invitee.household) return 'household-already-member'
  if (invitee.householdMembers.length > 0) return 'household-has-members'
  // The inviter has since joined another household: no chains of households.
  if (owner.household) return 'invite-unusable'
  if (owner.householdMembers.length >= policy.maxMembers) return 'household-full'
  return null
}

/**
 * Who may take `targetUid` out of a household: its owner, or the person themselves (leaving).
 * Returns the owner's uid, or null when the caller may not.
 */
export function removalOwner(callerUid: string, targetUid: string, target: HouseholdSide | null): string | null {
  const ownerUid = target?.household?.ownerUid
  if (!ownerUid) return null
  return callerUid === ownerUid || callerUid === targetUid ? ownerUid : null
}

/**
 * A household member's ledger entry id in the owner's ledger: the operation's own id, under the
 * member's uid, so the member's daily visit cannot collide with the owner's (a receipt is still
 * paid once: its receipt document is club-wide).
 */
export function householdEntryId(earnerUid: string, entryId: string): string {
  return idOf('household', earnerUid, entryId)
}

/** The join link an owner shares. */
export function householdInviteLink(origin: string, code: string): string {
  return `${origin}/household/join?code=${encodeURIComponent(code)}`
}
