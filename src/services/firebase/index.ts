// The app's only door to Firebase: views and stores import from here, never from `firebase/*`.
export { AuthFailure, signIn, signOut, signUp, watchSession, type AuthFailureReason, type SessionUser } from './auth'
export { watchClubConfig } from './club'
export { watchCoupons, watchPartners, watchReferredFriends, watchRewards } from './catalogue'
export type { Coupon, ReferredFriend } from './converters'
export {
  AppError,
  acceptCoupon,
  checkIn,
  claimProfileReward,
  getCardKey,
  getPosterCode,
  joinClub,
  lookupMember,
  recordPurchase,
  redeemReward,
  rotateCardKey,
} from './functions'
export { fetchLedgerPage, type LedgerPage, type PageCursor } from './ledger'
export { updateProfile, watchMember, type ProfilePatch } from './members'
