import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https'
import { requireAuth } from './errors'
import { db } from './admin'
import { staffStanding } from '../admin/staff/accounts'

export interface Caller {
  uid: string
  role: 'member' | 'staff' | 'admin'
  partnerId: string | null
  email: string | null
  /** A staff person's own member account, when the operator linked it (claim `memberUid`). */
  memberUid: string | null
}

export function callerOf(request: Pick<CallableRequest, 'auth'>): Caller {
  const { uid, email } = requireAuth(request)
  const token = request.auth!.token
  const role = token.role === 'staff' || token.role === 'admin' ? token.role : 'member'
  const partnerId = typeof token.partnerId === 'string' ? token.partnerId : null
  const memberUid = typeof token.memberUid === 'string' ? token.memberUid : null
  return { uid, role, partnerId, email, memberUid }
}

/**
 * Staff of a partner store, by the server's record (`staffAccounts/{uid}`), not by the token alone:
 * a claim lives in an ID token for up to an hour, and granting, moving and revoking take effect on
 * the account's next call. The store is the record's, whatever an older token says.
 */
export async function requireStaff(request: Pick<CallableRequest, 'auth'>): Promise<Caller & { partnerId: string }> {
  const caller = callerOf(request)
  const standing = caller.role === 'admin' ? null : await staffStanding(db(), caller.uid)
  if (!standing) {
    // A token that still says staff belongs to an account whose role was taken away.
    const details = caller.role === 'staff' ? { reason: 'staff-revoked' } : undefined
    throw new HttpsError('permission-denied', 'Only partner-store staff can do this.', details)
  }
  return { ...caller, role: 'staff', partnerId: standing.partnerId, memberUid: standing.memberUid ?? caller.memberUid }
}

export function requireAdmin(request: Pick<CallableRequest, 'auth'>): Caller {
  const caller = callerOf(request)
  if (caller.role !== 'admin') throw new HttpsError('permission-denied', 'Only club operators can do this.')
  return caller
}

/** An operator (by claim), or staff by the server's record (see requireStaff). */
export async function requireStaffOrAdmin(request: Pick<CallableRequest, 'auth'>): Promise<Caller> {
  const caller = callerOf(request)
  if (caller.role === 'admin') return caller
  return requireStaff(request)
}
