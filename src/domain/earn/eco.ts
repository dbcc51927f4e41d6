import { z } from 'zod'
import { checkCaps, type RuleUsage } from '../points/earning'
import type { LocalDate } from '../shared/calendar'
import { SLUG_PATTERN } from '../shared/paths'

/**
 * Eco actions: something a member does at the till (brings their own cup, returns packaging) that
 * only staff can see, so only staff confirm it (`confirmEcoAction`), from the member's live card.
 * Capped per member per action per club day, and per staff account per day against a cashier who
 * would farm points for friends. Pure: the function decides with it, tests pin it.
 */
const slug = z.string().regex(SLUG_PATTERN, 'lowercase letters, digits and dashes')

export const EcoActionSchema = z.object({
  id: slug,
  label: z.object({ he: z.string().min(1), en: z.string().min(1) }),
  points: z.number().int().min(1).max(10_000),
  /** Confirmations per member of this action per club day. */
  perDay: z.number().int().min(1).max(20),
  /** Only these partner stores offer it; null: every partner. */
  partnerIds: z.array(slug).max(50).nullable().default(null),
})
export type EcoAction = z.infer<typeof EcoActionSchema>

export const EcoPolicySchema = z.object({
  actions: z.array(EcoActionSchema).max(20),
  /** Eco confirmations one staff account may make in a club day, whoever the members are. */
  staffDailyCap: z.number().int().min(1).max(10_000),
})
export type EcoPolicy = z.infer<typeof EcoPolicySchema>

/** A club that configured none offers none; the staff cap is there the day it adds one. */
export const DEFAULT_ECO_POLICY: EcoPolicy = { actions: [], staffDailyCap: 40 }

export const ConfirmEcoActionInputSchema = z.strictObject({
  /** The member's live card, scanned at the till: an eco action is never confirmed from a typed number. */
  token: z.string().min(10).max(64),
  actionId: slug,
  /** One per confirmation, kept by the till until it has an answer: a retry pays once. */
  requestId: z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -'),
  tillId: z.string().regex(/^[\w-]{8,64}$/, '8–64 letters, digits, _ or -'),
})
export type ConfirmEcoActionInput = z.input<typeof ConfirmEcoActionInputSchema>

/** What the till shows: the action, its points, who (first name and initial) — never the balance. */
export interface ConfirmEcoActionResult {
  actionId: string
  points: number
  displayName: string
  tierId: string
  replayed: boolean
}

export type EcoRefusal =
  | { code: 'invalid-argument'; reason: 'eco-unknown-action' }
  | { code: 'failed-precondition'; reason: 'eco-not-at-partner' }
  | { code: 'resource-exhausted'; reason: 'eco-member-daily' | 'eco-staff-daily'; limit: number }

/** The action, if this partner offers it; otherwise why not. */
export function ecoActionAt(policy: EcoPolicy, actionId: string, partnerId: string): { ok: true; action: EcoAction } | { ok: false; refusal: EcoRefusal } {
  const action = policy.actions.find((a) => a.id === actionId)
  if (!action) return { ok: false, refusal: { code: 'invalid-argument', reason: 'eco-unknown-action' } }
  if (action.partnerIds !== null && !action.partnerIds.includes(partnerId)) {
    return { ok: false, refusal: { code: 'failed-precondition', reason: 'eco-not-at-partner' } }
  }
  return { ok: true, action }
}

/** Eco actions this partner's till may confirm, in the club's order. */
export function ecoActionsAt(policy: EcoPolicy, partnerId: string): EcoAction[] {
  return policy.actions.filter((a) => a.partnerIds === null || a.partnerIds.includes(partnerId))
}

/** A staff account's eco confirmations on one club day (server-only). */
export interface StaffEcoDay {
  day: LocalDate
  count: number
}

/**
 * Whether this confirmation may pay: the member's cap for the action today, then the staff
 * account's. Returns the counters after it, or the refusal.
 */
export function ecoConfirmation(
  policy: Pick<EcoPolicy, 'staffDailyCap'>,
  action: Pick<EcoAction, 'perDay'>,
  memberUsage: RuleUsage | null,
  staffDay: StaffEcoDay | null,
  today: LocalDate,
): { ok: true; usage: RuleUsage; staffDay: StaffEcoDay } | { ok: false; refusal: EcoRefusal } {
  const caps = checkCaps({ once: false, perDay: action.perDay, perMonth: null }, memberUsage, today)
  if (!caps.ok) return { ok: false, refusal: { code: 'resource-exhausted', reason: 'eco-member-daily', limit: action.perDay } }
  const staffCount = staffDay && staffDay.day === today ? staffDay.count : 0
  if (staffCount >= policy.staffDailyCap) {
    return { ok: false, refusal: { code: 'resource-exhausted', reason: 'eco-staff-daily', limit: policy.staffDailyCap } }
  }
  return { ok: true, usage: caps.next, staffDay: { day: today, count: staffCount + 1 } }
}
