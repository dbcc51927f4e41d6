import { randomBytes } from 'node:crypto'
import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import {
  HOUSEHOLD_OPEN_INVITES_MAX,
  acceptRefusal,
  inviteExpiry,
  inviteRefusal,
  openInviteCount,
  removalOwner,
  type HouseholdLink,
  type HouseholdRefusal,
  type HouseholdSide,
  type InviteFacts,
  type SharedPoints,
} from '../../../src/domain/members/household'
import type {
  AcceptHouseholdInviteResult,
  CreateHouseholdInviteResult,
  RemoveHouseholdMemberResult,
} from '../../../src/domain/members/household-schema'
import { pointsStateOf } from '../ledger/member-state'

const MESSAGES: Record<HouseholdRefusal, string> = {
  'household-disabled': 'This club does not offer household cards.',
  'invite-used': 'This household invite was already used.',
  'invite-expired': 'This household invite has expired; ask for a new one.',
  'invite-unusable': 'This household invite can no longer be used.',
  'household-self': 'This is your own household invite.',
  'household-already-member': 'You are already in a household; leave it first.',
  'household-has-members': 'You have your own household; remove its members first.',
  'household-full': 'This household is full.',
  'household-member-cannot-invite': 'Only the owner of a household invites to it.',
}

function refuse(reason: HouseholdRefusal): HttpsError {
  return new HttpsError('failed-precondition', MESSAGES[reason], { reason })
}

function sideOf(member: DocumentSnapshot): HouseholdSide {
  return {
    uid: member.id,
    household: (member.get('household') as HouseholdLink | undefined) ?? null,
    householdMembers: (member.get('householdMembers') as string[] | undefined) ?? [],
  }
}

function inviteFacts(invite: DocumentSnapshot): InviteFacts {
  return {
    ownerUid: String(invite.get('ownerUid')),
    expiresAt: (invite.get('expiresAt') as Timestamp).toDate(),
    usedBy: (invite.get('usedBy') as string | null | undefined) ?? null,
  }
}

const unknownMember = () => new HttpsError('not-found', 'No such member.', { reason: 'unknown-member' })

/**
 * The owner asks for an invite: a random 128-bit code, good for one person for a week. At most a
 * few are open at once; a retry of the same request gets the same invite back.
 */
export async function createHouseholdInvite(
  db: Firestore,
  params: { uid: string; requestId: string; config: ClubConfig; now?: Date },
): Promise<CreateHouseholdInviteResult> {
  const ownerRef = db.doc(paths.member(params.uid))
  const invitesQuery = db.collection(COLLECTIONS.householdInvites).where('ownerUid', '==', params.uid)
  return db.runTransaction(async (tx) => {
    const [owner, invites] = await Promise.all([tx.get(ownerRef), tx.get(invitesQuery)])
    if (!owner.exists) throw unknownMember()
    const now = params.now ?? new Date()
    const same = invites.docs.find((d) => d.get('requestId') === params.requestId)
    if (same) return { code: same.id, expiresAt: inviteFacts(same).expiresAt.toISOString(), replayed: true }
    const refusal = inviteRefusal(params.config.household, sideOf(owner))
    if (refusal) throw refuse(refusal)
    if (openInviteCount(invites.docs.map(inviteFacts), now) >= HOUSEHOLD_OPEN_INVITES_MAX) {
      throw new HttpsError('resource-exhausted', `At most ${HOUSEHOLD_OPEN_INVITES_MAX} household invites can be open at once.`, {
        reason: 'household-invites-exhausted',
        limit: HOUSEHOLD_OPEN_INVITES_MAX,
      })
    }
    // Expired invites that nobody used are of no further use to anyone.
    for (const d of invites.docs) {
      const facts = inviteFacts(d)
      if (facts.usedBy === null && facts.expiresAt.getTime() <= now.getTime()) tx.delete(d.ref)
    }
    const code = randomBytes(16).toString('base64url')
    const expiresAt = inviteExpiry(now)
    tx.create(db.doc(paths.householdInvite(code)), {
      ownerUid: params.uid,
      requestId: params.requestId,
      createdAt: Timestamp.fromDate(now),
      expiresAt: Timestamp.fromDate(expiresAt),
      usedBy: null,
      usedAt: null,
    })
    return { code, expiresAt: expiresAt.toISOString(), replayed: false }
  })
}

/**
 * The invitee, signed in on their own phone, accepts: from now on what they earn goes to the
 * owner's balance, and their card shows it. One transaction over the invite and both member
 * documents, so of any number of simultaneous accepts exactly one wins.
 */
export async function acceptHouseholdInvite(
  db: Firestore,
  params: { uid: string; code: string; config: ClubConfig; now?: Date },
): Promise<AcceptHouseholdInviteResult> {
  const inviteRef = db.doc(paths.householdInvite(params.code))
  const inviteeRef = db.doc(paths.member(params.uid))
  return db.runTransaction(async (tx) => {
    const [invite, invitee] = await Promise.all([tx.get(inviteRef), tx.get(inviteeRef)])
    if (!invitee.exists) throw unknownMember()
    if (!invite.exists) throw new HttpsError('not-found', 'No such household invite.', { reason: 'invite-unknown' })
    const facts = inviteFacts(invite)
    const link = sideOf(invitee).household
    if (facts.usedBy === params.uid && link?.ownerUid === facts.ownerUid) return { ownerName: link.ownerName, replayed: true }
    const owner = await tx.get(db.doc(paths.member(facts.ownerUid)))
    if (!owner.exists) throw refuse('invite-unusable')
    const now = params.now ?? new Date()
    const refusal = acceptRefusal(params.config.household, facts, sideOf(invitee), sideOf(owner), now)
    if (refusal) throw refuse(refusal)
    const ownerName = String(owner.get('name') ?? '')
    const state = pointsStateOf(owner.data() ?? {})
    const household: HouseholdLink = { ownerUid: owner.id, ownerName, since: now.toISOString() }
    const sharedPoints: SharedPoints = { balance: state.balance, tierId: state.tierId }
    const at = Timestamp.fromDate(now)
    tx.update(inviteRef, { usedBy: params.uid, usedAt: at })
    tx.update(inviteeRef, { household, sharedPoints, updatedAt: at })
    tx.update(owner.ref, { householdMembers: FieldValue.arrayUnion(params.uid), updatedAt: at })
    tx.set(db.doc(paths.householdMember(owner.id, params.uid)), {
      uid: params.uid,
      name: String(invitee.get('name') ?? ''),
      joinedAt: household.since,
      earned: 0,
    })
    return { ownerName, replayed: false }
  })
}

/**
 * The owner removes a member, or a member leaves. From then on the member earns into their own
 * balance and no longer sees the shared one; what they earned before stays with the owner.
 */
export async function removeHouseholdMember(
  db: Firestore,
  params: { callerUid: string; uid: string; now?: Date },
): Promise<RemoveHouseholdMemberResult> {
  const targetRef = db.doc(paths.member(params.uid))
  return db.runTransaction(async (tx) => {
    const target = await tx.get(targetRef)
    const ownerUid = removalOwner(params.callerUid, params.uid, target.exists ? sideOf(target) : null)
    // A stranger is told the same as for someone in no household: nothing about whose it is.
    if (!ownerUid) throw new HttpsError('failed-precondition', 'This person is not in your household.', { reason: 'household-not-member' })
    const owner = await tx.get(db.doc(paths.member(ownerUid)))
    const at = Timestamp.fromDate(params.now ?? new Date())
    // Kept so that an operation already paid into this household (today's visit) is not paid again
    // into the member's own balance (functions/src/ledger/transaction.ts, readParties).
    tx.update(targetRef, { household: FieldValue.delete(), sharedPoints: FieldValue.delete(), formerHousehold: { ownerUid }, updatedAt: at })
    if (owner.exists) tx.update(owner.ref, { householdMembers: FieldValue.arrayRemove(params.uid), updatedAt: at })
    tx.delete(db.doc(paths.householdMember(ownerUid, params.uid)))
    return { removed: true }
  })
}
