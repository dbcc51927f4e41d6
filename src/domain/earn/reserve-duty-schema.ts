import { z } from 'zod'

/** The reserve-duty callables' inputs (the rules themselves are in ./reserve-duty.ts). */
const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((date) => new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date, 'a real calendar date')

export const DeclareReserveDutyInputSchema = z.object({
  from: localDateSchema,
  until: localDateSchema,
  /** The app's id for this declaration: a retry after a lost answer declares once. */
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
})
export type DeclareReserveDutyInput = z.infer<typeof DeclareReserveDutyInputSchema>

export const RevokeReserveDutyInputSchema = z.object({
  uid: z.string().min(1).max(128),
  declarationId: z.string().min(1).max(200),
  /** Why the operator revoked it (kept with the declaration). */
  note: z.string().trim().min(3).max(500),
})
export type RevokeReserveDutyInput = z.infer<typeof RevokeReserveDutyInputSchema>

