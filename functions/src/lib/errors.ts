import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https'
import type { ZodType } from 'zod'

/** Signed-in uid, or `unauthenticated`. */
export function requireAuth(request: Pick<CallableRequest, 'auth'>): { uid: string; email: string | null } {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in to continue.')
  const email = typeof request.auth.token.email === 'string' ? request.auth.token.email : null
  return { uid: request.auth.uid, email }
}

/**
 * Validates callable input. The message names the fields so a developer sees what was wrong;
 * `details.fields` lets the app point at them, and it translates the code for people.
 */
export function parseInput<T>(schema: ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.message,
  }))
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ')
  throw new HttpsError('invalid-argument', `Invalid input — ${summary}`, { fields })
}

export function invalidField(path: string, message: string): HttpsError {
  return new HttpsError('invalid-argument', `Invalid input — ${path}: ${message}`, {
    fields: [{ path, message }],
  })
}
