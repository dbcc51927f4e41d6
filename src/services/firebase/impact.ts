import { collection, onSnapshot, orderBy, query, where } from 'firebase/firestore'
import { CharitySchema, shardOf, sumShards, type Charity, type DonationReceipt, type DonationTotals } from '@/domain/earn/charities'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { db } from './app'

type Unsubscribe = () => void

/** The charities that take donations now (the rules show members only the active ones). */
export function watchCharities(onChange: (charities: Charity[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, COLLECTIONS.charities), where('active', '==', true)),
    (snap) =>
      onChange(
        snap.docs.flatMap((doc) => {
          // An operator's malformed document is skipped rather than shown half.
          const parsed = CharitySchema.safeParse(doc.data())
          return parsed.success ? [parsed.data] : []
        }),
      ),
    onError,
  )
}

/** A charity's running totals: its shard documents, summed on every change. */
export function watchCharityTotals(charityId: string, onChange: (totals: DonationTotals) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    collection(db, paths.charity(charityId), COLLECTIONS.charityShards),
    (snap) => onChange(sumShards(snap.docs.map((doc) => shardOf(doc.data())))),
    onError,
  )
}

/** The member's donation receipts, newest first. */
export function watchDonations(uid: string, onChange: (receipts: DonationReceipt[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, COLLECTIONS.donations), where('uid', '==', uid), orderBy('createdAt', 'desc')),
    (snap) =>
      onChange(
        snap.docs.map((doc) => {
          const d = doc.data()
          return {
            id: doc.id,
            receiptNo: String(d.receiptNo ?? ''),
            charityId: String(d.charityId ?? ''),
            charityName: d.charityName,
            points: Number(d.points ?? 0),
            valueShekels: Number(d.valueShekels ?? 0),
            matchedPoints: Number(d.matchedPoints ?? 0),
            matchedShekels: Number(d.matchedShekels ?? 0),
            matchPartnerId: typeof d.matchPartnerId === 'string' ? d.matchPartnerId : null,
            campaignId: typeof d.campaignId === 'string' ? d.campaignId : null,
            createdAt: typeof d.createdAt?.toDate === 'function' ? d.createdAt.toDate().toISOString() : new Date(0).toISOString(),
          }
        }),
      ),
    onError,
  )
}
