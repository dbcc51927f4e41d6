// The club's configuration as a file (`npm run club -- export` / `import`), without Firestore:
// the file's layout, every problem in it with its line and column, and the file an export writes.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'
import {
  CONFIG_KINDS,
  configIdProblem,
  configKindSpec,
  formatConfigPath,
  parseConfigItem,
  sortedJson,
  type ConfigKind,
  type ConfigPath,
  type JsonObject,
  type JsonValue,
  type ParsedConfigItem,
} from '../../src/domain/admin/config-items'
import { CLUB_CONFIG_DOC } from '../../src/domain/shared/paths'

/** The first key of every file; a later layout gets a new name, so an old tool refuses it in words. */
export const CLUB_FILE_FORMAT = 'moadon-club/1'

export interface FileItem {
  kind: ConfigKind
  id: string
  /** Where the item sits in the file: `['partners', 2]`, or `['club']`. */
  at: ConfigPath
  item: ParsedConfigItem
}

export interface FileProblem {
  /** The path in the file, e.g. `['club', 'tiers', 1, 'threshold']`. */
  path: ConfigPath
  message: string
  line: number
  column: number
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Where a path points in the file: the value at the path, or, for a field that is missing, the
 * nearest enclosing value that exists (the object the field should be in).
 */
export function offsetOf(root: Node, path: ConfigPath): number {
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(root, path.slice(0, length))
    if (node) return node.offset
  }
  return root.offset
}

/** `club.json:42:17 club.tiers[1].threshold: thresholds must rise` */
export function formatProblem(fileName: string, problem: FileProblem): string {
  return `${fileName}:${problem.line}:${problem.column} ${formatConfigPath(problem.path)}: ${problem.message}`
}

/**
 * Reads a club file and checks all of it: the JSON, its layout, every item by its kind's schema,
 * ids once per kind. Returns the items only when there is no problem at all, so an import either
 * has everything to write or nothing.
 */
export function parseClubFile(text: string): { items: FileItem[]; problems: FileProblem[] } {
  const problems: FileProblem[] = []
  const syntax: ParseError[] = []
  const root = parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false })
  for (const error of syntax) {
    problems.push({ path: [], message: `not valid JSON (${printParseErrorCode(error.error)})`, ...lineAndColumn(text, error.offset) })
  }
  if (problems.length > 0 || !root) {
    if (!root) problems.push({ path: [], message: 'not valid JSON (empty file)', line: 1, column: 1 })
    return { items: [], problems }
  }
  const at = (path: ConfigPath, message: string) => problems.push({ path, message, ...lineAndColumn(text, offsetOf(root, path)) })
  if (root.type !== 'object') {
    at([], 'an object with "format" and the club\'s items')
    return { items: [], problems }
  }
  const value = getNodeValue(root) as Record<string, unknown>
  if (value.format !== CLUB_FILE_FORMAT) at(['format'], `"${CLUB_FILE_FORMAT}"`)
  const known = new Set(['format', ...CONFIG_KINDS.map((kind) => configKindSpec(kind).fileKey)])
  for (const key of Object.keys(value)) if (!known.has(key)) at([key], `not a part of a club file (${[...known].join(', ')})`)

  const items: FileItem[] = []
  const addItem = (kind: ConfigKind, id: string, path: ConfigPath, data: unknown) => {
    const parsed = parseConfigItem(kind, id, data)
    if (parsed.ok) items.push({ kind, id, at: path, item: parsed.item })
    else for (const issue of parsed.issues) at([...path, ...issue.path], issue.message)
  }
  for (const kind of CONFIG_KINDS) {
    const spec = configKindSpec(kind)
    const section = value[spec.fileKey]
    if (section === undefined) continue
    if (spec.singleton) {
      addItem(kind, CLUB_CONFIG_DOC, [spec.fileKey], section)
      continue
    }
    if (!Array.isArray(section)) {
      at([spec.fileKey], `a list of ${spec.fileKey}`)
      continue
    }
    const seen = new Set<string>()
    section.forEach((data: unknown, index) => {
      const path: ConfigPath = [spec.fileKey, index]
      const id = data && typeof data === 'object' && 'id' in data ? (data as { id: unknown }).id : undefined
      if (typeof id !== 'string') return at(path, 'an item with an "id"')
      const idProblem = configIdProblem(kind, id)
      if (idProblem) return at([...path, 'id'], idProblem)
      if (seen.has(id)) return at([...path, 'id'], `"${id}" is already used by another of the ${spec.fileKey}`)
      seen.add(id)
      addItem(kind, id, path, data)
    })
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column)
  return { items: problems.length > 0 ? [] : items, problems }
}

/** An exported item: its JSON form as the file holds it. */
export interface ExportItem {
  kind: ConfigKind
  json: JsonObject
}

/** The file an export writes: `format` first, then each kind in the registry's order, keys sorted within items. */
export function clubFileText(exported: readonly ExportItem[]): string {
  const file: Record<string, JsonValue> = { format: CLUB_FILE_FORMAT }
  for (const kind of CONFIG_KINDS) {
    const spec = configKindSpec(kind)
    const ofKind = exported.filter((e) => e.kind === kind).map((e) => sortedJson(e.json))
    if (spec.singleton) {
      if (ofKind[0]) file[spec.fileKey] = ofKind[0]
    } else {
      const idOf = (item: JsonValue) => String((item as JsonObject).id)
      file[spec.fileKey] = [...ofKind].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0))
    }
  }
  return JSON.stringify(file, null, 2) + '\n'
}
