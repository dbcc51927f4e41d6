// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ListConfigItemsResult } from '@/domain/admin/config-items'
import { AppError } from '@/domain/shared/errors'
import { locale } from '../support/i18n-instance'
import { demoItems } from '../support/config-items'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  listConfigItems: vi.fn(),
  saveConfigDraft: vi.fn(),
  publishConfigDraft: vi.fn(),
  discardConfigDraft: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/admin-config-api', () => api)

const { default: ConfigItemView } = await import('@/views/admin/ConfigItemView.vue')

const club = demoItems().club
const earning = club.earning as { pointsPerShekel: number }
const live = { id: 'club', data: club, problems: [], version: 4, publishedBy: 'uid-ops', publishedAt: '2026-11-01T10:00:00.000Z', digest: 'd4' }
const draft = (data = club) => ({ kind: 'club' as const, id: 'club', data, baseVersion: 4, baseDigest: 'd4', updatedBy: 'uid-ops', updatedAt: '2026-11-02T10:00:00.000Z' })
const listed = (drafts: ListConfigItemsResult['drafts'], version = 4): ListConfigItemsResult => ({ kind: 'club', items: [{ ...live, version }], drafts })

async function mountItem() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/admin/config', name: 'admin-config', component: { render: () => null } },
      { path: '/admin/config/:kind/:id', name: 'admin-config-item', component: ConfigItemView, props: true },
    ],
  })
  await router.push('/admin/config/club/club?section=earning')
  const wrapper = mount(ConfigItemView, { props: { kind: 'club', id: 'club' }, global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset()
  api.watchSession.mockImplementation(() => () => {})
  setActivePinia(createPinia())
  locale.value = 'en'
  document.body.innerHTML = ''
})

describe('an item of the configuration', () => {
  it('shows who published last, saves a draft from the live version and shows what publishing changes', async () => {
    api.listConfigItems.mockResolvedValue(listed([]))
    const wrapper = await mountItem()
    expect(wrapper.find('[data-testid="config-published"]').text()).toContain('Last published: uid-ops')
    expect(wrapper.find('[data-testid="config-save"]').attributes('disabled')).toBeDefined()

    const changed = { ...club, earning: { ...earning, pointsPerShekel: 2 } }
    api.saveConfigDraft.mockResolvedValue({ kind: 'club', id: 'club', baseVersion: 4, baseDigest: 'd4', data: changed })
    await wrapper.find('#cfg-earning_pointsPerShekel').setValue('2')
    api.listConfigItems.mockResolvedValue(listed([draft(changed)]))
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api.saveConfigDraft).toHaveBeenCalledWith({ kind: 'club', id: 'club', data: changed, baseVersion: 4, baseDigest: 'd4' })
    expect(wrapper.text()).toContain('Draft saved. Members see it once it’s published.')

    await wrapper.find('[data-testid="config-publish"]').trigger('click')
    const panel = wrapper.find('[data-testid="config-publish-panel"]')
    expect(panel.text()).toContain('One change:')
    expect(panel.find('[data-path="earning.pointsPerShekel"]').text()).toMatch(/Earning rules › Points per shekel\s*1\s*→\s*becomes\s*2/)
  })

  it('says someone published a newer version, and reloads it keeping the operator’s changes', async () => {
    const changed = { ...club, earning: { ...earning, pointsPerShekel: 2 } }
    api.listConfigItems.mockResolvedValue(listed([draft(changed)]))
    const wrapper = await mountItem()
    api.publishConfigDraft.mockRejectedValue(new AppError('failed-precondition', 'conflict', [], 'config-conflict'))
    await wrapper.find('[data-testid="config-publish"]').trigger('click')
    api.listConfigItems.mockResolvedValue(listed([draft(changed)], 5))
    await wrapper.find('[data-testid="config-publish-confirm"]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Someone published a newer version of this item. Reload it, then save your draft again.')

    await wrapper.find('[data-testid="config-reload"]').trigger('click')
    await flushPromises()
    expect((wrapper.find('#cfg-earning_pointsPerShekel').element as HTMLInputElement).value).toBe('2')
    // The next save is based on the version now live.
    api.saveConfigDraft.mockResolvedValue({ kind: 'club', id: 'club', baseVersion: 5, baseDigest: 'd4', data: { ...changed, earning: { ...earning, pointsPerShekel: 3 } } })
    await wrapper.find('#cfg-earning_pointsPerShekel').setValue('3')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api.saveConfigDraft).toHaveBeenLastCalledWith(expect.objectContaining({ baseVersion: 5 }))
  })

  it('shows the server’s issues at their fields when it refuses the draft', async () => {
    api.listConfigItems.mockResolvedValue(listed([]))
    const wrapper = await mountItem()
    const refusal = Object.assign(new AppError('invalid-argument', 'invalid', ['earning.pointsPerShekel'], 'config-invalid'), {
      issues: [{ path: 'earning.pointsPerShekel', message: 'refused by the server' }],
    })
    api.saveConfigDraft.mockRejectedValue(refusal)
    await wrapper.find('#cfg-earning_pointsPerShekel').setValue('3')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-path="earning.pointsPerShekel"]').text()).toContain('refused by the server')
    expect(wrapper.text()).toContain('This item isn’t valid yet. Check the highlighted fields.')
  })
})
