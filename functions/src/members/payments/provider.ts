import type { Firestore } from 'firebase-admin/firestore'
import { TestPaymentProvider } from './test-provider'

/**
 * One charge for a plan. `requestId` is the idempotency key: a provider charges a key at most once
 * and answers a repeat with the first charge, so choosePlan may retry, and ten parallel calls with
 * one request id, without charging twice.
 */
export interface ChargeRequest {
  uid: string
  planId: string
  amountAgorot: number
  requestId: string
  /** What the app's payment form produced (a card token); the provider alone understands it. */
  paymentToken: string
}

export type ChargeResult =
  | { ok: true; providerRef: string }
  /** `declined`: the card was refused; `invalid-token`: the token is not one this provider issued. */
  | { ok: false; refusal: 'declined' | 'invalid-token' }

export interface PaymentProvider {
  /** Short name kept on each payment record (`test`, later e.g. `tranzila`). */
  readonly name: string
  charge(request: ChargeRequest): Promise<ChargeResult>
}

/**
 * The provider this deployment charges through: `PAYMENT_PROVIDER=test`, or the emulator, gets the
 * test provider; anything else has none yet, and paid plans are refused (`payments-unavailable`)
 * rather than given away. A real provider is one more case here (see the README).
 */
export function paymentProvider(db: Firestore, env: NodeJS.ProcessEnv = process.env): PaymentProvider | null {
  const chosen = env.PAYMENT_PROVIDER ?? (env.FUNCTIONS_EMULATOR === 'true' ? 'test' : '')
  if (chosen === 'test') return new TestPaymentProvider(db)
  return null
}
