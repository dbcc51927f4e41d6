import { safeParse, type $ZodType } from 'zod/v4/core'
import { pathKey, toFieldNode, type FieldNode, type ObjectNode } from './config-form'
import { CONFIG_KIND_SPECS, parseConfigItem, type ConfigKind } from './config-items'

/**
 * A problem with the draft at one place. `custom` issues carry the schema's own words (a rule
 * such as "thresholds must rise"); the others are zod's standard checks, which the form words
 * itself from the code and its parameters, in the operator's language.
 */
export interface FormIssue {
  /** `tiers.1.threshold`; '' for the item as a whole. */
  path: string
  code: string
  /** The schema's or the server's own words; null when the form words the check itself. */
  text: string | null
  params: Record<string, unknown>
  from: 'form' | 'server'
}

/** What the server answers in `details.issues` when it refuses a draft. */
export interface ServerIssue {
  path: string
  message: string
}

// Returned by the per-parse error map, which zod uses only when the schema has no words of its own.
const STANDARD = '\u0000standard'

/** The draft checked with the schema itself, as the functions will check it. */
export function validateDraft(schema: $ZodType, data: unknown): FormIssue[] {
  const result = safeParse(schema, data, { error: () => STANDARD })
  if (result.success) return []
  return result.error.issues.map((issue) => {
    const { code, path, message, ...params } = issue as typeof issue & Record<string, unknown>
    delete params.input
    return { path: pathKey(path), code, text: message === STANDARD ? null : message, params, from: 'form' as const }
  })
}

export function fromServer(issues: readonly ServerIssue[]): FormIssue[] {
  return issues.map((issue) => ({ path: pathKey(issue.path), code: 'server', text: issue.message, params: {}, from: 'server' as const }))
}

/** Issues by place, for each field to find its own. */
export function byPath(issues: readonly FormIssue[]): Map<string, FormIssue[]> {
  const map = new Map<string, FormIssue[]>()
  for (const issue of issues) map.set(issue.path, [...(map.get(issue.path) ?? []), issue])
  return map
}

/** How many issues lie at or below a place (a collapsed section shows the count). */
export function countUnder(issues: readonly FormIssue[], path: string): number {
  return issues.filter((i) => i.path === path || (path === '' ? true : i.path.startsWith(`${path}.`))).length
}

/** The id of a field's element, for the summary's links. */
export function fieldId(path: string): string {
  return `cfg-${path === '' ? 'root' : path.replace(/[^\w-]/g, '_')}`
}

/**
 * How each kind of item becomes a form. The form holds the item's JSON form, as the callables
 * carry it (moments the schema holds as `Date` are ISO strings there); `prepare` turns it back
 * into what the schema reads, so the form checks with the schema itself.
 */

/** Moments some schemas keep as epoch milliseconds: picked as dates, not typed as 13-digit numbers. */
const EPOCH_MOMENTS: Partial<Record<ConfigKind, readonly string[]>> = {
  hunt: ['startsAt', 'endsAt'],
  competition: ['submitFrom', 'submitUntil', 'voteUntil'],
}

/** Fields the server derives; the form leaves them out. */
const DERIVED: Partial<Record<ConfigKind, readonly string[]>> = { club: ['interestIds'] }

export function configSchema(kind: ConfigKind): $ZodType {
  return CONFIG_KIND_SPECS[kind].schema as unknown as $ZodType
}

export function configFormNode(kind: ConfigKind): ObjectNode {
  const spec = CONFIG_KIND_SPECS[kind]
  const node = toFieldNode(configSchema(kind))
  if (node.kind !== 'object') throw new Error(`${kind}: an item is an object`)
  const isoDates: readonly string[] = spec.isoDates
  const epoch = EPOCH_MOMENTS[kind] ?? []
  const fields = node.fields.map(({ key, node: child }) => {
    const adapted: FieldNode = isoDates.includes(key) ? { kind: 'date', store: 'iso' } : epoch.includes(key) ? { kind: 'date', store: 'epoch' } : child
    return { key, node: adapted }
  })
  return { ...node, fields }
}

/** The JSON form as the schema reads it: ISO moments as Dates, derived fields derived, extras apart. */
export function prepareForSchema(kind: ConfigKind, data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data
  const input: Record<string, unknown> = { ...(data as Record<string, unknown>) }
  for (const field of CONFIG_KIND_SPECS[kind].isoDates as readonly string[]) {
    const value = input[field]
    if (typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value))) input[field] = new Date(value)
  }
  if (kind === 'club' && Array.isArray(input.interests)) {
    input.interestIds = input.interests.map((interest: unknown) => (interest && typeof interest === 'object' ? (interest as { id?: unknown }).id : undefined))
  }
  if (kind === 'hunt') delete input.answers
  return input
}

/**
 * What the server checks beyond the schema (unknown fields, a hunt's printed answers, the id),
 * by the very function it checks with; the form shows these where the schema has nothing to say.
 */
export function checksBeyondSchema(kind: ConfigKind, id: string, data: unknown): FormIssue[] {
  const parsed = parseConfigItem(kind, id, data)
  if (parsed.ok) return []
  return parsed.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: 'custom',
    text: issue.message,
    params: {},
    from: 'form' as const,
  }))
}

export function serverIssues(issues: readonly { path: string; message: string }[]): FormIssue[] {
  return fromServer(issues.map((issue) => ({ ...issue, path: issue.path === '(root)' ? '' : issue.path })))
}

export function hiddenFields(kind: ConfigKind): string[] {
  return [...(DERIVED[kind] ?? [])]
}

/** An existing item keeps its id: it is the document's name, and the console's links use it. */
export function lockedFields(kind: ConfigKind, isNew: boolean): string[] {
  return CONFIG_KIND_SPECS[kind].singleton || isNew ? [] : ['id']
}

/** The item's name in the operator's language, else its id. */
export function itemTitle(data: unknown, id: string, locale: string): string {
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  for (const field of ['name', 'title']) {
    const text = record[field]
    if (text && typeof text === 'object') {
      const own = (text as Record<string, unknown>)[locale]
      if (typeof own === 'string' && own.trim()) return own
    }
  }
  return id
}

/** One change between the live item and the draft, at a leaf (or a list whose length changed). */
export interface ConfigChange {
  path: string
  before: unknown
  after: unknown
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** What publishing the draft changes, field by field, in the item's order. */
export function configChanges(before: unknown, after: unknown, path: string[] = []): ConfigChange[] {
  const at = (key: string | number) => [...path, String(key)]
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: ConfigChange[] = []
    if (before.length !== after.length) changes.push({ path: path.join('.'), before: before.length, after: after.length })
    for (let i = 0; i < Math.min(before.length, after.length); i++) changes.push(...configChanges(before[i], after[i], at(i)))
    return changes
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])]
    return keys.flatMap((key) => configChanges(before[key], after[key], at(key)))
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path.join('.'), before, after }]
}
