// The error classes live in src/domain (no Firebase), so screens tell them apart without the SDK.
export { AppError, AuthFailure, type AuthFailureReason } from '@/domain/shared/errors'
