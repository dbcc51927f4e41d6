import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ClubConfig } from '../../../src/domain/club-config'
import type { LedgerSource, LedgerType } from '../../../src/domain/ledger'
import { paths } from '../../../src/domain/paths'
import { findTier, tierFor } from '../../../src/domain/tiers'

export interface NewLedgerEntry {
  /** Deterministic id: the idempotency key of the operation (e.g. partner + receipt). */
  id: string
  type: LedgerType
  points: number
  source: LedgerSource
  reason: string
  ref: string | null
  partnerId: string | null
  by: string
  at: Date
}

export function ledgerEntryData(entry: NewLedgerEntry, balanceAfter: number) {
  return {
    type: entry.type,
    points: entry.points,
    source: entry.source,
    reason: entry.reason,
    ref: entry.ref,
    partnerId: entry.partnerId,
    by: entry.by,
    balanceAfter,
    createdAt: Timestamp.fromDate(entry.at),
  }
}

/**
 * Posts one entry and moves the member's balance in the same transaction. The entry id is the
 * idempotency key: posting it again changes nothing and reports `applied: false`. The tier only
 * rises here; lowering it is a separate end-of-period decision.
 */
export async function postLedgerEntry(
  db: Firestore,
  uid: string,
  entry: NewLedgerEntry,
  config: ClubConfig,
): Promise<{ applied: boolean; balance: number }> {
  const memberRef = db.doc(paths.member(uid))
  const entryRef = db.doc(paths.ledgerEntry(uid, entry.id))
  return db.runTransaction(async (tx) => {
    const [member, existing] = await Promise.all([tx.get(memberRef), tx.get(entryRef)])
    if (!member.exists) throw new HttpsError('not-found', 'No such member.')
    const balance = Number(member.get('balance') ?? 0)
    if (existing.exists) return { applied: false, balance }
    const balanceAfter = balance + entry.points
    if (balanceAfter < 0) throw new HttpsError('failed-precondition', 'Not enough points.')
    const lifetimePoints = Number(member.get('lifetimePoints') ?? 0) + Math.max(0, entry.points)
    const current = findTier(String(member.get('tierId')), config.tiers)
    const earned = tierFor(lifetimePoints, config.tiers)
    const tier = current && current.threshold >= earned.threshold ? current : earned
    tx.create(entryRef, ledgerEntryData(entry, balanceAfter))
    tx.update(memberRef, {
      balance: balanceAfter,
      lifetimePoints,
      ...(tier.id !== current?.id ? { tierId: tier.id, tierSince: Timestamp.fromDate(entry.at) } : {}),
      updatedAt: Timestamp.fromDate(entry.at),
    })
    return { applied: true, balance: balanceAfter }
  })
}
