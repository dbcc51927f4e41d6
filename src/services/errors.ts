import type { AppErrorCode } from '@/domain/errors'

/**
 * Errors the app can translate. They live outside the Firebase module so that screens can tell
 * them apart without loading the SDK.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields: string[] = [],
    /** The server's machine-readable reason, e.g. `insufficient-points`, `out-of-stock`. */
    readonly reason: string | null = null,
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
