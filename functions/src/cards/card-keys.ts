import { randomBytes } from 'node:crypto'
import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore'
import { fromBase64, toBase64 } from '../../../src/domain/shared/crypto'
import { paths } from '../../../src/domain/shared/paths'

export interface CardKey {
  key: string
  version: number
}

/**
 * Each member's card key lives in a server-only document; the member's own phone fetches it once
 * (getCardKey) and signs the rotating QR with it offline. Rotating it (a lost phone) makes every
 * token signed with the old key worthless; the member document's `cardKeyVersion` tells the
 * member's other devices to fetch the new one.
 */
export async function getOrCreateCardKey(db: Firestore, uid: string): Promise<CardKey> {
  const ref = db.doc(paths.cardKey(uid))
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    if (snap.exists) return { key: String(snap.get('key')), version: Number(snap.get('version')) }
    const created = { key: toBase64(randomBytes(32)), version: 1 }
    tx.create(ref, { ...created, createdAt: Timestamp.now() })
    tx.update(db.doc(paths.member(uid)), { cardKeyVersion: 1 })
    return created
  })
}

export async function rotateCardKey(db: Firestore, uid: string): Promise<CardKey> {
  const ref = db.doc(paths.cardKey(uid))
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    const next = { key: toBase64(randomBytes(32)), version: Number(snap.get('version') ?? 0) + 1 }
    tx.set(ref, { ...next, rotatedAt: FieldValue.serverTimestamp() })
    tx.update(db.doc(paths.member(uid)), { cardKeyVersion: next.version })
    return next
  })
}

export async function cardKeyBytes(db: Firestore, uid: string): Promise<Uint8Array | null> {
  const snap = await db.doc(paths.cardKey(uid)).get()
  return snap.exists ? fromBase64(String(snap.get('key'))) : null
}
