import { describe, expect, it } from 'vitest'
import { ConfirmEcoActionInputSchema, DEFAULT_ECO_POLICY, ecoActionAt, ecoActionsAt, ecoConfirmation, type EcoPolicy } from '../../src/domain/earn/eco'
import { ClubConfigSchema } from '../../src/domain/shared/club-config'
import { demoConfig } from '../../scripts/demo-club'

const policy: EcoPolicy = {
  actions: [
    { id: 'own-cup', label: { he: 'כוס', en: 'Cup' }, points: 5, perDay: 1, partnerIds: null },
    { id: 'return-packaging', label: { he: 'אריזה', en: 'Packaging' }, points: 10, perDay: 2, partnerIds: ['market'] },
  ],
  staffDailyCap: 3,
}
const cup = policy.actions[0]!
const packaging = policy.actions[1]!

describe('eco actions offered at a store', () => {
  it('finds an action the store offers, refuses an unknown one and one reserved for other stores', () => {
    expect(ecoActionAt(policy, 'own-cup', 'cafe')).toEqual({ ok: true, action: cup })
    expect(ecoActionAt(policy, 'return-packaging', 'market')).toEqual({ ok: true, action: packaging })
    expect(ecoActionAt(policy, 'return-packaging', 'cafe')).toEqual({ ok: false, refusal: { code: 'failed-precondition', reason: 'eco-not-at-partner' } })
    expect(ecoActionAt(policy, 'plant-a-tree', 'cafe')).toEqual({ ok: false, refusal: { code: 'invalid-argument', reason: 'eco-unknown-action' } })
    expect(ecoActionsAt(policy, 'cafe').map((a) => a.id)).toEqual(['own-cup'])
    expect(ecoActionsAt(policy, 'market').map((a) => a.id)).toEqual(['own-cup', 'return-packaging'])
  })
})

describe('eco caps', () => {
  const today = '2026-11-27'
  it('counts the member per action per day, and starts afresh the next day', () => {
    const first = ecoConfirmation(policy, packaging, null, null, today)
    expect(first).toMatchObject({ ok: true, usage: { day: today, dayCount: 1, total: 1 }, staffDay: { day: today, count: 1 } })
    if (!first.ok) throw new Error('expected a confirmation')
    const second = ecoConfirmation(policy, packaging, first.usage, first.staffDay, today)
    if (!second.ok) throw new Error('expected a confirmation')
    expect(ecoConfirmation(policy, packaging, second.usage, second.staffDay, today)).toEqual({
      ok: false,
      refusal: { code: 'resource-exhausted', reason: 'eco-member-daily', limit: 2 },
    })
    expect(ecoConfirmation(policy, packaging, second.usage, null, '2026-11-28')).toMatchObject({ ok: true, usage: { dayCount: 1, total: 3 } })
  })

  it('stops a staff account at its daily cap whoever the member is, and not the next day', () => {
    const full = { day: today, count: 3 }
    expect(ecoConfirmation(policy, cup, null, full, today)).toEqual({
      ok: false,
      refusal: { code: 'resource-exhausted', reason: 'eco-staff-daily', limit: 3 },
    })
    expect(ecoConfirmation(policy, cup, null, full, '2026-11-28')).toMatchObject({ ok: true, staffDay: { day: '2026-11-28', count: 1 } })
  })
})

describe('eco configuration and input', () => {
  it('parses a configuration written before eco actions existed, with none offered', () => {
    const older: Record<string, unknown> = { ...demoConfig }
    delete older.eco
    const parsed = ClubConfigSchema.safeParse(older)
    expect(parsed.success && parsed.data.eco).toEqual(DEFAULT_ECO_POLICY)
  })

  it('takes a scanned card only, with no points, uid or member number from the till', () => {
    const input = { token: 'M1234567890.123.abcdef', actionId: 'own-cup', requestId: 'req-12345678', tillId: 'till-00000001' }
    expect(ConfirmEcoActionInputSchema.safeParse(input).success).toBe(true)
    for (const extra of [{ points: 500 }, { uid: 'someone' }, { memberNo: '123456789' }]) {
      expect(ConfirmEcoActionInputSchema.safeParse({ ...input, ...extra }).success).toBe(false)
    }
    expect(ConfirmEcoActionInputSchema.safeParse({ ...input, actionId: '../x' }).success).toBe(false)
    expect(ConfirmEcoActionInputSchema.safeParse({ ...input, requestId: 'short' }).success).toBe(false)
  })
})
