import { createHash, randomBytes } from 'node:crypto'
import {
  FieldValue,
  Timestamp,
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Precondition,
} from 'firebase-admin/firestore'
import {
  configItemKey,
  configKindSpec,
  describeIssues,
  sameConfigJson,
  sortedJson,
  toConfigJson,
  type ConfigIssue,
  type ConfigKind,
  type ConfigPath,
  type ConfigVersionInfo,
  type JsonObject,
  type JsonValue,
  type ParsedConfigItem,
} from '../../../../src/domain/admin/config-items'
import { answerDigest, type Hunt, type HuntSecret } from '../../../../src/domain/earn/hunts'
import { fromBase64, toBase64 } from '../../../../src/domain/shared/crypto'
import { COLLECTIONS, paths } from '../../../../src/domain/shared/paths'

/**
 * The live configuration in Firestore, for the publish callables and `npm run club`: a stored
 * document as its item's JSON form, and an item's writes (with its version and history). Every
 * kind is stored as its schema's value with Timestamps for its moments; hunts also keep their
 * secret (key and answer digests, never the answers), events and competitions the server's own
 * fields beside the operator's.
 */

/** What a transaction and a batch both do: the publish callable writes in one, `npm run club` in the other. */
export interface Writer {
  set(ref: DocumentReference, data: DocumentData): unknown
  update(ref: DocumentReference, data: DocumentData, precondition?: Precondition): unknown
  create(ref: DocumentReference, data: DocumentData): unknown
}
export type Reader = (ref: DocumentReference) => Promise<DocumentSnapshot>

const isTimestamp = (value: unknown): value is Timestamp => value instanceof Timestamp

/** A stored document as its item's JSON form, or the schema's problems with it. */
export function liveJson(kind: ConfigKind, id: string, data: DocumentData): { json: JsonObject | null; problems: ConfigIssue[] } {
  const spec = configKindSpec(kind)
  const input: Record<string, unknown> = { ...data }
  for (const field of spec.timestamps) {
    const value = input[field]
    if (!isTimestamp(value)) continue
    input[field] = (spec.isoDates as readonly string[]).includes(field) ? value.toDate() : value.toMillis()
  }
  if (!spec.singleton) input.id = id
  // The schema, not the configuration parser: the stored document may hold the server's own
  // fields (seat totals, winners), which the schema drops and an operator never edits.
  const parsed = spec.schema.safeParse(input)
  if (!parsed.success) return { json: null, problems: describeIssues(parsed.error.issues.map((i) => ({ path: i.path as ConfigPath, message: i.message }))) }
  return { json: toConfigJson(parsed.data as Record<string, unknown>), problems: [] }
}

/**
 * A digest of the live item as it stands, whoever changed it: publishing compares it with the one
 * its draft was made from, so a change outside publishing (a reward's stock going down with each
 * redemption, a seed, an import) is not overwritten with the draft's stale copy.
 */
export function liveDigest(kind: ConfigKind, id: string, snap: DocumentSnapshot): string {
  if (!snap.exists) return 'absent'
  const data = snap.data() ?? {}
  const json: JsonValue = liveJson(kind, id, data).json ?? (JSON.parse(JSON.stringify(data)) as JsonValue)
  return createHash('sha256').update(JSON.stringify(sortedJson(json))).digest('base64url')
}

/** The version document's data as the callables answer it. */
export function versionInfo(snap: DocumentSnapshot): ConfigVersionInfo {
  const at = snap.get('publishedAt')
  return {
    version: snap.exists ? Number(snap.get('version') ?? 0) : 0,
    publishedBy: snap.exists ? ((snap.get('publishedBy') as string | null) ?? null) : null,
    publishedAt: isTimestamp(at) ? at.toDate().toISOString() : null,
  }
}

/** An item's stored fields from its parsed value: the id dropped where it is the document's id, moments as Timestamps. */
function storedFields(kind: ConfigKind, value: Record<string, unknown>): Record<string, unknown> {
  const spec = configKindSpec(kind)
  const fields: Record<string, unknown> = JSON.parse(JSON.stringify(value)) as Record<string, unknown>
  if (!spec.storesId) delete fields.id
  for (const field of spec.timestamps) {
    const original = value[field]
    if (original instanceof Date) fields[field] = Timestamp.fromDate(original)
    else if (typeof original === 'number') fields[field] = Timestamp.fromMillis(original)
  }
  return fields
}

export interface PreparedWrite {
  kind: ConfigKind
  id: string
  /** Problems only the live state reveals (a printed clue without an answer, old or new). */
  problems: { path: ConfigPath; message: string }[]
  before: JsonObject | null
  /** The item's JSON form after the write (a hunt's answers never leave the secret). */
  after: JsonObject
  /** Whether the write changes anything live. */
  changed: boolean
  version: ConfigVersionInfo
  /** `liveDigest` of the item before this write. */
  digest: string
  /** When the version document was last written (absent: never), so the write is made only over the version read. */
  versionUpdateTime: Timestamp | null
  apply: (writer: Writer) => void
}

/**
 * Reads what writing an item needs (its live document, version and, for a hunt, its secret) and
 * plans the writes, without writing. All reads happen here, so a transaction can call this before
 * its writes; `reader` is the transaction's `get` there, or a plain read for `npm run club`.
 */
export async function prepareLiveWrite(db: Firestore, kind: ConfigKind, id: string, item: ParsedConfigItem, reader: Reader): Promise<PreparedWrite> {
  const spec = configKindSpec(kind)
  const liveRef = db.doc(spec.livePath(id))
  const secretRef = kind === 'hunt' ? db.doc(paths.huntSecret(id)) : null
  const [live, versionSnap, secretSnap] = await Promise.all([
    reader(liveRef),
    reader(db.doc(paths.configVersion(configItemKey(kind, id)))),
    secretRef ? reader(secretRef) : Promise.resolve(null),
  ])
  const before = live.exists ? liveJson(kind, id, live.data() ?? {}).json : null
  const after = toConfigJson(item.value)
  const fields = storedFields(kind, item.value)
  const problems: PreparedWrite['problems'] = []
  let changed = !before || !sameConfigJson(before, after)

  let secret: HuntSecret | null = null
  if (kind === 'hunt' && secretRef) {
    const existing = secretSnap?.exists ? (secretSnap.data() as Partial<HuntSecret>) : null
    const key = typeof existing?.key === 'string' ? fromBase64(existing.key) : new Uint8Array(randomBytes(32))
    const answers: Record<string, string> = {}
    const hunt = item.value as unknown as Hunt
    for (const [index, clue] of hunt.clues.entries()) {
      if (clue.answer !== 'printed') continue
      const given = item.answers?.[String(index)]
      const kept = existing?.key ? existing.answers?.[String(index)] : undefined
      if (given) answers[String(index)] = await answerDigest(key, id, index, given)
      else if (kept) answers[String(index)] = kept
      // The live hunt keeps only digests, so a new printed clue's answer cannot come from anywhere else.
      else problems.push({ path: ['answers', String(index)], message: 'a printed clue needs its answer (the live hunt keeps only a digest)' })
    }
    if (!existing?.key || !sameConfigJson(existing.answers ?? {}, answers)) changed = true
    secret = { key: toBase64(key), answers }
  }

  const apply = (writer: Writer) => {
    if (spec.write === 'fields' && live.exists) writer.update(liveRef, fields)
    else writer.set(liveRef, { ...spec.createWith, ...fields })
    if (secretRef && secret) writer.set(secretRef, secret)
  }
  return { kind, id, problems, before, after, changed, version: versionInfo(versionSnap), digest: liveDigest(kind, id, live), versionUpdateTime: versionSnap.exists ? (versionSnap.updateTime ?? null) : null, apply }
}

/** The version counter and the history entry of one published item; returns the history entry's id. */
export function recordPublished(writer: Writer, db: Firestore, prepared: PreparedWrite, publishedBy: string, via: 'draft' | 'import'): { version: number; historyId: string } {
  const version = prepared.version.version + 1
  const key = configItemKey(prepared.kind, prepared.id)
  const publishedAt = FieldValue.serverTimestamp()
  const versionRef = db.doc(paths.configVersion(key))
  const versionData = { kind: prepared.kind, id: prepared.id, version, publishedBy, publishedAt }
  // Every publish writes the version document, so a write that finds it changed since it was read
  // (or created meanwhile) fails whole: an import never silently overwrites a publish that landed
  // between its check and its commit.
  if (prepared.versionUpdateTime) writer.update(versionRef, versionData, { lastUpdateTime: prepared.versionUpdateTime })
  else writer.create(versionRef, versionData)
  const history = db.collection(COLLECTIONS.configHistory).doc()
  writer.create(history, { kind: prepared.kind, id: prepared.id, version, via, before: prepared.before, after: prepared.after, publishedBy, publishedAt })
  return { version, historyId: history.id }
}

/** Every live item of a kind, by id, with its stored document (the singleton: the club's, if any). */
export async function liveDocuments(db: Firestore, kind: ConfigKind): Promise<DocumentSnapshot[]> {
  const spec = configKindSpec(kind)
  if (!spec.collection) {
    const snap = await db.doc(spec.livePath('club')).get()
    return snap.exists ? [snap] : []
  }
  const docs = (await db.collection(spec.collection).get()).docs
  return docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
