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
  'deadline-exceeded',
  'internal',
] as const
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

export function toAppErrorCode(code: string | undefined): AppErrorCode {
  const bare = (code ?? '').replace(/^functions\//, '').replace(/^auth\//, '')
  return (APP_ERROR_CODES as readonly string[]).includes(bare) ? (bare as AppErrorCode) : 'internal'
}

/**
 * No answer that settles the action: the network, or the server failing or timing out. The action
 * may or may not have happened, so it is retried with the same request id, never shown as refused.
 */
export function isTransient(code: AppErrorCode): boolean {
  return code === 'unavailable' || code === 'internal' || code === 'deadline-exceeded'
}

/**
 * Errors the app can translate. Plain classes (no Firebase) so that screens and stores can tell
 * them apart without loading the SDK.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields: string[] = [],
    /** The server's machine-readable reason, e.g. `insufficient-points`, `out-of-stock`. */
    readonly reason: string | null = null,
    /** Each problem of a refused item, by path (`details.issues`, e.g. a configuration draft's). */
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** Why a sign-in or sign-up failed, in terms the app translates. */
export type AuthFailureReason =
  | 'invalid-credentials'
  | 'email-in-use'
  | 'weak-password'
  | 'invalid-email'
  | 'too-many-requests'
  | 'network'
  | 'unknown'

export class AuthFailure extends Error {
  constructor(readonly reason: AuthFailureReason) {
    super(reason)
    this.name = 'AuthFailure'
  }
}
