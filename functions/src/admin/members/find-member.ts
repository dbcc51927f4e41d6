import { getAuth } from 'firebase-admin/auth'
import { HttpsError } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../../src/domain/contracts/callables'
import { FindMemberInputSchema, parseMemberQuery, type FindMemberResult } from '../../../../src/domain/admin/members'
import { paths } from '../../../../src/domain/shared/paths'
import { callable } from '../../lib/callable'
import { db } from '../../lib/admin'
import { requireAdmin } from '../../lib/roles'

const notFound = () => new HttpsError('not-found', 'No member matches this search.', { reason: 'member-not-found' })

async function uidForEmail(email: string): Promise<string> {
  try {
    return (await getAuth().getUserByEmail(email)).uid
  } catch (error) {
    if ((error as { code?: string }).code === 'auth/user-not-found') throw notFound()
    throw error
  }
}

/**
 * `findMember` (operators): one member by number, e-mail or uid, with what the console lists.
 * One or two reads; the member's page then reads the member and the ledger itself (rules).
 */
export const findMember = callable(CALLABLES.findMember, { input: FindMemberInputSchema, authorize: requireAdmin }, async (input): Promise<FindMemberResult> => {
  const query = parseMemberQuery(input.query)
  if (!query) throw new HttpsError('invalid-argument', 'Type a member number, an e-mail address or a uid.', { reason: 'member-query' })
  const firestore = db()
  let uid: string
  if (query.kind === 'memberNo') {
    const number = await firestore.doc(paths.memberNumber(query.memberNo)).get()
    const found = number.get('uid')
    if (typeof found !== 'string') throw notFound()
    uid = found
  } else if (query.kind === 'email') {
    uid = await uidForEmail(query.email)
  } else {
    uid = query.uid
  }
  const member = await firestore.doc(paths.member(uid)).get()
  if (!member.exists) throw notFound()
  const d = member.data()!
  return {
    member: {
      uid,
      memberNo: String(d.memberNo ?? ''),
      name: String(d.name ?? ''),
      email: typeof d.email === 'string' ? d.email : null,
      tierId: String(d.tierId ?? ''),
      balance: Number(d.balance ?? 0),
      pendingPoints: Number(d.pendingPoints ?? 0),
      pointsDebt: Number(d.pointsDebt ?? 0),
    },
  }
})
