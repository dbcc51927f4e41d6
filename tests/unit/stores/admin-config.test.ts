import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ListConfigItemsResult } from '@/domain/admin/config-items'
import { AppError } from '@/domain/shared/errors'
import { demoItems } from '../support/config-items'

const api = vi.hoisted(() => ({
  listConfigItems: vi.fn(),
  saveConfigDraft: vi.fn(),
  publishConfigDraft: vi.fn(),
  discardConfigDraft: vi.fn(),
}))
vi.mock('@/services/firebase/admin-config-api', () => api)

const { useAdminConfigStore } = await import('@/stores/admin/config')

const partner = demoItems().partner
const id = String(partner.id)
const live = { id, data: partner, problems: [], version: 3, publishedBy: 'demo-admin', publishedAt: '2026-11-01T10:00:00.000Z', digest: 'abc' }
const listed = (drafts: ListConfigItemsResult['drafts']): ListConfigItemsResult => ({ kind: 'partner', items: [live], drafts })
const draftOf = (data: typeof partner) => ({ kind: 'partner' as const, id, data, baseVersion: 3, baseDigest: 'abc', updatedBy: 'demo-admin', updatedAt: '2026-11-02T10:00:00.000Z' })

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset()
  setActivePinia(createPinia())
})

describe('the configuration store', () => {
  it('tells a saved draft from one the schema no longer accepts', async () => {
    const store = useAdminConfigStore()
    api.listConfigItems.mockResolvedValueOnce(listed([]))
    await store.load('partner')
    expect(store.draftState('partner', id)).toBe('none')
    api.listConfigItems.mockResolvedValueOnce(listed([draftOf({ ...partner, earnMultiplier: 2 })]))
    await store.load('partner')
    expect(store.draftState('partner', id)).toBe('saved')
    api.listConfigItems.mockResolvedValueOnce(listed([draftOf({ ...partner, earnMultiplier: 0 })]))
    await store.load('partner')
    expect(store.draftState('partner', id)).toBe('invalid')
  })

  it('sends the live item the form started from, and leaves the base out when there is none', async () => {
    const store = useAdminConfigStore()
    api.listConfigItems.mockResolvedValue(listed([]))
    api.saveConfigDraft.mockResolvedValue({ kind: 'partner', id, baseVersion: 3, baseDigest: 'abc', data: partner })
    await store.save('partner', id, partner, { version: 3, digest: 'abc' })
    expect(api.saveConfigDraft).toHaveBeenLastCalledWith({ kind: 'partner', id, data: partner, baseVersion: 3, baseDigest: 'abc' })
    await store.save('partner', 'new-store', partner, { version: undefined, digest: undefined })
    expect(api.saveConfigDraft).toHaveBeenLastCalledWith({ kind: 'partner', id: 'new-store', data: partner })
    expect(api.listConfigItems).toHaveBeenCalledTimes(2)
  })

  it('answers a refusal with the schema’s issues for the form, and changes nothing it holds', async () => {
    const store = useAdminConfigStore()
    api.listConfigItems.mockResolvedValue(listed([]))
    await store.load('partner')
    const refusal = Object.assign(new AppError('invalid-argument', 'not valid', ['earnMultiplier'], 'config-invalid'), {
      issues: [{ path: 'earnMultiplier', message: 'Too small: expected number to be >=1' }],
    })
    api.saveConfigDraft.mockRejectedValue(refusal)
    const outcome = await store.save('partner', id, { ...partner, earnMultiplier: 0 }, { version: 3, digest: 'abc' })
    expect(outcome).toEqual({ ok: false, error: refusal, issues: refusal.issues })
    expect(store.draft('partner', id)).toBeNull()
    expect(api.listConfigItems).toHaveBeenCalledTimes(1)
  })

  it('knows when the form says what the saved draft says', async () => {
    const store = useAdminConfigStore()
    api.listConfigItems.mockResolvedValue(listed([draftOf({ ...partner, earnMultiplier: 2 })]))
    await store.load('partner')
    expect(store.unchanged('partner', id, { ...partner, earnMultiplier: 2 })).toBe(true)
    expect(store.unchanged('partner', id, partner)).toBe(partner.earnMultiplier === 2)
    expect(store.ids('partner')).toEqual([id])
  })
})
