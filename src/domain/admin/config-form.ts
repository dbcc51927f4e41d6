import type { $ZodType, $ZodTypes } from 'zod/v4/core'
import { LOCALES } from '../shared/locale'

/**
 * The operator's forms are drawn from the very zod schemas the functions validate with, read
 * through zod 4's own definitions (`schema._zod.def`, the documented way for libraries to walk a
 * schema). `z.toJSONSchema` was the other candidate, but it throws on dates and loses the
 * discriminator, and the form validates with the original schema anyway, so the form tree and
 * the validation could never disagree.
 */
/** Any zod schema, as the walker reads it. */
export type FormSchema = $ZodType

export type FieldPath = (string | number)[]
export type MomentStore = 'date' | 'iso' | 'epoch'

interface NodeBase {
  /** The schema's default, used when an operator adds a new item. */
  initial?: unknown
}

export interface ObjectNode extends NodeBase {
  kind: 'object'
  fields: { key: string; node: FieldNode }[]
}

export type FieldNode =
  | ObjectNode
  /** `{ he, en }`: the club's text in both languages, edited side by side. */
  | (NodeBase & { kind: 'localized'; maxLength: number | null })
  | (NodeBase & { kind: 'string'; maxLength: number | null; format: 'url' | null })
  | (NodeBase & { kind: 'number'; integer: boolean; min: number | null; max: number | null })
  | (NodeBase & { kind: 'boolean' })
  | (NodeBase & { kind: 'enum'; options: string[] })
  | (NodeBase & { kind: 'literal'; value: string | number | boolean | null })
  /** A moment, held as the data holds it: a Date, an ISO string or epoch milliseconds. */
  | (NodeBase & { kind: 'date'; store: MomentStore })
  | (NodeBase & { kind: 'nullable'; inner: FieldNode })
  | (NodeBase & { kind: 'optional'; inner: FieldNode })
  | (NodeBase & { kind: 'array'; item: FieldNode; min: number | null; max: number | null })
  /** A discriminated union: the discriminator is a select, the chosen shape's fields follow. */
  | (NodeBase & { kind: 'union'; discriminator: string; options: { value: string; node: ObjectNode }[] })
  /** A union of plain values (text or a number): the operator picks which. */
  | (NodeBase & { kind: 'choice'; options: ('string' | 'number')[] })
  | (NodeBase & { kind: 'unsupported'; type: string })

type CheckDef = { check?: string; value?: unknown; inclusive?: boolean; minimum?: number; maximum?: number; format?: string }

function checksOf(schema: $ZodTypes): CheckDef[] {
  const def = schema._zod.def as { checks?: { _zod: { def: CheckDef } }[] } & CheckDef
  const own = (def.checks ?? []).map((check) => check._zod.def)
  // `z.int()` and `z.iso.datetime()` are formats themselves: their definition is also a check.
  return def.check ? [def, ...own] : own
}

function isLocalized(shape: Record<string, $ZodType>): boolean {
  const keys = Object.keys(shape)
  return keys.length === LOCALES.length && LOCALES.every((l) => (shape[l] as $ZodTypes | undefined)?._zod.def.type === 'string')
}

function maxLengthOf(schema: $ZodTypes): number | null {
  const max = checksOf(schema).find((c) => c.check === 'max_length')
  return typeof max?.maximum === 'number' ? max.maximum : null
}

function objectNode(shape: Record<string, $ZodType>): ObjectNode {
  return { kind: 'object', fields: Object.entries(shape).map(([key, child]) => ({ key, node: toFieldNode(child) })) }
}

/** The form tree of a schema: every field the form draws, with what its input needs. */
export function toFieldNode(input: $ZodType): FieldNode {
  const schema = input as $ZodTypes
  const def = schema._zod.def
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, $ZodType>
      if (isLocalized(shape)) return { kind: 'localized', maxLength: maxLengthOf(shape[LOCALES[0]] as $ZodTypes) }
      return objectNode(shape)
    }
    case 'string': {
      const formats = checksOf(schema).filter((c) => c.check === 'string_format').map((c) => c.format)
      if (formats.includes('datetime')) return { kind: 'date', store: 'iso' }
      return { kind: 'string', maxLength: maxLengthOf(schema), format: formats.includes('url') ? 'url' : null }
    }
    case 'number': {
      let min: number | null = null
      let max: number | null = null
      let integer = false
      for (const c of checksOf(schema)) {
        if (c.check === 'greater_than' && typeof c.value === 'number') min = c.value
        if (c.check === 'less_than' && typeof c.value === 'number') max = c.value
        if (c.check === 'number_format' && (c.format === 'safeint' || c.format?.startsWith('int'))) integer = true
      }
      return { kind: 'number', integer, min, max }
    }
    case 'boolean':
      return { kind: 'boolean' }
    case 'date':
      return { kind: 'date', store: 'date' }
    case 'enum':
      return { kind: 'enum', options: Object.values(def.entries).map(String) }
    case 'literal': {
      const [value] = def.values
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
        ? { kind: 'literal', value }
        : { kind: 'unsupported', type: 'literal' }
    }
    case 'nullable':
      return { kind: 'nullable', inner: toFieldNode(def.innerType) }
    case 'optional':
      return { kind: 'optional', inner: toFieldNode(def.innerType) }
    case 'default':
    case 'prefault': {
      const inner = toFieldNode(def.innerType)
      return { ...inner, initial: def.defaultValue } as FieldNode
    }
    case 'readonly':
      return toFieldNode(def.innerType)
    case 'array': {
      const sizes = checksOf(schema)
      const min = sizes.find((c) => c.check === 'min_length')?.minimum ?? null
      const max = sizes.find((c) => c.check === 'max_length')?.maximum ?? null
      return { kind: 'array', item: toFieldNode(def.element), min, max }
    }
    case 'union': {
      const discriminator = (def as { discriminator?: string }).discriminator
      const options = def.options.map((option) => toFieldNode(option))
      if (discriminator) {
        const variants = options.flatMap((node) => {
          const tag = node.kind === 'object' ? node.fields.find((f) => f.key === discriminator)?.node : undefined
          return node.kind === 'object' && tag?.kind === 'literal' && typeof tag.value === 'string' ? [{ value: tag.value, node }] : []
        })
        if (variants.length === options.length) return { kind: 'union', discriminator, options: variants }
      }
      const plain = options.map((node) => node.kind)
      if (plain.every((kind): kind is 'string' | 'number' => kind === 'string' || kind === 'number')) return { kind: 'choice', options: plain }
      return { kind: 'unsupported', type: 'union' }
    }
    default:
      return { kind: 'unsupported', type: def.type }
  }
}

/** A new value for a field: the schema's default, or an empty one for the operator to fill. */
export function emptyValue(node: FieldNode): unknown {
  if (node.initial !== undefined) return structuredClone(node.initial)
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.fields.flatMap(({ key, node: child }) => (child.kind === 'optional' ? [] : [[key, emptyValue(child)]])))
    case 'localized':
      return Object.fromEntries(LOCALES.map((l) => [l, '']))
    case 'string':
    case 'choice':
      return ''
    // Empty on purpose: the form asks for a number instead of inventing 0.
    case 'number':
      return ''
    case 'boolean':
      return false
    case 'enum':
      return node.options[0] ?? ''
    case 'literal':
      return node.value
    case 'date':
      return fromLocalInput(toLocalInput(new Date()), node.store)
    case 'nullable':
      return null
    case 'optional':
      return undefined
    case 'array':
      return Array.from({ length: node.min ?? 0 }, () => emptyValue(node.item))
    case 'union': {
      const first = node.options[0]
      return first ? emptyValue(first.node) : {}
    }
    case 'unsupported':
      return null
  }
}

/** Every `unsupported` place in a form tree (a schema the form cannot draw yet). */
export function unsupportedPaths(node: FieldNode, path: FieldPath = []): string[] {
  switch (node.kind) {
    case 'object':
      return node.fields.flatMap((f) => unsupportedPaths(f.node, [...path, f.key]))
    case 'nullable':
    case 'optional':
      return unsupportedPaths(node.inner, path)
    case 'array':
      return unsupportedPaths(node.item, [...path, 0])
    case 'union':
      return node.options.flatMap((o) => unsupportedPaths(o.node, path))
    case 'unsupported':
      return [`${pathKey(path)} (${node.type})`]
    default:
      return []
  }
}

/** One string per place in the data: `tiers.0.threshold`. The server's `tiers[0].threshold` reads the same. */
export function pathKey(path: readonly PropertyKey[] | string): string {
  if (typeof path === 'string') return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '')
  return path.map(String).join('.')
}

/** The data with one place replaced; only the objects on the way are copied. */
export function setAt(data: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path as [string | number, ...FieldPath]
  if (Array.isArray(data)) {
    const copy = [...data]
    copy[head as number] = setAt(data[head as number], rest, value)
    return copy
  }
  const base = data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  const copy = { ...base }
  const next = setAt(base[head], rest, value)
  if (next === undefined) delete copy[head]
  else copy[head] = next
  return copy
}

export function getAt(data: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined), data)
}

/** The label key of a place: its last name, e.g. `threshold` for `tiers.0.threshold`. */
export function labelKeyOf(path: FieldPath): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i]
    if (typeof part === 'string') return part
  }
  return null
}

/** `pointsPerShekel` → "Points per shekel": what a field is called when no message names it. */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A moment as a `datetime-local` input shows it, in the operator's own time zone. */
export function toLocalInput(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime()) || value === '') return ''
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** What the operator picked, held the way the item holds its moments; an emptied input stays empty. */
export function fromLocalInput(text: string, store: MomentStore): unknown {
  const date = new Date(text)
  if (!text || Number.isNaN(date.getTime())) return ''
  if (store === 'epoch') return date.getTime()
  if (store === 'iso') return date.toISOString()
  return date
}
