// `npm run club` against Firestore: the whole live configuration out as a file, and a file in —
// checked in full first, then written in as few atomic batches as the items need.
import type { Firestore } from 'firebase-admin/firestore'
import { CONFIG_KINDS, configKindSpec, type ConfigKind } from '../../src/domain/admin/config-items'
import { liveDocuments, liveJson, prepareLiveWrite, recordPublished, type PreparedWrite } from '../../functions/src/admin/config/live'
import { recordAudit } from '../../functions/src/admin/audit'
import { clubFileText, formatProblem, lineAndColumn, offsetOf, parseClubFile, type ExportItem, type FileProblem } from './club-file'
import { parseTree } from 'jsonc-parser'

/** What an export says beside the file (on stderr): items it could not read, and the hunts' answers. */
export async function exportClub(db: Firestore): Promise<{ text: string; notes: string[] }> {
  const exported: ExportItem[] = []
  const notes: string[] = []
  for (const kind of CONFIG_KINDS) {
    for (const doc of await liveDocuments(db, kind)) {
      const { json, problems } = liveJson(kind, doc.id, doc.data() ?? {})
      if (json) exported.push({ kind, json })
      else notes.push(`left out ${kind} "${doc.id}": the stored item does not parse (${problems.map((p) => `${p.path}: ${p.message}`).join('; ')})`)
    }
  }
  if (exported.some((e) => e.kind === 'hunt')) {
    notes.push(
      'hunts: printed answers are kept only as digests, so the file has none. An import keeps the live digest of each printed clue; ' +
        'to add a printed clue or change an answer, give it in the hunt\'s "answers" ({"2": "the answer"}, by clue index).',
    )
  }
  return { text: clubFileText(exported), notes }
}

/** Firestore's limit on the writes of one batch or transaction. */
const BATCH_LIMIT = 500

export interface ImportOutcome {
  /** Every problem, as `file:line:column path: message`; when there is one, nothing was written. */
  problems: string[]
  changed: { kind: ConfigKind; id: string; version: number }[]
  unchanged: number
  /** Live items the file does not mention: an import never deletes, they stay as they are. */
  untouched: { kind: ConfigKind; id: string }[]
  batches: number
}

/**
 * Imports a club file. Everything is checked before anything is written: the JSON, the layout,
 * every item by its schema, then what only the live state can tell (a hunt's printed clue with
 * neither an answer in the file nor a digest live). Only changed items are written, each with its
 * new version and a `configHistory` entry, and one audit entry says who imported.
 */
export async function importClub(db: Firestore, text: string, fileName: string, importedBy: string): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { problems: [], changed: [], unchanged: 0, untouched: [], batches: 0 }
  const { items, problems } = parseClubFile(text)
  if (problems.length > 0) {
    outcome.problems = problems.map((p) => formatProblem(fileName, p))
    return outcome
  }
  const prepared = await Promise.all(items.map((item) => prepareLiveWrite(db, item.kind, item.id, item.item, (ref) => ref.get())))
  const root = parseTree(text)!
  const liveProblems: FileProblem[] = prepared.flatMap((p, i) =>
    p.problems.map((problem) => {
      const path = [...items[i]!.at, ...problem.path]
      return { path, message: problem.message, ...lineAndColumn(text, offsetOf(root, path)) }
    }),
  )
  if (liveProblems.length > 0) {
    outcome.problems = liveProblems.map((p) => formatProblem(fileName, p))
    return outcome
  }

  const named = new Set(items.map((item) => `${item.kind}/${item.id}`))
  for (const kind of CONFIG_KINDS) {
    if (!configKindSpec(kind).collection) continue
    for (const doc of await liveDocuments(db, kind)) if (!named.has(`${kind}/${doc.id}`)) outcome.untouched.push({ kind, id: doc.id })
  }

  const changed = prepared.filter((p) => p.changed)
  outcome.unchanged = prepared.length - changed.length
  if (changed.length === 0) return outcome

  // One batch is atomic up to Firestore's 500 writes, which holds any club of a normal size (an
  // item is at most 4 writes: the item, a hunt's secret, its version, its history entry; plus one
  // audit entry). A larger import is committed in several batches, one after another, each whole
  // items only: if one fails, the batches before it are live and those after it are not, and running
  // the same import again writes just what is still missing, since only changed items are written.
  const writesOf = (p: PreparedWrite) => (p.kind === 'hunt' ? 4 : 3)
  const groups: PreparedWrite[][] = [[]]
  let count = 1
  for (const p of changed) {
    if (count + writesOf(p) > BATCH_LIMIT) {
      groups.push([])
      count = 0
    }
    groups[groups.length - 1]!.push(p)
    count += writesOf(p)
  }
  for (const [index, group] of groups.entries()) {
    const batch = db.batch()
    for (const p of group) {
      p.apply(batch)
      const { version } = recordPublished(batch, db, p, importedBy, 'import')
      outcome.changed.push({ kind: p.kind, id: p.id, version })
    }
    if (index === 0) {
      recordAudit(batch, db, {
        actor: { uid: importedBy, role: 'admin', partnerId: null, tillId: null },
        action: 'configImported',
        memberUid: null,
        partnerId: null,
        target: fileName,
        details: { changed: changed.length, unchanged: outcome.unchanged, batches: groups.length },
      })
    }
    await batch.commit()
    outcome.batches++
  }
  return outcome
}
