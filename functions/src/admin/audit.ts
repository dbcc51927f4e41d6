import { FieldValue, type Firestore, type Transaction, type WriteBatch } from 'firebase-admin/firestore'
import { COLLECTIONS } from '../../../src/domain/shared/paths'
import type { Caller } from '../lib/roles'

/** Who did it: the account, its role and, for staff, the store and the till (device id). */
export interface AuditActor {
  uid: string
  role: 'staff' | 'admin'
  partnerId: string | null
  tillId: string | null
}

export interface AuditInput {
  actor: AuditActor
  /** The callable's name, or the name of a server action such as `configPublished`. */
  action: string
  /** The member the action was about, when there is one (the per-member audit view filters on it). */
  memberUid: string | null
  /** The store the action was for (the per-partner audit view filters on it). */
  partnerId: string | null
  /** What was acted on: a receipt, a post, a config item, a staff account. */
  target: string | null
  details: Record<string, string | number | boolean | null>
}

/**
 * Appends one audit entry in the same transaction or batch as the change it records, so an action
 * that rolls back leaves no entry, and no entry exists without its action. The id is random: the
 * log only grows, and the rules let nobody write it from a client.
 */
export function recordAudit(writer: Transaction | WriteBatch, db: Firestore, entry: AuditInput): void {
  const ref = db.collection(COLLECTIONS.audit).doc()
  const data = { ...entry, at: FieldValue.serverTimestamp() }
  writer.create(ref, data)
}

/** The actor of an audit entry from a checked caller (members never reach an audited action). */
export function auditActor(caller: Pick<Caller, 'uid' | 'role' | 'partnerId'>, tillId: string | null = null): AuditActor {
  return {
    uid: caller.uid,
    role: caller.role === 'admin' ? 'admin' : 'staff',
    partnerId: caller.role === 'admin' ? null : caller.partnerId,
    tillId: tillId ?? null,
  }
}
