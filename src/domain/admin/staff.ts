/**
 * Staff accounts and the audit log, as the console shows them (pure types and wording helpers; the
 * input schemas are in ./staff-schema.ts, for the server).
 */

/** `staffAccounts/{uid}`: the server's source of truth for the staff role (admins read it). */
export interface StaffAccount {
  uid: string
  email: string | null
  partnerId: string
  active: boolean
  /** The staff person's own member account, when linked: they never earn on what they record. */
  memberUid: string | null
  grantedBy: string
  /** ISO time. */
  grantedAt: string
  revokedBy: string | null
  revokedAt: string | null
}

export interface GrantStaffResult {
  uid: string
  email: string
  partnerId: string
  memberUid: string | null
  /** True when the account was already staff of this partner: nothing changed. */
  replayed: boolean
}

export interface RevokeStaffResult {
  uid: string
  /** True when the account was not staff (already revoked): nothing changed. */
  replayed: boolean
}

/** One entry of the audit log (`audit/{id}`), as the console reads it. */
export interface AuditEntry {
  id: string
  actor: { uid: string; role: 'staff' | 'admin'; partnerId: string | null; tillId: string | null }
  action: string
  memberUid: string | null
  partnerId: string | null
  target: string | null
  details: Record<string, string | number | boolean | null>
  /** ISO time. */
  at: string
}

/** The actions the console names in words; anything else is shown by its name. */
export const AUDITED_ACTIONS = [
  'recordPurchase',
  'reversePurchase',
  'reviewPurchase',
  'useCoupon',
  'confirmEcoAction',
  'lookupMember',
  'adjustPoints',
  'reviewReferral',
  'runMaintenance',
  'reissuePosterCode',
  'rotateCounterKey',
  'moderateContent',
  'moderateReview',
  'featurePost',
  'closeCompetition',
  'revokeReserveDuty',
  'createPost',
  'grantStaff',
  'revokeStaff',
  'saveConfigDraft',
  'publishConfigDraft',
  'discardConfigDraft',
  'refreshReports',
  'getSettlement',
] as const
export type AuditedAction = (typeof AUDITED_ACTIONS)[number]

export function isKnownAction(action: string): action is AuditedAction {
  return (AUDITED_ACTIONS as readonly string[]).includes(action)
}

/** How many audit entries the console reads per page. */
export const AUDIT_PAGE_SIZE = 25
