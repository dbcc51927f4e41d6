import { getAuth } from 'firebase-admin/auth'
import { HttpsError } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../../src/domain/contracts/callables'
import { GrantStaffInputSchema } from '../../../../src/domain/admin/staff-schema'
import { paths } from '../../../../src/domain/shared/paths'
import { db } from '../../lib/admin'
import { callable } from '../../lib/callable'
import { loadPartner, uidForMemberNumber } from '../../lib/lookups'
import { requireAdmin } from '../../lib/roles'
import { auditActor } from '../audit'
import { grantInTransaction, syncStaffClaims } from './accounts'

/** The Auth account with this e-mail, or `not-found` the console explains (the person signs up first). */
async function accountByEmail(email: string) {
  try {
    return await getAuth().getUserByEmail(email)
  } catch (error) {
    if ((error as { code?: string }).code === 'auth/user-not-found') {
      throw new HttpsError('not-found', 'No account has this e-mail address.', { reason: 'account-not-found' })
    }
    throw error
  }
}

/**
 * `grantStaff` (operators): an existing account becomes staff of a partner store, or moves to
 * another store. Staff accounts are not member accounts: the person signs up with a separate
 * e-mail for the till, and their own member card may be linked (`memberNo`) so they never earn on
 * what they record. Effective on the account's next call (the server reads its record); the app
 * opens the till once its token is refreshed (at sign-in, or on the next load).
 */
export const grantStaff = callable(CALLABLES.grantStaff, { input: GrantStaffInputSchema, authorize: requireAdmin }, async (input, admin) => {
  const firestore = db()
  const user = await accountByEmail(input.email)
  if (user.customClaims?.role === 'admin') {
    throw new HttpsError('failed-precondition', 'An operator account cannot be made staff.', { reason: 'account-is-admin' })
  }
  const [partner, member] = await Promise.all([
    firestore.doc(paths.partner(input.partnerId)).get(),
    firestore.doc(paths.member(user.uid)).get(),
  ])
  if (!partner.exists) throw new HttpsError('not-found', 'No partner store has this id.', { reason: 'unknown-partner' })
  await loadPartner(firestore, input.partnerId)
  if (member.exists) {
    throw new HttpsError('failed-precondition', 'This is a member account; staff use a separate account.', { reason: 'account-is-member' })
  }
  const memberUid = input.memberNo ? await uidForMemberNumber(firestore, input.memberNo) : undefined
  const outcome = await firestore.runTransaction((tx) =>
    grantInTransaction(tx, firestore, {
      uid: user.uid,
      email: user.email ?? input.email,
      partnerId: input.partnerId,
      memberUid,
      actor: auditActor(admin),
    }),
  )
  // Also on a replay: a grant cut short between its record and its claims is completed by a retry.
  await syncStaffClaims(firestore, getAuth(), user.uid)
  return { uid: user.uid, email: user.email ?? input.email, partnerId: input.partnerId, memberUid: outcome.memberUid, replayed: outcome.replayed }
})
