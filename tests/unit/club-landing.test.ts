import { describe, expect, it } from 'vitest'
import { CLUB_LANDING_VERSION, clubLandingOf, readClubLanding } from '@/domain/members/club-landing'
import { demoConfig, demoPartners } from '../../scripts/demo-club'

const landing = () => clubLandingOf(demoConfig, [...demoPartners, { ...demoPartners[0]!, id: 'closed-shop', active: false }])

describe('the club as visitors see it', () => {
  it('has the name, the tiers with their thresholds and benefits, the active stores and the offers, and nothing else', () => {
    const data = landing()
    expect(data.name).toEqual(demoConfig.name)
    expect(data.tiers.map((tier) => [tier.id, tier.threshold, tier.benefits.length])).toEqual([
      ['silver', 0, 2],
      ['gold', 1000, 3],
      ['platinum', 3000, 3],
    ])
    expect(data.partners.map((partner) => partner.id).sort()).toEqual(demoPartners.filter((p) => p.active).map((p) => p.id).sort())
    expect(Object.keys(data.partners[0]!).sort()).toEqual(['address', 'category', 'id', 'name'])
    expect(data).toMatchObject({ welcomePoints: 50, pointsPerShekel: 1, referral: { friendPoints: 100, minSpendShekels: 50 } })
    const json = JSON.stringify(data)
    for (const secret of ['disposableDomains', 'velocityHold', 'location', 'visitCode', 'purchases', 'settlement']) expect(json).not.toContain(secret)
    expect(clubLandingOf({ ...demoConfig, referrals: { ...demoConfig.referrals, enabled: false } }, demoPartners).referral).toBeNull()
  })

  it('reads back what it served, through JSON', () => {
    const data = landing()
    expect(readClubLanding(JSON.parse(JSON.stringify(data)))).toEqual(data)
  })

  it('reads nothing that is not an answer of this version, and cuts or drops what is out of bounds', () => {
    expect(readClubLanding(null)).toBeNull()
    expect(readClubLanding('{}')).toBeNull()
    expect(readClubLanding({ ...landing(), version: CLUB_LANDING_VERSION + 1 })).toBeNull()
    expect(readClubLanding({ ...landing(), name: { he: 'רק עברית' } })).toBeNull()
    const data = readClubLanding({
      ...landing(),
      tagline: { he: 'א'.repeat(500), en: 'b'.repeat(500) },
      tiers: [
        { id: 'gold', name: { he: 'גולד', en: 'Gold' }, color: 'red;background:url(x)', threshold: 10, benefits: Array(20).fill({ he: 'א', en: 'b' }) },
        { id: '../etc', name: { he: 'x', en: 'x' }, color: '#000000', threshold: 0, benefits: [] },
        { id: 'neg', name: { he: 'x', en: 'x' }, color: '#000000', threshold: -1, benefits: [] },
      ],
      partners: Array.from({ length: 100 }, (_, i) => ({ id: `p-${i}`, name: { he: 'ח', en: 'S' }, category: 'cafe', address: { he: 'כ', en: 'A' } })),
      referral: { friendPoints: 'many', minSpendShekels: 50 },
    })!
    expect(data.tagline.he).toHaveLength(120)
    expect(data.tiers).toEqual([{ id: 'gold', name: { he: 'גולד', en: 'Gold' }, color: '#5f6b76', threshold: 10, benefits: Array(6).fill({ he: 'א', en: 'b' }) }])
    expect(data.partners).toHaveLength(40)
    expect(data.referral).toBeNull()
  })
})
