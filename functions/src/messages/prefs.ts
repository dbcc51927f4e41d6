import { Timestamp } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { MarkMessagesReadInputSchema, UpdateMessagePrefsInputSchema } from '../../../src/domain/messages/prefs-schema'
import { paths } from '../../../src/domain/shared/paths'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'

const ALL_PAGE = 500
// Taps on several messages at once all wait on the member document: give them room to retry.
const RACING = { maxAttempts: 20 }

const notMember = () => new HttpsError('failed-precondition', 'Join the club first.', { reason: 'not-a-member' })

/** The member sets their own limits; the schema holds every field to its range. */
export const updateMessagePrefs = callable(CALLABLES.updateMessagePrefs, { input: UpdateMessagePrefsInputSchema, authorize: requireAuth }, async (input, caller) => {
  const ref = db().doc(paths.member(caller.uid))
  await db().runTransaction(async (tx) => {
    const member = await tx.get(ref)
    if (!member.exists) throw notMember()
    tx.update(ref, { messagePrefs: input.prefs, updatedAt: Timestamp.now() })
  })
  return { prefs: input.prefs }
})

/** Marks some messages (or every unread one) read; the unread count goes down by what changed, never below 0. */
export const markMessagesRead = callable(CALLABLES.markMessagesRead, { input: MarkMessagesReadInputSchema, authorize: requireAuth }, async (input, caller) => {
  const firestore = db()
  const memberRef = firestore.doc(paths.member(caller.uid))
  return firestore.runTransaction(async (tx) => {
    const member = await tx.get(memberRef)
    if (!member.exists) throw notMember()
    const docs =
      'ids' in input
        ? await tx.getAll(...[...new Set(input.ids)].map((id) => firestore.doc(paths.inboxMessage(caller.uid, id))))
        : (await tx.get(firestore.collection(paths.inbox(caller.uid)).where('readAt', '==', null).limit(ALL_PAGE))).docs
    const unread = docs.filter((doc) => doc.exists && doc.get('readAt') == null)
    const now = Timestamp.now()
    for (const doc of unread) tx.update(doc.ref, { readAt: now })
    const before = Math.max(0, Number(member.get('unreadMessages') ?? 0))
    // "All" read in one page is every message read: the count starts again from 0, whatever drifted.
    const after = 'all' in input && unread.length < ALL_PAGE ? 0 : Math.max(0, before - unread.length)
    if (after !== member.get('unreadMessages')) tx.update(memberRef, { unreadMessages: after })
    return { marked: unread.length, unread: after }
  }, RACING)
})
