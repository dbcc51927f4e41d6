// Membership plans — their door to Firebase, apart from ./index.ts: only the plans screen's lazy
// chunk imports it, so none of it weighs on the card route (see scripts/size-report.mjs).
import { FirebaseError } from 'firebase/app'
import { collection, doc, onSnapshot, query, where } from 'firebase/firestore'
import { httpsCallable } from 'firebase/functions'
import { CALLABLES, type CallableInput, type CallableResult } from '@/domain/contracts/callables'
import { memberPlanOf, plansOf } from '@/domain/members/plans'
import type { MemberPlan, Plan } from '@/domain/members/plans-schema'
import { AppError, toAppErrorCode } from '@/domain/shared/errors'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { db, functions } from './app'

/**
 * Whether this app talks to the emulators, whose functions charge through the test payment
 * provider: the plans screen then offers the test cards, labelled as such.
 */
export const TEST_PAYMENTS = import.meta.env.VITE_USE_EMULATORS === 'true'

export async function choosePlan(input: CallableInput<'choosePlan'>): Promise<CallableResult<'choosePlan'>> {
  try {
    return (await httpsCallable<CallableInput<'choosePlan'>, CallableResult<'choosePlan'>>(functions, CALLABLES.choosePlan)(input)).data
  } catch (error) {
    if (error instanceof FirebaseError) {
      const details = (error as FirebaseError & { details?: { reason?: string; fields?: { path: string }[] } }).details
      throw new AppError(toAppErrorCode(error.code), error.message, details?.fields?.map((f) => f.path) ?? [], details?.reason ?? null)
    }
    throw new AppError('internal', String(error))
  }
}

/** The club's active plans, in its order, live. */
export function watchPlans(onChange: (plans: Plan[]) => void, onError: (e: Error) => void): () => void {
  return onSnapshot(
    query(collection(db, COLLECTIONS.plans), where('active', '==', true)),
    (snap) => onChange(plansOf(snap.docs.map((d) => d.data()))),
    onError,
  )
}

/** The member's own plan from their document (the card's watch serves it; no extra read). */
export function watchMemberPlan(uid: string, onChange: (plan: MemberPlan | null) => void, onError: (e: Error) => void): () => void {
  return onSnapshot(doc(db, paths.member(uid)), (snap) => onChange(memberPlanOf(snap.get('plan'))), onError)
}
