import { describe, expect, it } from 'vitest'
import { AppError } from '@/domain/shared/errors'
import { useSubmission } from '@/composables/use-submission'
import { t } from './support/i18n-instance'

describe('useSubmission', () => {
  it('answers the action, and is busy only while it runs', async () => {
    const { busy, failure, submit } = useSubmission()
    let release!: (value: number) => void
    const running = submit(() => new Promise<number>((resolve) => (release = resolve)))
    expect(busy.value).toBe(true)
    release(7)
    await expect(running).resolves.toBe(7)
    expect(busy.value).toBe(false)
    expect(failure.value).toBeNull()
  })

  it('sends nothing on a second tap while the first is under way', async () => {
    const { submit } = useSubmission()
    let calls = 0
    let release!: () => void
    const first = submit(() => new Promise<void>((resolve) => ((calls += 1), (release = resolve))))
    await expect(submit(async () => (calls += 1))).resolves.toBeUndefined()
    release()
    await first
    expect(calls).toBe(1)
  })

  it('shows a refusal in words and clears it on the next try', async () => {
    const { busy, failure, submit } = useSubmission()
    await expect(
      submit(() => Promise.reject(new AppError('failed-precondition', 'Declined.', [], 'payment-declined'))),
    ).resolves.toBeUndefined()
    expect(busy.value).toBe(false)
    expect(failure.value).toBe(t('errors.reasons.payment-declined'))
    expect(failure.value).not.toContain('payment-declined')
    await submit(async () => 1)
    expect(failure.value).toBeNull()
  })
})
