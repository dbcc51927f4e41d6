import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import {
  configItemKey,
  configKindSpec,
  describeIssues,
  parseConfigItem,
  toConfigJson,
  type ConfigDraftView,
  type ConfigItemInput,
  type ConfigKind,
  type ConfigPath,
  type DiscardConfigDraftResult,
  type JsonObject,
  type ListConfigItemsResult,
  type PublishConfigDraftResult,
  type SaveConfigDraftInput,
  type SaveConfigDraftResult,
} from '../../../../src/domain/admin/config-items'
import { CLUB_CONFIG_DOC, COLLECTIONS, paths } from '../../../../src/domain/shared/paths'
import type { Caller } from '../../lib/roles'
import { auditActor, recordAudit } from '../audit'
import { liveDigest, liveDocuments, liveJson, prepareLiveWrite, recordPublished, versionInfo } from './live'

/**
 * Drafts and publishing of the club's configuration: an operator saves a draft (checked by the
 * item's schema, so only a valid item is ever a draft), and publishing makes it live in one
 * transaction with its version, history entry and audit entry. A draft remembers the live version
 * it was made from, so a publish over someone else's newer change is refused, not lost.
 */

function invalid(issues: { path: ConfigPath; message: string }[]): HttpsError {
  const described = describeIssues(issues)
  const summary = described.map((i) => `${i.path}: ${i.message}`).join('; ')
  return new HttpsError('invalid-argument', `The item is not valid — ${summary}`, { reason: 'config-invalid', issues: described })
}

const draftMissing = () => new HttpsError('not-found', 'There is no draft of this item.', { reason: 'config-draft-missing' })

/** `changedOutside`: the version is the draft's, but the item changed without a publish (an import, a reward's stock). */
function conflict(baseVersion: number, liveVersion: number, changedOutside = false): HttpsError {
  const what = changedOutside ? 'was changed outside publishing' : `was published again (version ${baseVersion}, now ${liveVersion})`
  return new HttpsError('failed-precondition', `The live item ${what} since this draft was made.`, {
    reason: 'config-conflict',
    baseVersion,
    liveVersion,
    changedOutside,
  })
}

const auditTarget = (kind: ConfigKind, id: string) => configItemKey(kind, id)
const auditPartner = (kind: ConfigKind, id: string) => (kind === 'partner' ? id : null)

function draftView(snap: DocumentSnapshot): ConfigDraftView {
  const at = snap.get('updatedAt')
  return {
    kind: snap.get('kind') as ConfigKind,
    id: String(snap.get('id')),
    data: snap.get('data') as JsonObject,
    baseVersion: Number(snap.get('baseVersion') ?? 0),
    baseDigest: (snap.get('baseDigest') as string | null | undefined) ?? null,
    updatedBy: String(snap.get('updatedBy')),
    updatedAt: at instanceof Timestamp ? at.toDate().toISOString() : new Date(0).toISOString(),
  }
}

export async function saveConfigDraft(db: Firestore, caller: Caller, input: SaveConfigDraftInput): Promise<SaveConfigDraftResult> {
  const parsed = parseConfigItem(input.kind, input.id, input.data)
  if (!parsed.ok) throw invalid(parsed.issues)
  const key = configItemKey(input.kind, input.id)
  const data = toConfigJson(parsed.item.value, parsed.item.answers)
  const draftRef = db.doc(paths.configDraft(key))
  const liveRef = db.doc(configKindSpec(input.kind).livePath(input.id))
  return db.runTransaction(async (tx) => {
    const [draft, version, liveSnap] = await Promise.all([tx.get(draftRef), tx.get(db.doc(paths.configVersion(key))), tx.get(liveRef)])
    const live = versionInfo(version).version
    // The base is what the operator's form started from: the version and digest the form names,
    // else the draft's own while it is edited, else the live item as it is now.
    const keepBase = draft.exists && input.baseVersion === undefined && input.baseDigest === undefined
    const baseVersion = keepBase ? Number(draft.get('baseVersion') ?? 0) : (input.baseVersion ?? live)
    const baseDigest = keepBase ? ((draft.get('baseDigest') as string | undefined) ?? null) : (input.baseDigest ?? liveDigest(input.kind, input.id, liveSnap))
    if (baseVersion > live) throw conflict(baseVersion, live)
    tx.set(draftRef, { kind: input.kind, id: input.id, data, baseVersion, baseDigest, updatedBy: caller.uid, updatedAt: FieldValue.serverTimestamp() })
    recordAudit(tx, db, {
      actor: auditActor(caller),
      action: 'saveConfigDraft',
      memberUid: null,
      partnerId: auditPartner(input.kind, input.id),
      target: auditTarget(input.kind, input.id),
      details: { kind: input.kind, id: input.id, baseVersion },
    })
    return { kind: input.kind, id: input.id, baseVersion, baseDigest, data }
  })
}

export async function publishConfigDraft(db: Firestore, caller: Caller, input: ConfigItemInput): Promise<PublishConfigDraftResult> {
  const key = configItemKey(input.kind, input.id)
  const draftRef = db.doc(paths.configDraft(key))
  return db.runTransaction(async (tx) => {
    const draft = await tx.get(draftRef)
    if (!draft.exists) throw draftMissing()
    // Checked again: the schema may have tightened since the draft was saved.
    const parsed = parseConfigItem(input.kind, input.id, draft.get('data'))
    if (!parsed.ok) throw invalid(parsed.issues)
    const prepared = await prepareLiveWrite(db, input.kind, input.id, parsed.item, (ref) => tx.get(ref))
    const baseVersion = Number(draft.get('baseVersion') ?? 0)
    if (prepared.version.version !== baseVersion) throw conflict(baseVersion, prepared.version.version)
    const baseDigest = draft.get('baseDigest') as string | null | undefined
    if (baseDigest && baseDigest !== prepared.digest) throw conflict(baseVersion, prepared.version.version, true)
    if (prepared.problems.length > 0) throw invalid(prepared.problems)
    prepared.apply(tx)
    const { version, historyId } = recordPublished(tx, db, prepared, caller.uid, 'draft')
    tx.delete(draftRef)
    recordAudit(tx, db, {
      actor: auditActor(caller),
      action: 'publishConfigDraft',
      memberUid: null,
      partnerId: auditPartner(input.kind, input.id),
      target: auditTarget(input.kind, input.id),
      details: { kind: input.kind, id: input.id, version, historyId, changed: prepared.changed },
    })
    return { kind: input.kind, id: input.id, version, historyId }
  })
}

export async function discardConfigDraft(db: Firestore, caller: Caller, input: ConfigItemInput): Promise<DiscardConfigDraftResult> {
  const draftRef = db.doc(paths.configDraft(configItemKey(input.kind, input.id)))
  return db.runTransaction(async (tx) => {
    const draft = await tx.get(draftRef)
    if (!draft.exists) return { kind: input.kind, id: input.id, discarded: false }
    tx.delete(draftRef)
    recordAudit(tx, db, {
      actor: auditActor(caller),
      action: 'discardConfigDraft',
      memberUid: null,
      partnerId: auditPartner(input.kind, input.id),
      target: auditTarget(input.kind, input.id),
      details: { kind: input.kind, id: input.id },
    })
    return { kind: input.kind, id: input.id, discarded: true }
  })
}

/** Every live item of a kind as its JSON form with its version, and the kind's drafts. */
export async function listConfigItems(db: Firestore, kind: ConfigKind): Promise<ListConfigItemsResult> {
  const [docs, drafts] = await Promise.all([liveDocuments(db, kind), db.collection(COLLECTIONS.configDrafts).where('kind', '==', kind).get()])
  const versionRefs = docs.map((doc) => db.doc(paths.configVersion(configItemKey(kind, doc.id))))
  const versions = versionRefs.length > 0 ? await db.getAll(...versionRefs) : []
  const items = docs.map((doc, i) => {
    const { json, problems } = liveJson(kind, doc.id, doc.data() ?? {})
    return { id: configKindSpec(kind).singleton ? CLUB_CONFIG_DOC : doc.id, data: json, problems, digest: liveDigest(kind, doc.id, doc), ...versionInfo(versions[i]!) }
  })
  return { kind, items, drafts: drafts.docs.map(draftView).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) }
}
