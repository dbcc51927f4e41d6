import { describe, expect, it } from 'vitest'
import { BADGES, BADGE_IDS, badgeShelf, earnedBadges, factsStillNeeded, isBadgeId } from '@/domain/earn/badges'

describe('badge rules', () => {
  it('grant nothing for no facts, and never judge a fact that was not measured', () => {
    expect(earnedBadges({})).toEqual([])
    expect(earnedBadges({ purchases: 0, visits: 0, partnersVisited: 0, profileComplete: false, reviews: 0, huntsFinished: 0 })).toEqual([])
  })

  it('grant each milestone at its goal, not before', () => {
    expect(earnedBadges({ purchases: 1 })).toEqual(['first-purchase'])
    expect(earnedBadges({ visits: 9 })).toEqual(['first-visit'])
    expect(earnedBadges({ visits: 10 })).toEqual(['first-visit', 'ten-visits'])
    expect(earnedBadges({ partnersVisited: 4 })).toEqual([])
    expect(earnedBadges({ partnersVisited: 5 })).toEqual(['five-partners'])
    expect(earnedBadges({ profileComplete: true })).toEqual(['profile-complete'])
    expect(earnedBadges({ reviews: 1 })).toEqual(['first-review'])
    expect(earnedBadges({ huntsFinished: 2 })).toEqual(['hunt-finished'])
    expect(earnedBadges({ streakWeeks: 3 })).toEqual([])
    expect(earnedBadges({ streakWeeks: 4 })).toEqual(['week-streak'])
  })

  it('grant several at once from one set of facts', () => {
    expect(earnedBadges({ purchases: 3, partnersVisited: 6, visits: 12 }).sort()).toEqual(
      ['first-purchase', 'first-visit', 'five-partners', 'ten-visits'].sort(),
    )
  })

  it('measure only the facts of badges still missing', () => {
    expect(factsStillNeeded([]).sort()).toEqual(['ecoActions', 'huntsFinished', 'partnersVisited', 'profileComplete', 'purchases', 'reviews', 'streakWeeks', 'visits'])
    // Ten visits still needs the visit count after the first visit is earned.
    expect(factsStillNeeded(['first-purchase', 'first-visit', 'five-partners'])).not.toContain('purchases')
    expect(factsStillNeeded(['first-purchase', 'first-visit', 'five-partners'])).toContain('visits')
    expect(factsStillNeeded(BADGE_IDS)).toEqual([])
  })

  it('have unique ids that are safe as document ids and file names', () => {
    expect(new Set(BADGE_IDS).size).toBe(BADGES.length)
    for (const id of BADGE_IDS) expect(id).toMatch(/^[a-z0-9-]+$/)
    expect(isBadgeId('first-purchase')).toBe(true)
    expect(isBadgeId('../evil')).toBe(false)
    expect(isBadgeId(7)).toBe(false)
  })

  it('shelve earned badges newest first, then the locked ones in order', () => {
    const shelf = badgeShelf([
      { id: 'first-purchase', earnedAt: new Date('2026-01-01') },
      { id: 'profile-complete', earnedAt: new Date('2026-03-01') },
    ])
    expect(shelf.map((badge) => badge.id)).toEqual([
      'profile-complete',
      'first-purchase',
      'first-visit',
      'five-partners',
      'ten-visits',
      'first-review',
      'hunt-finished',
      'eco-5',
      'week-streak',
    ])
    expect(shelf.slice(2).every((badge) => badge.earnedAt === null)).toBe(true)
  })
})
