/**
 * The message format, and nothing more: `{name}` placeholders and plural forms separated by `|`.
 * Those two are all the catalogues use (a unit test holds them to it), so the app carries a few
 * lines of its own instead of a message compiler. Choices follow vue-i18n, which the catalogues
 * were written for: the same form for the same arguments.
 */

/** A catalogue: nested sections whose leaves are messages. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree | undefined
}
/** The catalogue the app builds up as sections arrive. */
export interface MutableTree {
  [key: string]: string | MutableTree
}

/** The values a message's placeholders take. */
export type Named = Readonly<Record<string, unknown>>

/** Which of a message's `choicesLength` forms fits the number `choice`. */
export type PluralRule = (choice: number, choicesLength: number) => number

/** English (and the default): `one | other`, or `zero | one | other` when there are three forms. */
export function defaultPlural(choice: number, choicesLength: number): number {
  const size = Math.abs(choice)
  if (choicesLength === 2) return size === 1 ? 0 : 1
  return Math.min(size, 2)
}

/** The message at a dotted key (`wallet.coupons`), or undefined for a missing key or a section. */
export function resolveMessage(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** Copies `source` into `target`, section by section: a later section adds to an earlier one. */
export function mergeMessages(target: MutableTree, source: MessageTree): void {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue
    if (typeof value === 'string') {
      target[key] = value
      continue
    }
    const existing = target[key]
    const section: MutableTree = typeof existing === 'object' ? existing : (target[key] = {})
    mergeMessages(section, value)
  }
}

type Part = string | { readonly name: string }

// Spaces around a `|` belong to neither form: "one point | {count} points".
const PIPE = /[ \n]*\|[ \n]*/
const PLACEHOLDER = /\{\s*(\w+)\s*\}/g

function parseForm(text: string): Part[] {
  const parts: Part[] = []
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(text.slice(last, match.index))
    parts.push({ name: match[1]! })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts
}

// Each message is parsed once; a screen re-renders the same few hundred strings.
const parsed = new Map<string, Part[][]>()

function formsOf(message: string): Part[][] {
  let forms = parsed.get(message)
  if (!forms) {
    forms = message.split(PIPE).map(parseForm)
    parsed.set(message, forms)
  }
  return forms
}

function display(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value) || (typeof value === 'object' && value.toString === Object.prototype.toString)) return JSON.stringify(value, null, 2)
  return String(value)
}

/**
 * Fills a message in. With `plural`, the form is chosen by `rule` and `{count}`/`{n}` show the
 * number unless given; a numeric `named.count` (or `named.n`) chooses the form before `plural`.
 */
export function formatMessage(message: string, named: Named | undefined, plural: number | undefined, rule: PluralRule): string {
  const forms = formsOf(message)
  let form = forms[0]!
  if (forms.length > 1) {
    const choice = typeof named?.count === 'number' ? named.count : typeof named?.n === 'number' ? named.n : (plural ?? -1)
    // Past the last form (a fraction with three English forms) the last one is the nearest.
    form = forms[rule(choice, forms.length)] ?? forms[forms.length - 1]!
  }
  const values: Named | undefined = plural === undefined ? named : { ...named, count: named?.count || plural, n: named?.n || plural }
  let text = ''
  for (const part of form) text += typeof part === 'string' ? part : display(values?.[part.name])
  return text
}
