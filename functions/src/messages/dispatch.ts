import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore'
import { decideDelivery, weekOf } from '../../../src/domain/messages/delivery'
import { categoryOf, linkOf, type MessageKind, type MessageParams } from '../../../src/domain/messages/kinds'
import { messagePrefsOf } from '../../../src/domain/messages/prefs'
import { messageTextOf } from '../../../src/domain/messages/templates'
import { idOf, paths } from '../../../src/domain/shared/paths'
import { loadClubConfig } from '../club'
import { sendPush, type PushOutcome } from './push'

export interface DispatchRequest {
  uid: string
  kind: MessageKind
  /** What the text and the link need (a tier id, points, an event id); stored with the message. */
  params: MessageParams
  /**
   * One key per thing to tell (e.g. the tier and the moment it was reached): the same key is
   * decided once, so a retried trigger or job never tells the member twice, nor counts twice
   * against their cap. A message held back stays held back under its key.
   */
  dedupeKey: string
  /** The moment of the decision (tests and resumed jobs); now by default. */
  at?: Date
}

export interface DispatchResult {
  sent: boolean
  /** Why it was held back (`cap`, `quiet-hours`, `shabbat`, `holiday`, `no-member`). */
  reason?: string
  /** For a message delivered now with push allowed: how its push went (first decision only). */
  push?: PushOutcome
}

/** One tier-up per tier reached at one moment (`tierSince`): reruns of the trigger, and the seed, share it. */
export function tierUpDedupeKey(tierId: string, reachedAtMillis: number | string): string {
  return idOf(tierId, reachedAtMillis)
}

/** The log entry of one decision: a producer that has many members to tell checks these in bulk first. */
export function messageLogPath(uid: string, kind: MessageKind, dedupeKey: string): string {
  return paths.messageLogEntry(idOf(uid, kind, dedupeKey))
}

/** The inbox id of a message: from its kind and dedupe key, so no key can take another kind's id. */
export function messageIdOf(kind: MessageKind, dedupeKey: string): string {
  return idOf(kind, dedupeKey)
}

/**
 * The one door every nudge goes through: reads the member's limits and this week's promotional
 * count, decides (src/domain/messages/delivery.ts), writes the inbox entry and the unread count,
 * and logs the decision, sent or not, with its reason — all in one transaction, so parallel calls
 * with one key decide once.
 */
export async function dispatchMessage(db: Firestore, request: DispatchRequest): Promise<DispatchResult> {
  const { uid, kind, params, dedupeKey } = request
  const now = request.at ?? new Date()
  const [{ timeZone }, template] = await Promise.all([loadClubConfig(db), db.doc(paths.messageTemplate(kind)).get()])
  // The club's own words for this kind, if it published some: copied in, so the message keeps them.
  const text = messageTextOf(template.data(), kind)
  const messageId = messageIdOf(kind, dedupeKey)
  const week = weekOf(now, timeZone)
  const category = categoryOf(kind)
  const memberRef = db.doc(paths.member(uid))
  const logRef = db.doc(messageLogPath(uid, kind, dedupeKey))
  const weekRef = db.doc(paths.messageWeek(uid, week))
  const inboxRef = db.doc(paths.inboxMessage(uid, messageId))

  const decided = await db.runTransaction(
    async (tx): Promise<DispatchResult & { pushNow?: boolean }> => {
      const [logged, member, counted] = await Promise.all([tx.get(logRef), tx.get(memberRef), tx.get(weekRef)])
      if (logged.exists) {
        const reason = logged.get('reason')
        return { sent: logged.get('sent') === true, ...(typeof reason === 'string' ? { reason } : {}) }
      }
      const log = { uid, kind, category, params, dedupeKey, messageId, week, at: Timestamp.fromDate(now) }
      if (!member.exists) {
        tx.create(logRef, { ...log, sent: false, reason: 'no-member', push: false })
        return { sent: false, reason: 'no-member' }
      }
      const sentThisWeek = Number(counted.get('promotional') ?? 0)
      const decision = decideDelivery({ kind, prefs: messagePrefsOf(member.get('messagePrefs')), now, timeZone, sentThisWeek })
      if (!decision.deliver) {
        tx.create(logRef, { ...log, sent: false, reason: decision.reason, push: false })
        return { sent: false, reason: decision.reason }
      }
      tx.create(inboxRef, { kind, category, params, ...(text ? { text } : {}), link: linkOf(kind, params), createdAt: Timestamp.fromDate(now), readAt: null })
      tx.update(memberRef, { unreadMessages: FieldValue.increment(1) })
      if (category === 'promotional') tx.set(weekRef, { uid, week, promotional: sentThisWeek + 1 }, { merge: true })
      // `push` records the decision; where one was due, its outcome replaces it below.
      tx.create(logRef, { ...log, sent: true, reason: null, push: decision.push })
      return { sent: true, pushNow: decision.push }
    },
    // Twenty producers racing on one key all wait on the same log document; give them room.
    { maxAttempts: 20 },
  )
  const { pushNow, ...result } = decided
  // Only the call that decided pushes: a replay of the key never notifies twice.
  if (!pushNow) return result
  const push = await sendPush(db, { uid, kind, params, messageId, text })
  await logRef.update({ push })
  return { ...result, push }
}
