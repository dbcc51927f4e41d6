import { randomBytes } from 'node:crypto'
import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { COLLECTIONS } from '../../../src/domain/shared/paths'

const cache = new Map<string, Buffer>()

/**
 * A random 32-byte server secret, `secrets/{name}` (no client reads it), made on first use and
 * kept in memory for the instance's life.
 */
export async function serverSecret(db: Firestore, name: string): Promise<Buffer> {
  const known = cache.get(name)
  if (known) return known
  const ref = db.doc(`${COLLECTIONS.secrets}/${name}`)
  const key = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    if (snap.exists) return String(snap.get('key'))
    const created = randomBytes(32).toString('base64')
    tx.create(ref, { key: created, createdAt: Timestamp.now() })
    return created
  })
  const bytes = Buffer.from(key, 'base64')
  cache.set(name, bytes)
  return bytes
}
