import { Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ChoosePlanResult } from '../../../../src/domain/members/plans-schema'
import { isExpired, memberPlanOf, nextPlanCheckOn, termFor } from '../../../../src/domain/members/plans'
import { localDate } from '../../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../../src/domain/shared/club-config'
import { idOf, paths } from '../../../../src/domain/shared/paths'
import type { PaymentProvider } from '../payments/provider'
import { loadPlans } from './plan-maintenance'

export interface ChoosePlanRequest {
  uid: string
  planId: string
  requestId: string
  paymentToken?: string | undefined
  config: Pick<ClubConfig, 'timeZone'>
  provider: PaymentProvider | null
  now: Date
}

const resultOf = (payment: DocumentSnapshot): ChoosePlanResult => ({ ...(payment.get('result') as Omit<ChoosePlanResult, 'replayed'>), replayed: true })

/**
 * `choosePlan`: the member moves to a plan. The payment record (`payments/{uid~requestId}`) makes
 * it idempotent: a finished request answers again as it did. A paid plan is charged under the
 * request's key (the provider charges a key once, so parallel calls share one charge), then
 * applied with the record in one transaction that only the first of them gets to make. A refusal
 * writes nothing: a declined card leaves the member, and the payments, as they were.
 */
export async function choosePlan(db: Firestore, request: ChoosePlanRequest): Promise<ChoosePlanResult> {
  const { uid, planId, requestId, now } = request
  const memberRef = db.doc(paths.member(uid))
  const paymentRef = db.doc(paths.payment(uid, requestId))
  const plans = await loadPlans(db)

  const started = await db.runTransaction(async (tx): Promise<{ done: ChoosePlanResult } | { charge: number }> => {
    const [payment, member] = await Promise.all([tx.get(paymentRef), tx.get(memberRef)])
    if (payment.exists) {
      if (payment.get('planId') !== planId) {
        throw new HttpsError('invalid-argument', 'This request id was used for another plan.', { reason: 'request-reused' })
      }
      return { done: resultOf(payment) }
    }
    if (!member.exists) throw new HttpsError('failed-precondition', 'Join the club first.', { reason: 'not-a-member' })
    const plan = plans.find((candidate) => candidate.id === planId)
    if (!plan?.active) throw new HttpsError('not-found', 'There is no such plan.', { reason: 'unknown-plan' })
    const today = localDate(now, request.config.timeZone)
    const current = memberPlanOf(member.get('plan'))
    const running = current && !isExpired(current, today) && current.expiresOn !== null ? current : null
    // Days already paid for are never thrown away by a switch: only a renewal of the same plan.
    if (running && running.id !== plan.id) {
      throw new HttpsError('failed-precondition', 'Your paid plan is still running.', { reason: 'plan-running', expiresOn: running.expiresOn })
    }
    if (plan.priceAgorot === 0) {
      const term = termFor(plan, current, today)
      const result: Omit<ChoosePlanResult, 'replayed'> = { planId, ...term, chargedAgorot: 0 }
      // Already on it: the request is answered, and the member's `since` stays as it was.
      if (current?.id !== plan.id || isExpired(current, today)) {
        tx.update(memberRef, {
          plan: { id: plan.id, since: term.since, expiresOn: null, paidRef: null, earnMultiplier: 1 },
          planCheckOn: null,
          updatedAt: Timestamp.fromDate(now),
        })
      }
      tx.create(paymentRef, { uid, planId, requestId, amountAgorot: 0, createdAt: Timestamp.fromDate(now), status: 'succeeded', provider: null, providerRef: null, result })
      return { done: { ...result, replayed: false } }
    }
    if (!request.paymentToken) {
      throw new HttpsError('invalid-argument', 'A paid plan needs a payment.', { reason: 'payment-required', fields: [{ path: 'paymentToken', message: 'required' }] })
    }
    if (!request.provider) throw new HttpsError('failed-precondition', 'Payments are not set up in this club.', { reason: 'payments-unavailable' })
    return { charge: plan.priceAgorot }
  })
  if ('done' in started) return started.done

  const provider = request.provider
  if (!provider || !request.paymentToken) {
    throw new HttpsError('failed-precondition', 'Payments are not set up in this club.', { reason: 'payments-unavailable' })
  }
  const amountAgorot = started.charge
  const charged = await provider.charge({ uid, planId, amountAgorot, requestId: idOf(uid, requestId), paymentToken: request.paymentToken })
  if (!charged.ok) {
    throw new HttpsError('failed-precondition', 'The payment was declined.', { reason: charged.refusal === 'declined' ? 'payment-declined' : 'payment-invalid' })
  }

  return db.runTransaction(async (tx) => {
    const [payment, member] = await Promise.all([tx.get(paymentRef), tx.get(memberRef)])
    // A parallel call with the same request id applied the same charge first.
    if (payment.exists) return resultOf(payment)
    const plan = plans.find((candidate) => candidate.id === planId)
    if (!plan || !member.exists) throw new HttpsError('not-found', 'There is no such plan.', { reason: 'unknown-plan' })
    const today = localDate(now, request.config.timeZone)
    const term = termFor(plan, memberPlanOf(member.get('plan')), today)
    const membership = { id: plan.id, since: term.since, expiresOn: term.expiresOn, paidRef: charged.providerRef, earnMultiplier: plan.earnMultiplier }
    const result: Omit<ChoosePlanResult, 'replayed'> = { planId, ...term, chargedAgorot: amountAgorot }
    tx.update(memberRef, { plan: membership, planCheckOn: nextPlanCheckOn(membership, today), updatedAt: Timestamp.fromDate(now) })
    tx.create(paymentRef, {
      uid,
      planId,
      requestId,
      amountAgorot,
      createdAt: Timestamp.fromDate(now),
      status: 'succeeded',
      provider: provider.name,
      providerRef: charged.providerRef,
      result,
    })
    return { ...result, replayed: false }
  })
}
