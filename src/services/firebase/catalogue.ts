import { collection, onSnapshot, orderBy, query, where } from 'firebase/firestore'
import type { Partner, Reward } from '@/domain/club-config'
import { COLLECTIONS } from '@/domain/paths'
import { db } from './app'
import { couponConverter, partnerConverter, rewardConverter, type Coupon } from './converters'

type Unsubscribe = () => void

/** The partner stores (the directory is small: the whole list, live, cached for offline). */
export function watchPartners(onChange: (partners: Partner[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    collection(db, COLLECTIONS.partners).withConverter(partnerConverter),
    (snap) => onChange(snap.docs.map((doc) => doc.data())),
    onError,
  )
}

export function watchRewards(onChange: (rewards: Reward[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, COLLECTIONS.rewards), where('active', '==', true)).withConverter(rewardConverter),
    (snap) => onChange(snap.docs.map((doc) => doc.data()).sort((a, b) => a.cost - b.cost)),
    onError,
  )
}

/** The member's coupons, newest first. */
export function watchCoupons(uid: string, onChange: (coupons: Coupon[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, COLLECTIONS.coupons), where('uid', '==', uid), orderBy('issuedAt', 'desc')).withConverter(
      couponConverter,
    ),
    (snap) => onChange(snap.docs.map((doc) => doc.data())),
    onError,
  )
}
