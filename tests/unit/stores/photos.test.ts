// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/domain/shared/errors'

const api = vi.hoisted(() => ({ uploadPhoto: vi.fn() }))
vi.mock('@/services/firebase', () => ({ loadFirebase: async () => api }))
const prepare = vi.hoisted(() => ({ preparePhoto: vi.fn(), toBase64: vi.fn() }))
vi.mock('@/services/photos/prepare', () => prepare)

const { usePhotosStore } = await import('@/stores/photos')

beforeEach(() => {
  setActivePinia(createPinia())
  for (const fn of [...Object.values(api), ...Object.values(prepare)]) fn.mockReset()
  prepare.toBase64.mockImplementation(async (blob: Blob) => `b64:${blob.size}`)
})

describe('photos store', () => {
  it('prepares the picked file on the device, uploads both images, and previews the thumbnail locally', async () => {
    const full = new Blob([new Uint8Array(120)], { type: 'image/webp' })
    const thumb = new Blob([new Uint8Array(12)], { type: 'image/webp' })
    prepare.preparePhoto.mockResolvedValue({ full, thumb, width: 1200, height: 1600 })
    api.uploadPhoto.mockResolvedValue({ photoId: 'AbCdEfGhIjKlMnOpQrSt', type: 'image/webp', width: 1200, height: 1600, remainingToday: 19 })
    const file = new File([new Uint8Array(5000)], 'IMG_0001.jpg', { type: 'image/jpeg' })

    const uploaded = await usePhotosStore().upload(file)

    expect(prepare.preparePhoto).toHaveBeenCalledWith(file)
    // The original file never reaches the server: only the prepared images.
    expect(api.uploadPhoto).toHaveBeenCalledWith({ full: 'b64:120', thumb: 'b64:12' })
    expect(uploaded).toMatchObject({ photoId: 'AbCdEfGhIjKlMnOpQrSt', width: 1200, height: 1600 })
    expect(uploaded.previewUrl).toMatch(/^blob:/)
  })

  it('passes the device’s refusal on without uploading anything', async () => {
    prepare.preparePhoto.mockRejectedValue(new AppError('invalid-argument', 'photo-source-type', [], 'photo-source-type'))
    const file = new File(['%PDF-1.7'], 'menu.pdf', { type: 'application/pdf' })
    await expect(usePhotosStore().upload(file)).rejects.toMatchObject({ code: 'invalid-argument', reason: 'photo-source-type' })
    expect(api.uploadPhoto).not.toHaveBeenCalled()
  })
})
