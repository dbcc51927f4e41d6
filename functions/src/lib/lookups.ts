import type { Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { PartnerSchema, type Partner } from '../../../src/domain/shared/club-config'
import { paths } from '../../../src/domain/shared/paths'

export async function uidForMemberNumber(db: Firestore, memberNo: string): Promise<string> {
  const snap = await db.doc(paths.memberNumber(memberNo)).get()
  const uid = snap.get('uid')
  if (typeof uid !== 'string') throw new HttpsError('not-found', 'No member has this number.', { reason: 'unknown-member' })
  return uid
}

export async function loadPartner(db: Firestore, partnerId: string): Promise<Partner> {
  const snap = await db.doc(paths.partner(partnerId)).get()
  const parsed = PartnerSchema.safeParse(snap.data())
  if (!snap.exists || !parsed.success || !parsed.data.active) {
    throw new HttpsError('failed-precondition', 'This partner store is not active in the club.', { reason: 'partner-inactive' })
  }
  return parsed.data
}
