import { collection, onSnapshot, orderBy, query, where } from 'firebase/firestore'
import type { Partner, Reward } from '@/domain/shared/club-config'
import { COLLECTIONS } from '@/domain/shared/paths'
import { db } from './app'
import {
  couponConverter,
  partnerConverter,
  referredFriendConverter,
  rewardConverter,
  type Coupon,
  type ReferredFriend,
} from './converters'

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

/** The friends a member brought (first names and progress only). */
export function watchReferredFriends(uid: string, onChange: (friends: ReferredFriend[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, COLLECTIONS.referrals), where('referrerUid', '==', uid)).withConverter(referredFriendConverter),
    (snap) => onChange(snap.docs.map((doc) => doc.data()).sort((a, b) => b.joinedAt.getTime() - a.joinedAt.getTime())),
    onError,
  )
}
