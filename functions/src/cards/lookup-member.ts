import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { Timestamp } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { localDate } from '../../../src/domain/shared/calendar'
import { LookupMemberInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { nameAtTill } from '../../../src/domain/members/member'
import { paths } from '../../../src/domain/shared/paths'
import { countLookup, staffDayOf } from '../../../src/domain/partners/purchase-limits'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requireStaff } from '../lib/roles'
import { identifyMember } from './identify'
import { parseCardToken } from '../../../src/domain/cards/card-token'
import { auditActor, recordAudit } from '../admin/audit'

/**
 * `lookupMember`: before recording a typed member number, the till confirms who it is — first
 * name and initial, and tier; nothing more. Each staff account has a small budget of lookups a
 * minute and a day (counted before the answer, found or not), so member numbers cannot be walked.
 * A scanned card needs no lookup: the purchase's own answer names the customer.
 */
export const lookupMember = callable(CALLABLES.lookupMember, { input: LookupMemberInputSchema, authorize: requireStaff }, async (input, staff) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const now = new Date()
  const dayRef = firestore.doc(paths.staffDay(staff.uid, localDate(now, config.timeZone)))
  // Audited with the counter, found or not: a lookup shows a member's name to the till.
  const memberNo = input.memberNo ?? parseCardToken(input.token ?? '')?.memberNo ?? null
  await firestore.runTransaction(async (tx) => {
    const [day, number] = await Promise.all([
      tx.get(dayRef),
      memberNo ? tx.get(firestore.doc(paths.memberNumber(memberNo))) : null,
    ])
    const counted = countLookup(config.purchases, staffDayOf(day.data()), now)
    if (!counted.ok) {
      throw new HttpsError('resource-exhausted', `Too many member lookups (${counted.reason}, limit ${counted.limit}).`, {
        reason: counted.reason,
        limit: counted.limit,
      })
    }
    tx.set(dayRef, { ...counted.next, lastLookupAt: Timestamp.fromDate(now), tillId: input.tillId ?? null }, { merge: true })
    const uid = number?.get('uid')
    recordAudit(tx, firestore, {
      actor: auditActor(staff, input.tillId ?? null),
      action: 'lookupMember',
      memberUid: typeof uid === 'string' ? uid : null,
      partnerId: staff.partnerId,
      target: memberNo,
      details: { typed: input.memberNo !== undefined, found: typeof uid === 'string' },
    })
  })
  const member = await identifyMember(firestore, input, now)
  const doc = await firestore.doc(paths.member(member.uid)).get()
  return { memberNo: member.memberNo, displayName: nameAtTill(String(doc.get('name') ?? '')), tierId: String(doc.get('tierId')) }
})
