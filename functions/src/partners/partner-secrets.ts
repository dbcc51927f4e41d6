import { randomBytes } from 'node:crypto'
import { Timestamp, type DocumentData, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { Partner } from '../../../src/domain/shared/club-config'
import { fromBase64, toBase64 } from '../../../src/domain/shared/crypto'
import { paths } from '../../../src/domain/shared/paths'
import { recordAudit, type AuditActor } from '../admin/audit'

export interface PartnerSecret {
  /** Signs the partner's rotating counter code (base64, 32 bytes). */
  counterKey: string
  /** The printed code's current version; older posters are refused. */
  posterVersion: number
}

function fresh(): PartnerSecret {
  return { counterKey: toBase64(randomBytes(32)), posterVersion: 1 }
}

function secretOf(data: DocumentData | undefined): PartnerSecret {
  return { counterKey: String(data?.counterKey), posterVersion: Number(data?.posterVersion) }
}

/** A partner's server-only secrets, made on first use. */
export async function partnerSecret(db: Firestore, partnerId: string): Promise<PartnerSecret> {
  const ref = db.doc(paths.partnerSecret(partnerId))
  const existing = await ref.get()
  if (existing.exists) return secretOf(existing.data())
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    if (snap.exists) return secretOf(snap.data())
    const created = fresh()
    tx.create(ref, { ...created, createdAt: Timestamp.now() })
    return created
  })
}

export async function counterKeyBytes(db: Firestore, partnerId: string): Promise<Uint8Array> {
  return fromBase64((await partnerSecret(db, partnerId)).counterKey)
}

/**
 * A new poster version: every earlier poster of the partner is refused from now on. A request id
 * seen on the last re-issue answers with that version, so an operator's retry re-issues once.
 */
export async function reissuePosterVersion(db: Firestore, partnerId: string, requestId: string | null, actor: AuditActor): Promise<number> {
  const ref = db.doc(paths.partnerSecret(partnerId))
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    const current = snap.exists ? secretOf(snap.data()) : fresh()
    if (requestId && snap.get('reissueRequestId') === requestId) return current.posterVersion
    const next = { ...current, posterVersion: current.posterVersion + 1 }
    tx.set(ref, { ...next, reissueRequestId: requestId, reissuedAt: Timestamp.now() })
    recordAudit(tx, db, {
      actor,
      action: 'reissuePosterCode',
      memberUid: null,
      partnerId,
      target: partnerId,
      details: { version: next.posterVersion, requestId },
    })
    return next.posterVersion
  })
}

/**
 * A new counter key: every code the old key signs is refused from now on (a stolen or lost counter
 * device), and the partner's counter screens fetch the new key when they next open online. A
 * request id seen on the last rotation answers without rotating again.
 */
export async function rotateCounterKeyOf(db: Firestore, partnerId: string, requestId: string | null, actor: AuditActor): Promise<void> {
  const ref = db.doc(paths.partnerSecret(partnerId))
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref)
    if (requestId && snap.get('rotateRequestId') === requestId) return
    const current = snap.exists ? secretOf(snap.data()) : fresh()
    tx.set(ref, { ...current, counterKey: toBase64(randomBytes(32)), rotateRequestId: requestId, rotatedAt: Timestamp.now() }, { merge: true })
    recordAudit(tx, db, { actor, action: 'rotateCounterKey', memberUid: null, partnerId, target: partnerId, details: { requestId } })
  })
}

/** Each partner has one kind of visit code; the other kind's tools refuse with a reason the app says. */
export function requireVisitMode(partner: Partner, mode: 'screen' | 'printed'): void {
  if (partner.visitCode.mode !== mode) {
    throw new HttpsError('failed-precondition', `This store uses ${partner.visitCode.mode} visit codes.`, {
      reason: mode === 'screen' ? 'visit-mode-printed' : 'visit-mode-screen',
    })
  }
}
