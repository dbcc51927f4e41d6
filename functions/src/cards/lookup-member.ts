import { onCall } from 'firebase-functions/v2/https'
import type { MemberAtTill } from '../../../src/domain/callable-results'
import { LookupMemberInputSchema } from '../../../src/domain/callable-schemas'
import { firstName } from '../../../src/domain/member'
import { paths } from '../../../src/domain/paths'
import { db } from '../lib/admin'
import { parseInput } from '../lib/errors'
import { requireStaff } from '../lib/roles'
import { identifyMember } from './identify'

/**
 * `lookupMember`: after a scan, the till shows who it is (first name and tier only). The token is
 * checked but not used up: the purchase that follows uses it.
 */
export const lookupMember = onCall(async (request): Promise<MemberAtTill> => {
  requireStaff(request)
  const input = parseInput(LookupMemberInputSchema, request.data)
  const firestore = db()
  const member = await identifyMember(firestore, input, new Date())
  const doc = await firestore.doc(paths.member(member.uid)).get()
  return { memberNo: member.memberNo, firstName: firstName(String(doc.get('name') ?? '')), tierId: String(doc.get('tierId')) }
})
