import { FieldValue } from 'firebase-admin/firestore'
import { onDocumentDeleted } from 'firebase-functions/v2/firestore'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import type { HouseholdLink } from '../../../src/domain/members/household'
import { db } from '../lib/admin'

/**
 * A deleted member document leaves its household: a gone member is taken off the owner's list
 * (the owner's ledger writes to every listed member's card), a gone owner's members get their
 * own balance back. Documents that are gone too are left alone.
 */
export const leaveDeletedHousehold = onDocumentDeleted(`${COLLECTIONS.members}/{uid}`, async (event) => {
  const firestore = db()
  const uid = event.params.uid
  const link = event.data?.get('household') as HouseholdLink | undefined
  const members = (event.data?.get('householdMembers') as string[] | undefined) ?? []
  if (!link && members.length === 0) return
  const refs = [...(link ? [firestore.doc(paths.member(link.ownerUid))] : []), ...members.map((m) => firestore.doc(paths.member(m)))]
  const alive = new Set((await firestore.getAll(...refs)).filter((snap) => snap.exists).map((snap) => snap.id))
  const batch = firestore.batch()
  if (link) {
    if (alive.has(link.ownerUid)) batch.update(firestore.doc(paths.member(link.ownerUid)), { householdMembers: FieldValue.arrayRemove(uid) })
    batch.delete(firestore.doc(paths.householdMember(link.ownerUid, uid)))
  }
  for (const member of members) {
    if (alive.has(member)) batch.update(firestore.doc(paths.member(member)), { household: FieldValue.delete(), sharedPoints: FieldValue.delete() })
    batch.delete(firestore.doc(paths.householdMember(uid, member)))
  }
  await batch.commit()
})
