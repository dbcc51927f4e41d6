// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/domain/shared/errors'
import type { ClubConfig } from '@/domain/shared/club-config'
import { demoConfig } from '../../../scripts/demo-club'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({
  watchSession: vi.fn(() => () => {}),
  watchClubConfig: vi.fn(() => () => {}),
  getWalletPass: vi.fn(),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/wallet-pass-api', () => api)

const { default: WalletPassButtons } = await import('@/components/earn/WalletPassButtons.vue')
const { useClubStore } = await import('@/stores/club')

function withFlags(flags: ClubConfig['walletPasses'] | undefined) {
  const config = { ...demoConfig } as Partial<ClubConfig>
  if (flags) config.walletPasses = flags
  else delete config.walletPasses
  useClubStore().config = config as ClubConfig
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  locale.value = 'en'
  api.getWalletPass.mockReset()
})

describe('wallet pass buttons on the profile', () => {
  it('show nothing, and ask the server nothing, where the club offers no pass (or its configuration predates them)', async () => {
    for (const flags of [undefined, { google: false, apple: false }]) {
      withFlags(flags)
      const wrapper = mount(WalletPassButtons)
      await flushPromises()
      expect(wrapper.find('[data-testid=wallet-pass]').exists()).toBe(false)
      wrapper.unmount()
    }
    expect(api.getWalletPass).not.toHaveBeenCalled()
  })

  it('link to Google Wallet with the signed link the server made, in both languages', async () => {
    api.getWalletPass.mockResolvedValue({ kind: 'google', saveUrl: 'https://pay.google.com/gp/v/save/a.b.c' })
    withFlags({ google: true, apple: false })
    const wrapper = mount(WalletPassButtons)
    await flushPromises()
    expect(api.getWalletPass).toHaveBeenCalledWith({ kind: 'google' })
    const link = wrapper.get('[data-testid=wallet-pass-google]')
    expect(link.attributes('href')).toBe('https://pay.google.com/gp/v/save/a.b.c')
    expect(link.text()).toBe('Add to Google Wallet')
    expect(wrapper.find('[data-testid=wallet-pass-apple]').exists()).toBe(false)
    locale.value = 'he'
    await flushPromises()
    expect(wrapper.get('[data-testid=wallet-pass-google]').text()).toBe('הוספה ל־Google Wallet')
  })

  it('download the Apple pass as application/vnd.apple.pkpass when the button is pressed', async () => {
    api.getWalletPass.mockResolvedValue({ kind: 'apple', mimeType: 'application/vnd.apple.pkpass', fileName: 'card-10000009.pkpass', base64: btoa('PK\u0003\u0004pass') })
    const created: Blob[] = []
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob)
      return 'blob:pass'
    })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }))
    withFlags({ google: false, apple: true })
    const wrapper = mount(WalletPassButtons)
    await flushPromises()
    expect(api.getWalletPass).not.toHaveBeenCalled()
    const button = wrapper.get('[data-testid=wallet-pass-apple]')
    expect(button.text()).toBe('Add to Apple Wallet')
    await button.trigger('click')
    await flushPromises()
    expect(api.getWalletPass).toHaveBeenCalledWith({ kind: 'apple' })
    expect(created[0]!.type).toBe('application/vnd.apple.pkpass')
    expect(new TextDecoder().decode(new Uint8Array(await created[0]!.arrayBuffer()))).toBe('PK\u0003\u0004pass')
    expect(click).toHaveBeenCalledTimes(1)
    click.mockRestore()
    vi.unstubAllGlobals()
  })

  it('say in words when the club has not set the pass up', async () => {
    api.getWalletPass.mockRejectedValue(new AppError('failed-precondition', 'no', [], 'wallet-not-configured'))
    withFlags({ google: true, apple: true })
    const wrapper = mount(WalletPassButtons)
    await flushPromises()
    expect(wrapper.text()).toContain('The club doesn’t offer this wallet pass yet.')
    expect(wrapper.find('[data-testid=wallet-pass-google]').exists()).toBe(false)
  })
})
