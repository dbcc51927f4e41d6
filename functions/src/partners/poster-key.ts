import { randomBytes } from 'node:crypto'
import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { fromBase64, toBase64 } from '../../../src/domain/crypto'
import { paths } from '../../../src/domain/paths'
import { createPosterCode } from '../../../src/domain/poster-code'

/** The club's poster key: a server-only document, made on first use. */
export async function posterKey(db: Firestore): Promise<Uint8Array> {
  const ref = db.doc(paths.posterKey())
  const key = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    if (snap.exists) return String(snap.get('key'))
    const created = toBase64(randomBytes(32))
    tx.create(ref, { key: created, createdAt: Timestamp.now() })
    return created
  })
  return fromBase64(key)
}

export async function posterCodeFor(db: Firestore, partnerId: string): Promise<string> {
  return createPosterCode(await posterKey(db), partnerId)
}
