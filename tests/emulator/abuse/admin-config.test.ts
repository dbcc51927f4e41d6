// The configuration callables as a dishonest staff member or member would try them, and as a
// careless or racing operator: each refusal with its code, and nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConfigItemInput, SaveConfigDraftInput } from '../../../src/domain/admin/config-items'
import { COLLECTIONS } from '../../../src/domain/shared/paths'
import { seedClubData } from '../../../scripts/seed-club'
import { joinedMember, type Client } from '../support/club'
import { configFailure, configState, liveItem, publishDraft, saveDraft } from '../support/admin-config'
import { admin, clearEmulators, closeAdmin, roleClient } from '../support/emulators'

let operator: Client
let staff: Client
let member: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[operator, staff] = await Promise.all([roleClient({ role: 'admin' }), roleClient({ role: 'staff', partnerId: 'cafe-shachar' })])
  member = await joinedMember('Curious Member')
})

afterAll(async () => {
  await closeAdmin()
})

describe('config callables against the attacker', () => {
  it('staff and members cannot save, publish, discard or list: permission-denied, nothing changed', async () => {
    const reward = await liveItem(operator, 'reward', 'free-coffee')
    // An operator's pending draft the attackers would love to publish or throw away.
    await saveDraft(operator, { kind: 'reward', id: 'free-coffee', data: { ...reward.data, cost: 1 } })
    const before = await configState()
    for (const who of [staff, member]) {
      const calls: (() => Promise<unknown>)[] = [
        () => saveDraft(who, { kind: 'reward', id: 'free-coffee', data: { ...reward.data, cost: 1 } }),
        () => saveDraft(who, { kind: 'partner', id: 'cafe-shachar', data: {} }),
        () => publishDraft(who, { kind: 'reward', id: 'free-coffee' }),
        () => who.call('discardConfigDraft', { kind: 'reward', id: 'free-coffee' }),
        () => who.call('listConfigItems', { kind: 'club' }),
      ]
      for (const call of calls) expect((await configFailure(call())).code).toBe('permission-denied')
    }
    expect(await configState()).toEqual(before)
  })

  it('a kind or id carrying `~`, `/` or `..` never becomes a path: invalid-argument', async () => {
    const before = await configState()
    const attempts: Record<string, unknown>[] = [
      { kind: 'reward', id: 'free-coffee~x', data: {} },
      { kind: 'reward', id: '../config/club', data: {} },
      { kind: 'reward', id: '..', data: {} },
      { kind: 'reward', id: 'a/b', data: {} },
      { kind: 'reward~x', id: 'free-coffee', data: {} },
      { kind: '../config', id: 'club', data: {} },
      { kind: 'club', id: 'other', data: {} },
    ]
    for (const input of attempts) {
      expect((await configFailure(operator.call('saveConfigDraft', input))).code, JSON.stringify(input)).toBe('invalid-argument')
      const ref = { kind: input.kind, id: input.id }
      expect((await configFailure(operator.call('publishConfigDraft', ref))).code, JSON.stringify(ref)).toBe('invalid-argument')
    }
    expect(await configState()).toEqual(before)
  })

  it('a draft with a field the schema does not know, or a 1e-9 threshold, is refused with the path', async () => {
    const before = await configState()
    const reward = await liveItem(operator, 'reward', 'voucher-20')
    const extra = await configFailure(saveDraft(operator, { kind: 'reward', id: 'voucher-20', data: { ...reward.data, grantAdmin: true } }))
    expect(extra).toMatchObject({ code: 'invalid-argument', reason: 'config-invalid', issues: [{ path: 'grantAdmin', message: 'not a field of this item' }] })

    const club = await liveItem(operator, 'club', 'club')
    const tiers = (club.data.tiers as Record<string, unknown>[]).map((t, i) => (i === 1 ? { ...t, threshold: 1e-9 } : t))
    const tiny = await configFailure(saveDraft(operator, { kind: 'club', id: 'club', data: { ...club.data, tiers } } as SaveConfigDraftInput))
    expect(tiny).toMatchObject({ code: 'invalid-argument', reason: 'config-invalid' })
    expect(tiny.issues?.map((i) => i.path)).toContain('tiers[1].threshold')

    const nested = { ...club.data, earning: { ...(club.data.earning as object), pointsPerShekel: 1, bonus: 1000 } }
    const deep = await configFailure(saveDraft(operator, { kind: 'club', id: 'club', data: nested }))
    expect(deep.issues).toEqual([{ path: 'earning.bonus', message: 'not a field of this item' }])
    expect(await configState()).toEqual(before)
  })

  // Twenty callers at once start twenty Functions emulator workers: slow here, hence the time allowed.
  it('20 parallel publishes of one draft publish it once: one version, one history entry', async () => {
    const reward = await liveItem(operator, 'reward', 'coffee-pastry')
    await saveDraft(operator, { kind: 'reward', id: 'coffee-pastry', data: { ...reward.data, cost: 99 } })
    const input: ConfigItemInput = { kind: 'reward', id: 'coffee-pastry' }
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => publishDraft(operator, input)))
    const published = outcomes.filter((o) => o.status === 'fulfilled')
    expect(published).toHaveLength(1)
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        const e = outcome.reason as { code?: string; details?: { reason?: string } }
        expect([e.code, e.details?.reason]).toEqual(['functions/not-found', 'config-draft-missing'])
      }
    }
    const history = await admin().db.collection(COLLECTIONS.configHistory).where('id', '==', 'coffee-pastry').get()
    expect(history.size).toBe(1)
    expect(await liveItem(operator, 'reward', 'coffee-pastry')).toMatchObject({ version: 1, data: { cost: 99 } })
    const audits = await admin().db.collection(COLLECTIONS.audit).where('action', '==', 'publishConfigDraft').where('target', '==', 'reward~coffee-pastry').get()
    expect(audits.size).toBe(1)
  }, 120_000)
})
