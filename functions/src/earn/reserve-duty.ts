import { Timestamp, type DocumentData, type DocumentSnapshot, type Transaction } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import {
  checkDeclaration,
  dutySummary,
  type DeclareReserveDutyResult,
  type DutyDeclaration,
  type DutyRefusal,
  type RevokeReserveDutyResult,
} from '../../../src/domain/earn/reserve-duty'
import { DeclareReserveDutyInputSchema, RevokeReserveDutyInputSchema } from '../../../src/domain/earn/reserve-duty-schema'
import { pointsSummary } from '../../../src/domain/points/points'
import { localDate, type LocalDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { idOf, paths } from '../../../src/domain/shared/paths'
import { loadClubConfig } from '../club'
import { pointsStateOf } from '../ledger/member-state'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { requireAdmin } from '../lib/roles'
import { auditActor, recordAudit } from '../admin/audit'

/** The PRODUCT.md code of each refusal: bad dates are the input's fault, the rest the member's situation. */
const REFUSAL_CODES: Record<DutyRefusal, 'invalid-argument' | 'failed-precondition' | 'resource-exhausted'> = {
  'duty-dates-order': 'invalid-argument',
  'duty-too-far-ahead': 'invalid-argument',
  'duty-too-far-back': 'invalid-argument',
  'duty-too-long': 'invalid-argument',
  'duty-overlaps': 'failed-precondition',
  'duty-too-many': 'resource-exhausted',
}

function declarationOf(snap: DocumentSnapshot | { id: string; data: () => DocumentData | undefined }): DutyDeclaration {
  const data = snap.data() ?? {}
  return {
    id: snap.id,
    from: String(data.from),
    until: String(data.until),
    declaredOn: String(data.declaredOn),
    revokedOn: typeof data.revokedOn === 'string' ? data.revokedOn : null,
  }
}

/**
 * The member document's duty summary and the points figures that depend on it (next expiry, the
 * tier review date): the lots and the ledger stay as they are.
 */
function writeSummary(tx: Transaction, member: DocumentSnapshot, declarations: DutyDeclaration[], config: ClubConfig, today: LocalDate, now: Date) {
  const summary = dutySummary(declarations, today)
  const state = { ...pointsStateOf(member.data() ?? {}), pauses: summary.pauses }
  const figures = pointsSummary(state, config, today)
  tx.update(member.ref, {
    reserveDuty: summary,
    nextExpiry: figures.nextExpiry,
    nextExpiryOn: figures.nextExpiryOn,
    tierReviewOn: figures.tierReviewOn,
    updatedAt: Timestamp.fromDate(now),
  })
}

/**
 * `declareReserveDuty`: a member says they are (or are about to be) on reserve duty. On the
 * member's word — the operator can revoke — within limits that keep it from being a switch for
 * expiring points: the first day at most 7 days ahead and 30 back, at most 180 days, no overlap,
 * at most 3 in 12 months. A back-dated declaration never revives points that already expired
 * (src/domain/earn/reserve-duty.ts). A retry with the same request id declares once.
 */
export const declareReserveDuty = callable(
  CALLABLES.declareReserveDuty,
  { input: DeclareReserveDutyInputSchema, authorize: requireAuth },
  async (input, { uid }): Promise<DeclareReserveDutyResult> => {
    const firestore = db()
    const config = await loadClubConfig(firestore)
    const memberRef = firestore.doc(paths.member(uid))
    const declarationId = idOf('duty', input.requestId)
    const ref = firestore.doc(paths.reserveDuty(uid, declarationId))
    return firestore.runTransaction(async (tx) => {
      const [member, mine, all] = await Promise.all([tx.get(memberRef), tx.get(ref), tx.get(firestore.collection(paths.reserveDuties(uid)))])
      if (!member.exists) throw new HttpsError('not-found', 'Join the club first.')
      if (mine.exists) {
        const first = declarationOf(mine)
        return { id: first.id, from: first.from, until: first.until, replayed: true }
      }
      const now = new Date()
      const today = localDate(now, config.timeZone)
      const existing = all.docs.map(declarationOf)
      const refusal = checkDeclaration(input.from, input.until, today, existing)
      if (refusal) throw new HttpsError(REFUSAL_CODES[refusal], `Reserve duty not declared: ${refusal}.`, { reason: refusal })
      const declaration: DutyDeclaration = { id: declarationId, from: input.from, until: input.until, declaredOn: today, revokedOn: null }
      tx.create(ref, {
        from: declaration.from,
        until: declaration.until,
        declaredOn: today,
        revokedOn: null,
        requestId: input.requestId,
        createdAt: Timestamp.fromDate(now),
      })
      writeSummary(tx, member, [...existing, declaration], config, today, now)
      return { id: declarationId, from: input.from, until: input.until, replayed: false }
    })
  },
)

/**
 * `revokeReserveDuty` (operators): from today on the declaration pauses nothing — the days before
 * stay paused, as the member was told. Who, when and why are kept on the declaration.
 */
export const revokeReserveDuty = callable(
  CALLABLES.revokeReserveDuty,
  { input: RevokeReserveDutyInputSchema, authorize: requireAdmin },
  async (input, admin): Promise<RevokeReserveDutyResult> => {
    const firestore = db()
    const config = await loadClubConfig(firestore)
    const memberRef = firestore.doc(paths.member(input.uid))
    return firestore.runTransaction(async (tx) => {
      const [member, all] = await Promise.all([tx.get(memberRef), tx.get(firestore.collection(paths.reserveDuties(input.uid)))])
      const doc = all.docs.find((d) => d.id === input.declarationId)
      if (!member.exists || !doc) throw new HttpsError('not-found', 'No such reserve-duty declaration.')
      const target = declarationOf(doc)
      if (target.revokedOn) return { id: target.id, revokedOn: target.revokedOn, alreadyRevoked: true }
      const now = new Date()
      const today = localDate(now, config.timeZone)
      tx.update(doc.ref, { revokedOn: today, revokedBy: admin.uid, revokedAt: Timestamp.fromDate(now), revokeNote: input.note })
      const declarations = all.docs.map(declarationOf).map((d) => (d.id === target.id ? { ...d, revokedOn: today } : d))
      writeSummary(tx, member, declarations, config, today, now)
      recordAudit(tx, firestore, {
        actor: auditActor(admin),
        action: 'revokeReserveDuty',
        memberUid: input.uid,
        partnerId: null,
        target: target.id,
        details: { revokedOn: today, note: input.note },
      })
      return { id: target.id, revokedOn: today, alreadyRevoked: false }
    })
  },
)
