import { createHash } from 'node:crypto'
import type { DocumentSnapshot } from 'firebase-admin/firestore'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import {
  ListTillDayInputSchema,
  TILL_DAY_LIMIT,
  tillDayTotals,
  type TillDayEntry,
  type TillDayKind,
  type TillDayStatus,
} from '../../../src/domain/partners/till-day'
import { localDate } from '../../../src/domain/shared/calendar'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireStaff } from '../lib/roles'

const RECEIPT_STATUSES: readonly TillDayStatus[] = ['recorded', 'pending', 'refused', 'refunded']

/**
 * `listTillDay`: what this till (or, without a till id, the calling staff account) did today at
 * the caller's own store, newest first — one indexed query on the till log, bounded, plus the
 * purchases' receipts for their status now (approved, refused or refunded since). Rows carry only
 * what the till already showed when it acted: never a balance, a member number or a full name.
 */
export const listTillDay = callable(CALLABLES.listTillDay, { input: ListTillDayInputSchema, authorize: requireStaff }, async (input, staff) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  const day = localDate(new Date(), config.timeZone)
  const base = firestore.collection(COLLECTIONS.tillLog).where('partnerId', '==', staff.partnerId).where('day', '==', day)
  const scoped = input.tillId ? base.where('tillId', '==', input.tillId) : base.where('by', '==', staff.uid)
  const snap = await scoped.orderBy('at', 'desc').limit(TILL_DAY_LIMIT + 1).get()
  const rows = snap.docs.slice(0, TILL_DAY_LIMIT)
  const purchases = rows.filter((row) => row.get('kind') === 'purchase')
  const receipts = purchases.length > 0 ? await firestore.getAll(...purchases.map((row) => firestore.doc(paths.receipt(staff.partnerId, String(row.get('receiptId')))))) : []
  const statusOf = new Map(purchases.map((row, i) => [row.id, receiptStatus(receipts[i])]))
  const entries = rows.map((row) => entryOf(row, statusOf.get(row.id) ?? 'recorded'))
  return { day, entries, totals: tillDayTotals(entries), complete: snap.size <= TILL_DAY_LIMIT }
})

function receiptStatus(receipt: DocumentSnapshot | undefined): TillDayStatus {
  const status = receipt?.get('status')
  return RECEIPT_STATUSES.includes(status) ? (status as TillDayStatus) : 'recorded'
}

/** Field by field: nothing else stored on the row reaches the till. */
function entryOf(row: DocumentSnapshot, status: TillDayStatus): TillDayEntry {
  const text = (key: string) => (typeof row.get(key) === 'string' ? (row.get(key) as string) : null)
  const amount = row.get('amountShekels')
  const name = row.get('name')
  return {
    // The row's own id names a member's uid or a coupon's code: the till gets an opaque key instead.
    id: createHash('sha256').update(row.id).digest('base64url').slice(0, 16),
    kind: row.get('kind') as TillDayKind,
    at: row.get('at').toDate().toISOString(),
    status,
    receiptId: text('receiptId'),
    amountShekels: typeof amount === 'number' ? amount : null,
    points: Number(row.get('points') ?? 0),
    displayName: text('displayName') ?? '',
    ref: text('ref'),
    name: name && typeof name.he === 'string' && typeof name.en === 'string' ? { he: name.he, en: name.en } : null,
    tillId: text('tillId'),
  }
}
