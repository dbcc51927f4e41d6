/**
 * The error codes PRODUCT.md fixes for callables. The app translates each one; anything else
 * (internal, unavailable, a network failure) is shown as a generic retryable message.
 */
export const APP_ERROR_CODES = [
  'invalid-argument',
  'unauthenticated',
  'permission-denied',
  'failed-precondition',
  'resource-exhausted',
  'not-found',
  'already-exists',
  'unavailable',
  'internal',
] as const
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

export function toAppErrorCode(code: string | undefined): AppErrorCode {
  const bare = (code ?? '').replace(/^functions\//, '').replace(/^auth\//, '')
  return (APP_ERROR_CODES as readonly string[]).includes(bare) ? (bare as AppErrorCode) : 'internal'
}
