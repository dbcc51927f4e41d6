import { randomBytes } from 'node:crypto'
import { Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { HuntSchema, answerDigest, type Hunt, type HuntSecret } from '../../../src/domain/earn/hunts'
import { fromBase64, toBase64 } from '../../../src/domain/shared/crypto'
import { paths } from '../../../src/domain/shared/paths'

/** A hunt as stored: the member-readable document keeps times as Timestamps and no answers. */
export function huntDocument(hunt: Hunt): Record<string, unknown> {
  // The id is the document's own id, not a field.
  const { startsAt, endsAt, ...rest } = hunt
  const fields: Record<string, unknown> = { ...rest, startsAt: Timestamp.fromMillis(startsAt), endsAt: Timestamp.fromMillis(endsAt) }
  delete fields.id
  return fields
}

export function huntFromSnapshot(snap: DocumentSnapshot): Hunt | null {
  if (!snap.exists) return null
  const data = snap.data() ?? {}
  const time = (value: unknown) => (value instanceof Timestamp ? value.toMillis() : Number.NaN)
  const parsed = HuntSchema.safeParse({ ...data, id: snap.id, startsAt: time(data.startsAt), endsAt: time(data.endsAt) })
  return parsed.success ? parsed.data : null
}

export async function loadHunt(db: Firestore, huntId: string): Promise<Hunt> {
  const hunt = huntFromSnapshot(await db.doc(paths.hunt(huntId)).get())
  if (!hunt) throw new HttpsError('not-found', 'No such treasure hunt.', { reason: 'unknown-hunt' })
  return hunt
}

export async function loadHuntSecret(db: Firestore, huntId: string): Promise<{ secret: HuntSecret; key: Uint8Array }> {
  const snap = await db.doc(paths.huntSecret(huntId)).get()
  const secret = snap.data() as HuntSecret | undefined
  // A hunt without its secret cannot check any answer: the operator's setup is incomplete.
  if (!secret?.key) throw new HttpsError('failed-precondition', 'This treasure hunt is not ready yet.', { reason: 'hunt-not-open' })
  return { secret, key: fromBase64(secret.key) }
}

/**
 * Writes a hunt: the member-readable document, and server-only the key and the digests of the
 * printed answers (by clue index); the answers themselves are not kept. A hunt written again keeps
 * its key, so the daily codes shown today stay valid.
 */
export async function writeHunt(db: Firestore, hunt: Hunt, printedAnswers: Record<number, string>): Promise<void> {
  const parsed = HuntSchema.parse(hunt)
  const existing = (await db.doc(paths.huntSecret(parsed.id)).get()).get('key')
  const key = typeof existing === 'string' ? fromBase64(existing) : new Uint8Array(randomBytes(32))
  const answers: Record<string, string> = {}
  for (const [index, clue] of parsed.clues.entries()) {
    if (clue.answer !== 'printed') continue
    const answer = printedAnswers[index]
    if (!answer) throw new Error(`clue ${index} of hunt ${parsed.id} needs its printed answer`)
    answers[String(index)] = await answerDigest(key, parsed.id, index, answer)
  }
  const secret: HuntSecret = { key: toBase64(key), answers }
  const batch = db.batch()
  batch.set(db.doc(paths.hunt(parsed.id)), huntDocument(parsed))
  batch.set(db.doc(paths.huntSecret(parsed.id)), secret)
  await batch.commit()
}
