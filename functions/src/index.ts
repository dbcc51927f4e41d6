// Only exports: each callable or job lives in its own file. config.ts comes first so the global
// options (region) apply to every function defined after it.
import './config'

export { claimProfileReward } from './activities/claim-profile-reward'
export { adjustPoints } from './admin/adjust-points'
export { getCardKey, rotateCardKey } from './cards/get-card-key'
export { lookupMember } from './cards/lookup-member'
export { checkIn } from './checkins/check-in-callable'
export { dailyMaintenance } from './maintenance/daily-maintenance'
export { runMaintenanceNow as runMaintenance } from './maintenance/run-maintenance'
export { joinClub } from './members/join-club'
export { getPosterCode } from './partners/get-poster-code'
export { recordPurchase } from './purchases/record-purchase'
export { reversePurchase } from './purchases/reverse-purchase'
export { referralLanding } from './referrals/referral-landing'
export { redeemReward } from './rewards/redeem-reward'
export { useCoupon } from './rewards/use-coupon-callable'
