import type { Auth } from 'firebase-admin/auth'
import { Timestamp, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { paths } from '../../../../src/domain/shared/paths'
import { recordAudit, type AuditActor } from '../audit'

/**
 * Staff accounts. The role lives in two places: `staffAccounts/{uid}` (the server's record, read on
 * every staff call) and the account's custom claims (which the app reads to open the till). A
 * claim stays in an ID token for up to an hour, so the server never trusts it alone: a revoked
 * account is refused on its next call even with its old token, and a moved account acts only for
 * its new store.
 */
export interface StaffStanding {
  partnerId: string
  memberUid: string | null
}

/** The account's standing as staff by the server's record; null when it is not (or no longer) staff. */
export function standingOf(snap: DocumentSnapshot): StaffStanding | null {
  const partnerId = snap.get('partnerId')
  if (!snap.exists || snap.get('active') !== true || typeof partnerId !== 'string') return null
  const memberUid = snap.get('memberUid')
  return { partnerId, memberUid: typeof memberUid === 'string' ? memberUid : null }
}

export async function staffStanding(db: Firestore, uid: string): Promise<StaffStanding | null> {
  return standingOf(await db.doc(paths.staffAccount(uid)).get())
}

export interface GrantParams {
  uid: string
  email: string | null
  partnerId: string
  /** The staff person's own member account; undefined keeps the link the record already has. */
  memberUid?: string | null
  actor: AuditActor
  at?: Date
}

/**
 * Writes the grant (or the move to another store) and its audit entry in the transaction. A grant
 * that changes nothing — the same store, the same link — writes nothing and says so.
 */
export async function grantInTransaction(tx: Transaction, db: Firestore, params: GrantParams): Promise<{ replayed: boolean; memberUid: string | null }> {
  const ref = db.doc(paths.staffAccount(params.uid))
  const current = await tx.get(ref)
  const before = standingOf(current)
  const memberUid = params.memberUid !== undefined ? params.memberUid : before?.memberUid ?? null
  if (before && before.partnerId === params.partnerId && before.memberUid === memberUid) return { replayed: true, memberUid }
  const at = Timestamp.fromDate(params.at ?? new Date())
  tx.set(ref, {
    uid: params.uid,
    email: params.email,
    partnerId: params.partnerId,
    active: true,
    memberUid,
    grantedBy: params.actor.uid,
    grantedAt: at,
    revokedBy: null,
    revokedAt: null,
    version: Number(current.get('version') ?? 0) + 1,
  })
  recordAudit(tx, db, {
    actor: params.actor,
    action: 'grantStaff',
    memberUid,
    partnerId: params.partnerId,
    target: params.uid,
    details: { email: params.email, movedFrom: before && before.partnerId !== params.partnerId ? before.partnerId : null },
  })
  return { replayed: false, memberUid }
}

/** Ends the account's standing as staff, with its audit entry; an account that is not staff is left alone. */
export async function revokeInTransaction(
  tx: Transaction,
  db: Firestore,
  params: { uid: string; actor: AuditActor; at?: Date },
): Promise<{ exists: boolean; replayed: boolean }> {
  const ref = db.doc(paths.staffAccount(params.uid))
  const current = await tx.get(ref)
  if (!current.exists) return { exists: false, replayed: false }
  const before = standingOf(current)
  if (!before) return { exists: true, replayed: true }
  tx.update(ref, {
    active: false,
    revokedBy: params.actor.uid,
    revokedAt: Timestamp.fromDate(params.at ?? new Date()),
    version: Number(current.get('version') ?? 0) + 1,
  })
  recordAudit(tx, db, {
    actor: params.actor,
    action: 'revokeStaff',
    memberUid: before.memberUid,
    partnerId: before.partnerId,
    target: params.uid,
    details: { email: typeof current.get('email') === 'string' ? current.get('email') : null },
  })
  return { exists: true, replayed: false }
}

const STAFF_CLAIMS = ['role', 'partnerId', 'memberUid'] as const

/**
 * Makes the account's claims say what its record says. Grants and revokes of one account may
 * overlap: each writes the claims of the record it read, then reads the record again and repeats
 * if it changed meanwhile, so whichever finishes last leaves the claims of the latest record.
 * An operator's claims are never touched (an operator is never made staff).
 */
export async function syncStaffClaims(db: Firestore, auth: Auth, uid: string): Promise<void> {
  const ref = db.doc(paths.staffAccount(uid))
  for (let round = 0; round < 10; round++) {
    const record = await ref.get()
    const user = await auth.getUser(uid)
    const claims: Record<string, unknown> = { ...(user.customClaims ?? {}) }
    if (claims.role === 'admin') return
    for (const key of STAFF_CLAIMS) delete claims[key]
    const standing = standingOf(record)
    if (standing) {
      claims.role = 'staff'
      claims.partnerId = standing.partnerId
      if (standing.memberUid) claims.memberUid = standing.memberUid
    }
    await auth.setCustomUserClaims(uid, claims)
    const again = await ref.get()
    if (again.get('version') === record.get('version')) return
  }
}

/**
 * A staff account set up outside the console (the demo seed, tests, benchmarks): the record, its
 * audit entry and the claims, the way `grantStaff` leaves them.
 */
export async function setUpStaffAccount(
  db: Firestore,
  auth: Auth,
  params: { uid: string; email: string | null; partnerId: string; memberUid?: string | null; grantedBy?: string },
): Promise<void> {
  const actor: AuditActor = { uid: params.grantedBy ?? 'setup', role: 'admin', partnerId: null, tillId: null }
  await db.runTransaction((tx) => grantInTransaction(tx, db, { ...params, actor }))
  await syncStaffClaims(db, auth, params.uid)
}
