import { randomBytes } from 'node:crypto'
import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { fromBase64, toBase64 } from '../../../src/domain/shared/crypto'
import { paths } from '../../../src/domain/shared/paths'
import { createPosterCode } from '../../../src/domain/partners/poster-code'
import { partnerSecret } from './partner-secrets'

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

/** The partner's printed code at its current version (or at a given one, for tests of old posters). */
export async function posterCodeFor(db: Firestore, partnerId: string, version?: number): Promise<string> {
  const current = version ?? (await partnerSecret(db, partnerId)).posterVersion
  return createPosterCode(await posterKey(db), partnerId, current)
}
