// Earning without buying — its door to Firebase, apart from ./index.ts: only the earning screens'
// lazy chunks import it, so none of it weighs on the card route (see scripts/size-report.mjs).
import { later, watching } from './index'

export type { MyReview, PublishedReview, ReviewCursor } from './reviews'

export const claimAction = later((sdk) => sdk.claimAction)
export const declareReserveDuty = later((sdk) => sdk.declareReserveDuty)
export const claimProfileReward = later((sdk) => sdk.claimProfileReward)
export const setBirthday = later((sdk) => sdk.setBirthday)
export const donatePoints = later((sdk) => sdk.donatePoints)
export const submitReview = later((sdk) => sdk.submitReview)
export const fetchPartnerReviews = later((sdk) => sdk.fetchPartnerReviews)
export const fetchRatingShards = later((sdk) => sdk.fetchRatingShards)
export const fetchVisitEntries = later((sdk) => sdk.fetchVisitEntries)
export const fetchMyReviews = later((sdk) => sdk.fetchMyReviews)
export const claimClue = later((sdk) => sdk.claimClue)
export const getHuntCode = later((sdk) => sdk.getHuntCode)
export const fetchSurveys = later((sdk) => sdk.fetchSurveys)
export const fetchSurvey = later((sdk) => sdk.fetchSurvey)
export const fetchSurveyOutcome = later((sdk) => sdk.fetchSurveyOutcome)
export const startSurvey = later((sdk) => sdk.startSurvey)
export const submitSurvey = later((sdk) => sdk.submitSurvey)
export const watchBadges = watching((sdk) => sdk.watchBadges)
export const watchCharities = watching((sdk) => sdk.watchCharities)
export const watchCharityTotals = watching((sdk) => sdk.watchCharityTotals)
export const watchDonations = watching((sdk) => sdk.watchDonations)
export const watchHunts = watching((sdk) => sdk.watchHunts)
export const watchHuntProgress = watching((sdk) => sdk.watchHuntProgress)
export const watchHuntFinishers = watching((sdk) => sdk.watchHuntFinishers)
