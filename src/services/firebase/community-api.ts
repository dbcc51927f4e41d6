// The club feed's door to Firebase, apart from ./index.ts: only the feed's lazy screens import
// it, so none of it weighs on the card route (see scripts/size-report.mjs).
import { later, watching } from './index'

export type { FeedComment, FeedCursor, FeedPost } from './community'

export const createPost = later((sdk) => sdk.createPost)
export const addComment = later((sdk) => sdk.addComment)
export const deletePost = later((sdk) => sdk.deletePost)
export const reportContent = later((sdk) => sdk.reportContent)
export const fetchFeedPage = later((sdk) => sdk.fetchFeedPage)
export const fetchLiked = later((sdk) => sdk.fetchLiked)
export const setLiked = later((sdk) => sdk.setLiked)
export const fetchMyReports = later((sdk) => sdk.fetchMyReports)
export const voteEntry = later((sdk) => sdk.voteEntry)
export const fetchMyCompetition = later((sdk) => sdk.fetchMyCompetition)
export const watchFeed = watching((sdk) => sdk.watchFeed)
export const watchPinned = watching((sdk) => sdk.watchPinned)
export const watchPost = watching((sdk) => sdk.watchPost)
export const watchComments = watching((sdk) => sdk.watchComments)
export const watchCounts = watching((sdk) => sdk.watchCounts)
export const watchCompetitions = watching((sdk) => sdk.watchCompetitions)
export const watchEntries = watching((sdk) => sdk.watchEntries)
export const rsvpEvent = later((sdk) => sdk.rsvpEvent)
export const checkInEvent = later((sdk) => sdk.checkInEvent)
export const getEventDoorKey = later((sdk) => sdk.getEventDoorKey)
export const watchEvents = watching((sdk) => sdk.watchEvents)
export const watchEvent = watching((sdk) => sdk.watchEvent)
export const watchMyAttendance = watching((sdk) => sdk.watchMyAttendance)
