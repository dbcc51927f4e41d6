import { describe, expect, it } from 'vitest'
import { pushText } from '../../functions/src/messages/push'

describe('pushText', () => {
  it('writes a notification as the inbox does, in the member’s language, with plural forms', () => {
    expect(pushText('points-arrived', { points: 2 }, 'he', '')).toEqual({ title: 'נקודות חדשות ביתרה', body: 'שתי נקודות נוספו ליתרה שלך.' })
    expect(pushText('points-arrived', { points: 1200 }, 'en', '')).toEqual({ title: 'Points arrived', body: '1,200 points were added to your balance.' })
    expect(pushText('tier-up', { tierId: 'gold' }, 'en', 'Gold').title).toBe('You’ve moved up to Gold')
  })

  it('uses the club’s own words where it set them, filled the same way', () => {
    const own = { title: { he: 'מזל טוב', en: 'Well done, {tier}' }, body: { he: 'גוף', en: 'Body' } }
    expect(pushText('tier-up', { tierId: 'gold' }, 'en', 'Gold', own)).toEqual({ title: 'Well done, Gold', body: 'Body' })
  })
})
