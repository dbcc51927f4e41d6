import { describe, expect, it } from 'vitest'
import { effectiveTier } from '@/domain/points/tiers'
import { demoConfig } from '../../scripts/demo-club'

const tiers = demoConfig.tiers

describe('a lent tier (the referral reward)', () => {
  it('applies through its last day, then the held tier is back', () => {
    const boost = { tierId: 'gold', until: '2026-12-22' }
    expect(effectiveTier('silver', boost, tiers, '2026-11-22').id).toBe('gold')
    expect(effectiveTier('silver', boost, tiers, '2026-12-22').id).toBe('gold')
    expect(effectiveTier('silver', boost, tiers, '2026-12-23').id).toBe('silver')
  })
  it('never lowers a member: a boost below the held tier is ignored', () => {
    expect(effectiveTier('platinum', { tierId: 'gold', until: '2099-01-01' }, tiers, '2026-11-22').id).toBe('platinum')
  })
  it('falls back to the entry tier for an unknown tier and ignores an unknown boost', () => {
    expect(effectiveTier('retired-tier', null, tiers, '2026-11-22').id).toBe('silver')
    expect(effectiveTier('silver', { tierId: 'diamond', until: '2099-01-01' }, tiers, '2026-11-22').id).toBe('silver')
  })
})
