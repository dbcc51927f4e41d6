import { createHash } from 'node:crypto'
import { Timestamp } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { MAX_PUSH_TOKENS, PushTokenInputSchema } from '../../../src/domain/messages/push-tokens'
import { COLLECTIONS, paths } from '../../../src/domain/shared/paths'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'

// A token is a device's address: its hash names the document, so the token never becomes a path.
const tokenIdOf = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 40)

const notMember = () => new HttpsError('failed-precondition', 'Join the club first.', { reason: 'not-a-member' })

/**
 * `registerPushToken`: this device takes the member's notifications. A device has one member at
 * a time (the last to turn notifications on in it, e.g. on a shared tablet), and a member at most
 * MAX_PUSH_TOKENS devices: a new one replaces the one seen longest ago, so a member who changed
 * phones is never locked out by the old ones.
 */
export const registerPushToken = callable(CALLABLES.registerPushToken, { input: PushTokenInputSchema, authorize: requireAuth }, async (input, caller) => {
  const firestore = db()
  const tokenId = tokenIdOf(input.token)
  const memberRef = firestore.doc(paths.member(caller.uid))
  const ref = firestore.doc(paths.pushToken(caller.uid, tokenId))
  const elsewhere = await firestore.collectionGroup(COLLECTIONS.pushTokens).where('tokenId', '==', tokenId).get()
  return firestore.runTransaction(async (tx) => {
    const [member, mine] = await Promise.all([tx.get(memberRef), tx.get(firestore.collection(paths.pushTokens(caller.uid)).orderBy('seenAt').limit(MAX_PUSH_TOKENS + 1))])
    if (!member.exists) throw notMember()
    const now = Timestamp.now()
    for (const doc of elsewhere.docs) if (doc.ref.path !== ref.path) tx.delete(doc.ref)
    if (mine.docs.some((doc) => doc.id === tokenId)) {
      tx.update(ref, { seenAt: now })
      return { devices: mine.size, replaced: false }
    }
    const over = mine.docs.slice(0, Math.max(0, mine.size - MAX_PUSH_TOKENS + 1))
    for (const doc of over) tx.delete(doc.ref)
    tx.create(ref, { uid: caller.uid, tokenId, token: input.token, createdAt: now, seenAt: now })
    return { devices: mine.size - over.length + 1, replaced: over.length > 0 }
  })
})

/** `unregisterPushToken`: this device stops taking the member's notifications (the member's own devices only). */
export const unregisterPushToken = callable(CALLABLES.unregisterPushToken, { input: PushTokenInputSchema, authorize: requireAuth }, async (input, caller) => {
  const ref = db().doc(paths.pushToken(caller.uid, tokenIdOf(input.token)))
  const removed = await db().runTransaction(async (tx) => {
    const doc = await tx.get(ref)
    if (!doc.exists) return false
    tx.delete(ref)
    return true
  })
  return { removed }
})
