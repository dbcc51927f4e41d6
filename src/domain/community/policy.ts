import { z } from 'zod'

/**
 * The club feed's limits, modelled on Discourse's new-user limits and Mastodon's rate limits:
 * a steady member may post a few times a day with a pause between posts; a member on their
 * first day gets less rope; links from new members and listed words wait for a person.
 */
export const CommunityPolicySchema = z.object({
  enabled: z.boolean(),
  postMaxChars: z.number().int().min(20).max(5000),
  commentMaxChars: z.number().int().min(20).max(2000),
  postsPerDay: z.number().int().min(1).max(100),
  commentsPerDay: z.number().int().min(1).max(500),
  /** The pause between two posts of one member. */
  secondsBetweenPosts: z.number().int().min(0).max(3600),
  secondsBetweenComments: z.number().int().min(0).max(600),
  /** A member in their first day (since joining) gets these instead. */
  firstDayPosts: z.number().int().min(0).max(100),
  firstDayComments: z.number().int().min(0).max(500),
  /** Links in a post or comment by a member who joined less than this many days ago hold it. */
  newMemberDays: z.number().int().min(0).max(365),
  /** Reports from this many different members with a real purchase hide a post until reviewed. */
  reportsToHide: z.number().int().min(1).max(50),
  maxPhotosPerPost: z.number().int().min(0).max(4),
})

export type CommunityPolicy = z.infer<typeof CommunityPolicySchema>

export const DEFAULT_COMMUNITY_POLICY: CommunityPolicy = {
  enabled: true,
  postMaxChars: 1000,
  commentMaxChars: 500,
  postsPerDay: 5,
  commentsPerDay: 50,
  secondsBetweenPosts: 30,
  secondsBetweenComments: 5,
  firstDayPosts: 3,
  firstDayComments: 10,
  newMemberDays: 7,
  reportsToHide: 3,
  maxPhotosPerPost: 4,
}
