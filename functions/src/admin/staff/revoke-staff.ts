import { getAuth } from 'firebase-admin/auth'
import { HttpsError } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../../src/domain/contracts/callables'
import { RevokeStaffInputSchema } from '../../../../src/domain/admin/staff-schema'
import { db } from '../../lib/admin'
import { callable } from '../../lib/callable'
import { requireAdmin } from '../../lib/roles'
import { auditActor } from '../audit'
import { revokeInTransaction, syncStaffClaims } from './accounts'

/**
 * `revokeStaff` (operators): the account is refused from its next call on, even with the token it
 * already holds (the server reads its record); its claims lose the role and its refresh tokens are
 * revoked, so the app is signed out when it next renews its token.
 */
export const revokeStaff = callable(CALLABLES.revokeStaff, { input: RevokeStaffInputSchema, authorize: requireAdmin }, async (input, admin) => {
  const firestore = db()
  const outcome = await firestore.runTransaction((tx) => revokeInTransaction(tx, firestore, { uid: input.uid, actor: auditActor(admin) }))
  if (!outcome.exists) throw new HttpsError('not-found', 'This account is not a staff account.', { reason: 'staff-not-found' })
  await syncStaffClaims(firestore, getAuth(), input.uid)
  if (!outcome.replayed) await getAuth().revokeRefreshTokens(input.uid)
  return { uid: input.uid, replayed: outcome.replayed }
})
