import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https'
import { requireAuth } from './errors'

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

/** Staff of a partner store (with the partner in their claims). */
export function requireStaff(request: Pick<CallableRequest, 'auth'>): Caller & { partnerId: string } {
  const caller = callerOf(request)
  if (caller.role !== 'staff' || !caller.partnerId) {
    throw new HttpsError('permission-denied', 'Only partner-store staff can do this.')
  }
  return { ...caller, partnerId: caller.partnerId }
}

export function requireAdmin(request: Pick<CallableRequest, 'auth'>): Caller {
  const caller = callerOf(request)
  if (caller.role !== 'admin') throw new HttpsError('permission-denied', 'Only club operators can do this.')
  return caller
}

export function requireStaffOrAdmin(request: Pick<CallableRequest, 'auth'>): Caller {
  const caller = callerOf(request)
  if (caller.role === 'member') throw new HttpsError('permission-denied', 'Only staff or operators can do this.')
  return caller
}
