import { addDays, addMonths, type LocalDate } from '../shared/calendar'
import { MemberPlanSchema, PlanSchema, type MemberPlan, type Plan } from './plans-schema'

/**
 * Plans and terms, pure: which plan a member is on at a date, when to remind them, where an
 * expired paid plan falls back to, and what a renewal runs until. The functions apply them
 * (functions/src/members/plans/); the plans screen shows them.
 */

/** Reminders before a paid plan ends, in days before its last day (the nearer one replaces the earlier). */
export const PLAN_REMINDER_DAYS = [30, 7] as const
/** "Expiring soon" on the plans screen: from the first reminder on. */
export const PLAN_EXPIRING_SOON_DAYS = PLAN_REMINDER_DAYS[0]

export type PlanStatus = 'active' | 'expiring-soon' | 'expired'

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** The stored plan field as a plan, or null when absent or malformed (then the free plan applies). */
export function memberPlanOf(stored: unknown): MemberPlan | null {
  const parsed = MemberPlanSchema.safeParse(stored)
  return parsed.success ? parsed.data : null
}

/** Plans from their documents, the malformed ones dropped, in the club's order. */
export function plansOf(docs: readonly unknown[]): Plan[] {
  return docs
    .flatMap((doc) => {
      const parsed = PlanSchema.safeParse(doc)
      return parsed.success ? [parsed.data] : []
    })
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
}

/**
 * The plan members stand on without paying: the first active free plan in the club's order. A
 * club that configures none has no free plan, and a member without a paid plan has none.
 */
export function freePlanOf(plans: readonly Plan[]): Plan | null {
  return [...plans].sort((a, b) => a.order - b.order).find((plan) => plan.active && plan.priceAgorot === 0) ?? null
}

/** Whether a plan's term has run out at `today` (the last day still counts). */
export function isExpired(plan: Pick<MemberPlan, 'expiresOn'>, today: LocalDate): boolean {
  return plan.expiresOn !== null && plan.expiresOn < today
}

export function planStatus(plan: Pick<MemberPlan, 'expiresOn'>, today: LocalDate, soonDays: number = PLAN_EXPIRING_SOON_DAYS): PlanStatus {
  if (plan.expiresOn === null) return 'active'
  if (plan.expiresOn < today) return 'expired'
  return daysBetween(today, plan.expiresOn) <= soonDays ? 'expiring-soon' : 'active'
}

/** The plan a member is on at `today`: their own while it runs, else the free plan (or none). */
export function currentPlan(
  stored: MemberPlan | null,
  plans: readonly Plan[],
  today: LocalDate,
): { plan: Plan | null; membership: MemberPlan | null } {
  const free = freePlanOf(plans)
  if (stored && !isExpired(stored, today)) {
    const plan = plans.find((candidate) => candidate.id === stored.id) ?? null
    if (plan) return { plan, membership: stored }
  }
  return { plan: free, membership: null }
}

/** The multiplier a member's plan adds to purchase points today (1 once it has run out). */
export function planEarnMultiplier(stored: unknown, today: LocalDate): number {
  const plan = memberPlanOf(stored)
  return plan && !isExpired(plan, today) ? plan.earnMultiplier : 1
}

/** The dates a plan ending on `expiresOn` reminds its member, earliest first. */
export function reminderDates(expiresOn: LocalDate, offsets: readonly number[] = PLAN_REMINDER_DAYS): { offset: number; on: LocalDate }[] {
  return [...offsets].sort((a, b) => b - a).map((offset) => ({ offset, on: addDays(expiresOn, -offset) }))
}

/**
 * The reminder due at `today`: the nearest to the end whose date has come, so a member who
 * bought 20 days before the end gets the 30-day one now, and one past both dates only the 7-day one.
 */
export function dueReminder(expiresOn: LocalDate, today: LocalDate, offsets: readonly number[] = PLAN_REMINDER_DAYS): number | null {
  if (today > expiresOn) return null
  const due = reminderDates(expiresOn, offsets).filter((reminder) => reminder.on <= today)
  return due.length > 0 ? due[due.length - 1]!.offset : null
}

/**
 * When the nightly job next needs to look at a member's plan: the next reminder after today, else
 * the first day past the end (to fall back). Null for a plan without end: the job never reads it.
 */
export function nextPlanCheckOn(plan: Pick<MemberPlan, 'expiresOn'> | null, today: LocalDate, offsets: readonly number[] = PLAN_REMINDER_DAYS): LocalDate | null {
  if (!plan?.expiresOn) return null
  const next = reminderDates(plan.expiresOn, offsets).find((reminder) => reminder.on > today)
  return next?.on ?? addDays(plan.expiresOn, 1)
}

/** The plan after an expiry: the free plan from today, with nothing paid (points, tier and ledger stay as they are). */
export function fallbackPlan(plans: readonly Plan[], today: LocalDate): MemberPlan | null {
  const free = freePlanOf(plans)
  return free ? { id: free.id, since: today, expiresOn: null, paidRef: null, earnMultiplier: 1 } : null
}

/**
 * The term a choice of `plan` buys at `today`. A year runs to the day before the same date a year
 * on; choosing the same paid plan while it runs extends it from its current end, so a renewal
 * never loses the days already paid for.
 */
export function termFor(plan: Pick<Plan, 'id' | 'term'>, current: MemberPlan | null, today: LocalDate): { since: LocalDate; expiresOn: LocalDate | null } {
  if (plan.term.kind === 'unlimited') return { since: today, expiresOn: null }
  const renewing = current && current.id === plan.id && current.expiresOn !== null && current.expiresOn >= today
  if (renewing) return { since: current.since, expiresOn: addDays(addMonths(addDays(current.expiresOn!, 1), 12), -1) }
  return { since: today, expiresOn: addDays(addMonths(today, 12), -1) }
}
