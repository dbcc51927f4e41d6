import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { paths } from '../../../../src/domain/shared/paths'
import type { ChargeRequest, ChargeResult, PaymentProvider } from './provider'

/** The test provider's cards: this one is charged, this one declined; any other token is not a card. */
export const TEST_CARD_OK = 'test-ok'
export const TEST_CARD_DECLINED = 'test-declined'

/**
 * A deterministic stand-in for a payment provider, for the emulator, the demo and the tests. It
 * moves no money: a charge is a document (`testPayments/{key}`) created once per idempotency key,
 * so the tests can count charges exactly as a real provider's dashboard would.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test'

  constructor(private readonly db: Firestore) {}

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (request.paymentToken === TEST_CARD_DECLINED) return { ok: false, refusal: 'declined' }
    if (request.paymentToken !== TEST_CARD_OK) return { ok: false, refusal: 'invalid-token' }
    const ref = this.db.doc(paths.testPayment(request.requestId))
    return this.db.runTransaction(async (tx) => {
      const earlier = await tx.get(ref)
      if (earlier.exists) return { ok: true as const, providerRef: `test_${ref.id}` }
      tx.create(ref, {
        uid: request.uid,
        planId: request.planId,
        amountAgorot: request.amountAgorot,
        chargedAt: Timestamp.now(),
      })
      return { ok: true as const, providerRef: `test_${ref.id}` }
    })
  }
}
