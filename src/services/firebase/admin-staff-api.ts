// The operator console's door to Firebase for staff accounts and the audit log. Only the
// console's lazy chunk imports it, never the card route.
import { FirebaseError } from 'firebase/app'
import {
  collection,
  getDocs,
  limit,
  onSnapshot,
  orderBy,
  query,
  startAfter,
  where,
  type DocumentData,
  type QueryConstraint,
  type QueryDocumentSnapshot,
} from 'firebase/firestore'
import { httpsCallable } from 'firebase/functions'
import type { AuditEntry, StaffAccount } from '@/domain/admin/staff'
import { CALLABLES, type CallableInput, type CallableName, type CallableResult } from '@/domain/contracts/callables'
import { AppError, toAppErrorCode } from '@/domain/shared/errors'
import { COLLECTIONS } from '@/domain/shared/paths'
import { db, functions } from './app'

async function call<N extends CallableName>(name: N, data: CallableInput<N>): Promise<CallableResult<N>> {
  try {
    return (await httpsCallable<CallableInput<N>, CallableResult<N>>(functions, name)(data)).data
  } catch (error) {
    if (error instanceof FirebaseError) {
      const details = (error as FirebaseError & { details?: { reason?: string } }).details
      throw new AppError(toAppErrorCode(error.code), error.message, [], details?.reason ?? null)
    }
    throw new AppError('internal', String(error))
  }
}

/** Firestore failures (a rule, a lost connection) as the AppError the screens translate. */
function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof FirebaseError) return new AppError(toAppErrorCode(error.code), error.message)
  return new AppError('internal', String(error))
}

export const grantStaff = (input: CallableInput<'grantStaff'>) => call(CALLABLES.grantStaff, input)
export const revokeStaff = (input: CallableInput<'revokeStaff'>) => call(CALLABLES.revokeStaff, input)

const text = (value: unknown) => (typeof value === 'string' ? value : null)
const iso = (value: unknown) =>
  value && typeof (value as { toDate?: unknown }).toDate === 'function' ? (value as { toDate: () => Date }).toDate().toISOString() : null

function staffAccountOf(id: string, data: DocumentData): StaffAccount {
  return {
    uid: id,
    email: text(data.email),
    partnerId: String(data.partnerId ?? ''),
    active: data.active === true,
    memberUid: text(data.memberUid),
    grantedBy: String(data.grantedBy ?? ''),
    grantedAt: iso(data.grantedAt) ?? '',
    revokedBy: text(data.revokedBy),
    revokedAt: iso(data.revokedAt),
  }
}

/** The club's staff accounts (a store's, when given), live; operators read them (firestore.rules). */
export function watchStaffAccounts(
  partnerId: string | null,
  onValue: (accounts: StaffAccount[]) => void,
  onError: (error: AppError) => void,
): () => void {
  const ref = collection(db, COLLECTIONS.staffAccounts)
  return onSnapshot(
    partnerId ? query(ref, where('partnerId', '==', partnerId)) : ref,
    (snap) => onValue(snap.docs.map((d) => staffAccountOf(d.id, d.data()))),
    (error) => onError(asAppError(error)),
  )
}

function auditEntryOf(id: string, data: DocumentData): AuditEntry {
  const actor = (data.actor ?? {}) as Record<string, unknown>
  const details = (data.details ?? {}) as Record<string, unknown>
  return {
    id,
    actor: {
      uid: String(actor.uid ?? ''),
      role: actor.role === 'staff' ? 'staff' : 'admin',
      partnerId: text(actor.partnerId),
      tillId: text(actor.tillId),
    },
    action: String(data.action ?? ''),
    memberUid: text(data.memberUid),
    partnerId: text(data.partnerId),
    target: text(data.target),
    details: Object.fromEntries(
      Object.entries(details).map(([key, value]) => [key, typeof value === 'object' && value !== null ? JSON.stringify(value) : (value as string | number | boolean | null)]),
    ),
    at: iso(data.at) ?? '',
  }
}

/** Where the next page of the audit log starts (opaque to the store). */
export type AuditCursor = QueryDocumentSnapshot<DocumentData>

export interface AuditPage {
  entries: AuditEntry[]
  next: AuditCursor | null
}

/** The audit log, newest first, one page at a time; for one member or one store when given. */
export async function fetchAuditPage(
  filter: { memberUid?: string | null; partnerId?: string | null },
  pageSize: number,
  after: AuditCursor | null,
): Promise<AuditPage> {
  const constraints: QueryConstraint[] = []
  if (filter.memberUid) constraints.push(where('memberUid', '==', filter.memberUid))
  if (filter.partnerId) constraints.push(where('partnerId', '==', filter.partnerId))
  constraints.push(orderBy('at', 'desc'))
  if (after) constraints.push(startAfter(after))
  constraints.push(limit(pageSize + 1))
  try {
    const snap = await getDocs(query(collection(db, COLLECTIONS.audit), ...constraints))
    const docs = snap.docs.slice(0, pageSize)
    return {
      entries: docs.map((d) => auditEntryOf(d.id, d.data())),
      next: snap.docs.length > pageSize ? docs[docs.length - 1]! : null,
    }
  } catch (error) {
    throw asAppError(error)
  }
}
