// Everything the app does with Firebase. Loaded lazily through ./index.ts, so the first screen
// paints before the SDKs arrive.
export { clearCachedData } from './app'
export { renewSession, signIn, signOut, signUp, watchSession, type SessionUser } from './auth'
export { watchClubConfig } from './club'
export { watchCoupons, watchPartners, watchReferredFriends, watchRewards } from './catalogue'
export type { Coupon, ReferredFriend } from './converters'
export {
  acceptCoupon,
  checkIn,
  claimAction,
  claimProfileReward,
  confirmEcoAction,
  declareReserveDuty,
  getCardKey,
  getCounterKey,
  joinClub,
  lookupMember,
  recordPurchase,
  redeemReward,
  rotateCardKey,
  setBirthday,
} from './functions'
export { fetchLedgerPage, type LedgerPage, type PageCursor } from './ledger'
export { updateProfile, watchMember, type ProfilePatch } from './members'
export { watchBadges } from './earn'
export { donatePoints } from './functions'
export { watchCharities, watchCharityTotals, watchDonations } from './impact'
export { submitReview, uploadPhoto } from './functions'
export { fetchMyReviews, fetchPartnerReviews, fetchRatingShards, fetchVisitEntries } from './reviews'
export { claimClue, getHuntCode } from './functions'
export { watchHuntFinishers, watchHuntProgress, watchHunts } from './hunts'
export { startSurvey, submitSurvey } from './functions'
export { fetchSurvey, fetchSurveyOutcome, fetchSurveys } from './surveys'
export { addComment, createPost, deletePost, reportContent, voteEntry } from './functions'
export { checkInEvent, getEventDoorKey, rsvpEvent } from './functions'
export { watchEvent, watchEvents, watchMyAttendance } from './events'
export {
  fetchFeedPage,
  fetchLiked,
  fetchMyCompetition,
  fetchMyReports,
  setLiked,
  watchComments,
  watchCompetitions,
  watchCounts,
  watchEntries,
  watchFeed,
  watchPinned,
  watchPost,
} from './community'
export { getWalletPass } from './functions'
