import { useI18n } from '@/i18n'
import { AppError, AuthFailure, isTransient } from '@/domain/shared/errors'

/** Turns any thrown value into a translated sentence; never a stack trace or "internal". */
export function useErrorMessage() {
  const { t, te } = useI18n()
  return (error: unknown): string => {
    if (error instanceof AuthFailure) return t(`auth.failure.${error.reason}`)
    if (error instanceof AppError) {
      // The SDK reports a failed request as `internal` too: the device knows when it is offline.
      if (isTransient(error.code) && typeof navigator !== 'undefined' && !navigator.onLine) return t('errors.unavailable')
      // A specific reason from the server ("out of stock") says more than its code.
      if (error.reason && te(`errors.reasons.${error.reason}`)) return t(`errors.reasons.${error.reason}`)
      return t(`errors.${error.code}`)
    }
    return t('errors.internal')
  }
}
