// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/domain/shared/errors'
import { locale } from '../support/i18n-instance'

const api = vi.hoisted(() => ({ uploadPhoto: vi.fn() }))
vi.mock('@/services/firebase', () => ({ loadFirebase: async () => api }))
const prepare = vi.hoisted(() => ({ preparePhoto: vi.fn(), toBase64: vi.fn(async () => 'AAAA') }))
vi.mock('@/services/photos/prepare', () => prepare)

const { default: PhotoPicker } = await import('@/components/photos/PhotoPicker.vue')

const PHOTO_ID = 'AbCdEfGhIjKlMnOpQrSt'

beforeEach(() => {
  setActivePinia(createPinia())
  locale.value = 'en'
  api.uploadPhoto.mockReset()
  prepare.preparePhoto.mockReset()
})

function mountPicker() {
  return mount(PhotoPicker, {
    props: { messages: 'reviews.form', modelValue: null, 'onUpdate:modelValue': () => {} },
  })
}

async function pick(wrapper: ReturnType<typeof mountPicker>, file: File) {
  const input = wrapper.get('[data-testid="photo-input"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

describe('PhotoPicker', () => {
  it('uploads the picked photo, shows its preview with a text alternative, and removes it', async () => {
    prepare.preparePhoto.mockResolvedValue({ full: new Blob(['f']), thumb: new Blob(['t']), width: 1200, height: 900 })
    api.uploadPhoto.mockResolvedValue({ photoId: PHOTO_ID, type: 'image/webp', width: 1200, height: 900, remainingToday: 19 })
    const wrapper = mountPicker()
    expect(wrapper.text()).toContain('Photo (optional)')
    await pick(wrapper, new File(['x'], 'IMG_0001.jpg', { type: 'image/jpeg' }))
    const uploaded = wrapper.emitted<[{ photoId: string }]>('update:modelValue')?.[0]?.[0]
    expect(uploaded).toMatchObject({ photoId: PHOTO_ID })
    await wrapper.setProps({ modelValue: uploaded as never })
    expect(wrapper.get('[data-testid="photo-preview"]').attributes('alt')).toBe('The photo you chose')
    await wrapper.get('[data-testid="photo-remove"]').trigger('click')
    expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual([null])
  })

  it('says why a file is refused, in words, and keeps no photo', async () => {
    prepare.preparePhoto.mockRejectedValue(new AppError('invalid-argument', 'photo-source-type', [], 'photo-source-type'))
    const wrapper = mountPicker()
    await pick(wrapper, new File(['%PDF'], 'menu.pdf', { type: 'application/pdf' }))
    expect(wrapper.get('[data-testid="photo-error"]').text()).toBe('Only image files can be attached.')
    expect(api.uploadPhoto).not.toHaveBeenCalled()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    // The form waited while the photo was being prepared, and no longer does.
    expect(wrapper.emitted('update:busy')).toEqual([[true], [false]])
  })

  it('reports the daily cap from the server in Hebrew too', async () => {
    locale.value = 'he'
    prepare.preparePhoto.mockResolvedValue({ full: new Blob(['f']), thumb: new Blob(['t']), width: 1200, height: 900 })
    api.uploadPhoto.mockRejectedValue(new AppError('resource-exhausted', 'At most 20 photos a day.', [], 'photo-daily-cap'))
    const wrapper = mountPicker()
    await pick(wrapper, new File(['x'], 'IMG_0002.jpg', { type: 'image/jpeg' }))
    expect(wrapper.get('[data-testid="photo-error"]').text()).toBe('הגעת למספר התמונות המרבי להיום. אפשר להוסיף תמונות שוב מחר.')
  })
})
