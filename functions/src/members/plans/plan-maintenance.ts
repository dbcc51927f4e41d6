import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { dueReminder, fallbackPlan, isExpired, memberPlanOf, nextPlanCheckOn, plansOf } from '../../../../src/domain/members/plans'
import type { Plan } from '../../../../src/domain/members/plans-schema'
import { localDate } from '../../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../../src/domain/shared/club-config'
import { COLLECTIONS, idOf, paths } from '../../../../src/domain/shared/paths'
import { dispatchMessage } from '../../messages/dispatch'

export interface PlanMaintenanceOutcome {
  fellBack: boolean
  reminded: boolean
}

export async function loadPlans(db: Firestore): Promise<Plan[]> {
  return plansOf((await db.collection(COLLECTIONS.plans).get()).docs.map((doc) => doc.data()))
}

/** One reminder per plan term (its end date) and offset: reruns and a renewal's own reminders never repeat it. */
export function planReminderKey(planId: string, expiresOn: string, offset: number): string {
  return idOf(planId, expiresOn, offset)
}

/**
 * The nightly step for a member whose `planCheckOn` has come: a paid plan past its last day
 * falls back to the free plan (only `plan` and `planCheckOn` change: points, tier and ledger stay
 * as they are), else the reminder now due goes out through the dispatcher, and `planCheckOn`
 * moves to the next date. The reminder is keyed per term and offset, so a rerun, or a run that
 * stopped between the message and the move, tells the member once.
 */
export async function maintainMemberPlan(db: Firestore, uid: string, plans: readonly Plan[], config: Pick<ClubConfig, 'timeZone'>, now: Date): Promise<PlanMaintenanceOutcome> {
  const today = localDate(now, config.timeZone)
  const memberRef = db.doc(paths.member(uid))
  const peek = memberPlanOf((await memberRef.get()).get('plan'))
  let reminded = false
  if (peek?.expiresOn && !isExpired(peek, today)) {
    const offset = dueReminder(peek.expiresOn, today)
    if (offset !== null) {
      const sent = await dispatchMessage(db, {
        uid,
        kind: 'plan-expiring',
        params: { planId: peek.id, expiresOn: peek.expiresOn, days: offset },
        dedupeKey: planReminderKey(peek.id, peek.expiresOn, offset),
        at: now,
      })
      reminded = sent.sent
    }
  }
  const fellBack = await db.runTransaction(async (tx) => {
    const member = await tx.get(memberRef)
    if (!member.exists) return false
    const plan = memberPlanOf(member.get('plan'))
    // Renewed or changed since the peek: the plan's own next date decides.
    if (!plan || !isExpired(plan, today)) {
      tx.update(memberRef, { planCheckOn: nextPlanCheckOn(plan, today) })
      return false
    }
    tx.update(memberRef, { plan: fallbackPlan(plans, today), planCheckOn: null, updatedAt: Timestamp.fromDate(now) })
    return true
  })
  return { fellBack, reminded }
}
