import {
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type QueryConstraint,
  type QueryDocumentSnapshot,
} from 'firebase/firestore'
import type { LedgerCategory, LedgerEntry } from '@/domain/points/ledger'
import { paths } from '@/domain/shared/paths'
import { db } from './app'
import { ledgerEntryConverter } from './converters'

/** Where the next page starts; opaque outside this module. */
export type PageCursor = { readonly __cursor: unique symbol }

export interface LedgerPage {
  entries: LedgerEntry[]
  /** null when there is nothing more to load. */
  next: PageCursor | null
}

/**
 * One page of the member's history, newest first. Pages follow a cursor (the last entry read),
 * so the 400th page costs what the first does, whatever the length of the history.
 */
export async function fetchLedgerPage(
  uid: string,
  options: { category?: LedgerCategory | null; after?: PageCursor | null; pageSize?: number; earnedBy?: string } = {},
): Promise<LedgerPage> {
  const size = options.pageSize ?? 25
  const constraints: QueryConstraint[] = []
  // A household member reads only what they earned into the owner's ledger (firestore.rules).
  if (options.earnedBy) constraints.push(where('earnedBy', '==', options.earnedBy))
  if (options.category) constraints.push(where('category', '==', options.category))
  constraints.push(orderBy('createdAt', 'desc'))
  if (options.after) constraints.push(startAfter(options.after as unknown as QueryDocumentSnapshot))
  // One extra tells whether another page exists without a second round trip.
  constraints.push(limit(size + 1))
  const snap = await getDocs(query(collection(db, paths.ledger(uid)).withConverter(ledgerEntryConverter), ...constraints))
  const docs = snap.docs.slice(0, size)
  const last = docs[docs.length - 1]
  return {
    entries: docs.map((doc) => doc.data()),
    next: snap.docs.length > size && last ? (last as unknown as PageCursor) : null,
  }
}
