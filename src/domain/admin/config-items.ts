import { z } from 'zod'
import { CompetitionSchema } from '../community/competitions'
import { ClubEventSchema } from '../community/events'
import { CharitySchema } from '../earn/charities'
import { HUNT_ANSWER_MAX_LENGTH, HuntSchema } from '../earn/hunts'
import { SurveySchema } from '../earn/surveys-schema'
import { OfferSchema } from '../offers/offers'
import { PromoCodeSchema } from '../offers/promo-codes'
import { PlanSchema } from '../members/plans-schema'
import { MessageTemplateSchema } from '../messages/templates'
import { ClubConfigSchema, PartnerSchema, RewardSchema } from '../shared/club-config'
import { CLUB_CONFIG_DOC, COLLECTIONS, SLUG_PATTERN, idOf, paths } from '../shared/paths'

/**
 * The club's configuration as data the operator edits: every kind of item, the one schema the
 * functions read it with, where it lives and how it is stored. Drafts, publishing
 * (`functions/src/admin/config/`) and `npm run club` (`scripts/club.ts`) all go through this
 * registry, so a new kind (plans, message templates) is one entry here.
 *
 * An item travels as its *JSON form*: what the schema parses, except that moments the schema holds
 * as `Date` are ISO strings (`2026-12-01T10:00:00.000Z`); hunts carry their printed answers beside
 * the hunt (`answers`, by clue index), which live only as digests once published.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export interface ConfigKindSpec {
  /** The schema the functions parse the live item with (dates as `Date` where `isoDates` lists them). */
  schema: z.ZodType
  /** The club itself: one item, whose id is `club`. */
  singleton: boolean
  /** The key of this kind in an exported file (`npm run club -- export`). */
  fileKey: string
  /** The live collection (for listing), or null for the singleton. */
  collection: string | null
  livePath: (id: string) => string
  /** Whether the stored document repeats its id as a field (older writers did, readers expect it). */
  storesId: boolean
  /** Top-level fields the schema holds as `Date`, travelling as ISO strings. */
  isoDates: readonly string[]
  /** Top-level fields stored as Firestore Timestamps (whatever the schema holds them as). */
  timestamps: readonly string[]
  /**
   * `replace`: the document is the item. `fields`: the server keeps its own fields beside the
   * operator's (an event's seat totals, a competition's winners), so publishing updates only the
   * item's fields and creates a new document with `createWith`.
   */
  write: 'replace' | 'fields'
  createWith: Readonly<Record<string, JsonValue>>
}

export const CONFIG_KIND_SPECS = {
  club: {
    schema: ClubConfigSchema,
    singleton: true,
    fileKey: 'club',
    collection: null,
    livePath: () => paths.clubConfig(),
    storesId: false,
    isoDates: [],
    timestamps: [],
    write: 'replace',
    createWith: {},
  },
  partner: {
    schema: PartnerSchema,
    singleton: false,
    fileKey: 'partners',
    collection: COLLECTIONS.partners,
    livePath: paths.partner,
    storesId: true,
    isoDates: [],
    timestamps: [],
    write: 'replace',
    createWith: {},
  },
  reward: {
    schema: RewardSchema,
    singleton: false,
    fileKey: 'rewards',
    collection: COLLECTIONS.rewards,
    livePath: paths.reward,
    storesId: true,
    isoDates: [],
    timestamps: [],
    write: 'replace',
    createWith: {},
  },
  survey: {
    schema: SurveySchema,
    singleton: false,
    fileKey: 'surveys',
    collection: COLLECTIONS.surveys,
    livePath: paths.survey,
    storesId: false,
    isoDates: ['opensAt', 'closesAt'],
    timestamps: ['opensAt', 'closesAt'],
    write: 'replace',
    createWith: {},
  },
  hunt: {
    schema: HuntSchema,
    singleton: false,
    fileKey: 'hunts',
    collection: COLLECTIONS.hunts,
    livePath: paths.hunt,
    storesId: false,
    isoDates: [],
    // The hunt's schema keeps epoch milliseconds; its document keeps Timestamps (hunt-store.ts).
    timestamps: ['startsAt', 'endsAt'],
    write: 'replace',
    createWith: {},
  },
  event: {
    schema: ClubEventSchema,
    singleton: false,
    fileKey: 'events',
    collection: COLLECTIONS.events,
    livePath: paths.event,
    storesId: false,
    isoDates: ['startsAt', 'endsAt'],
    timestamps: ['startsAt', 'endsAt'],
    write: 'fields',
    // The seat totals rsvpEvent keeps, empty for a new event and never reset by a publish.
    createWith: { seatsTaken: 0, queue: [], waitingCount: 0, rsvpVersion: 0 },
  },
  charity: {
    schema: CharitySchema,
    singleton: false,
    fileKey: 'charities',
    collection: COLLECTIONS.charities,
    livePath: paths.charity,
    storesId: true,
    isoDates: [],
    timestamps: [],
    write: 'replace',
    createWith: {},
  },
  competition: {
    schema: CompetitionSchema,
    singleton: false,
    fileKey: 'competitions',
    collection: COLLECTIONS.competitions,
    livePath: paths.competition,
    storesId: false,
    isoDates: [],
    timestamps: [],
    // closeCompetition writes `closed`, `winners` and the announcement beside the operator's fields.
    write: 'fields',
    createWith: {},
  },
  offer: {
    schema: OfferSchema,
    singleton: false,
    fileKey: 'offers',
    collection: COLLECTIONS.offers,
    livePath: paths.offer,
    storesId: true,
    isoDates: [],
    timestamps: [],
    write: 'replace',
    createWith: {},
  },
  promoCode: {
    schema: PromoCodeSchema,
    singleton: false,
    fileKey: 'promoCodes',
    collection: COLLECTIONS.promoCodes,
    livePath: paths.promoCode,
    storesId: true,
    isoDates: [],
    timestamps: [],
    // redeemPromoCode counts `uses` beside the operator's fields; a publish never resets it.
    write: 'fields',
    createWith: { uses: 0 },
  },
  plan: {
    schema: PlanSchema,
    singleton: false,
    fileKey: 'plans',
    collection: COLLECTIONS.plans,
    livePath: paths.plan,
    storesId: true,
    isoDates: [],
    timestamps: [],
    write: 'replace',
    createWith: {},
  },
  messageTemplate: {
    schema: MessageTemplateSchema,
    singleton: false,
    fileKey: 'messageTemplates',
    collection: COLLECTIONS.messageTemplates,
    livePath: paths.messageTemplate,
    storesId: true,
    isoDates: [],
    timestamps: [],
    write: 'replace',
    createWith: {},
  },
} as const satisfies Record<string, ConfigKindSpec>

export type ConfigKind = keyof typeof CONFIG_KIND_SPECS
export const CONFIG_KINDS = Object.keys(CONFIG_KIND_SPECS) as ConfigKind[]

export function configKindSpec(kind: ConfigKind): ConfigKindSpec {
  return CONFIG_KIND_SPECS[kind] as ConfigKindSpec
}

/** The id of an item's draft and version documents: kind and id, each percent-encoded. */
export function configItemKey(kind: ConfigKind, id: string): string {
  return idOf(kind, id)
}

/** One problem with an item, at a path inside it (`tiers[1].threshold`) with the schema's message. */
export interface ConfigIssue {
  path: string
  message: string
}

export type ConfigPath = (string | number)[]

/** `['tiers', 1, 'threshold']` → `tiers[1].threshold`; the item itself is `(root)`. */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`
    else text += text ? `.${String(part)}` : String(part)
  }
  return text || '(root)'
}

const idSchema = z.string().regex(SLUG_PATTERN, 'lowercase letters, digits and dashes')
const kindSchema = z.enum(CONFIG_KINDS as [ConfigKind, ...ConfigKind[]])

/** The id rule: the club is `club`; every other item a slug (so no `~`, `/`, `.` or `..`). */
export function configIdProblem(kind: ConfigKind, id: string): string | null {
  if (configKindSpec(kind).singleton) return id === CLUB_CONFIG_DOC ? null : `the ${kind} item's id is "${CLUB_CONFIG_DOC}"`
  return SLUG_PATTERN.test(id) ? null : 'lowercase letters, digits and dashes, at most 40'
}

function checkId(input: { kind: ConfigKind; id: string }, ctx: z.RefinementCtx): void {
  const problem = configIdProblem(input.kind, input.id)
  if (problem) ctx.addIssue({ code: 'custom', path: ['id'], message: problem })
}

/** `saveConfigDraft`: the item's JSON form is checked by its kind's schema in the function. */
export const SaveConfigDraftInputSchema = z
  .strictObject({
    kind: kindSchema,
    id: idSchema,
    data: z.record(z.string(), z.unknown()),
    /**
     * The live version the form was filled from (`ConfigItemView.version`). Omitted: the draft's
     * own base when it exists, else the live version now. Publishing refuses when the live item
     * moved past it (`config-conflict`).
     */
    baseVersion: z.number().int().min(0).optional(),
    /**
     * The live item's `digest` the form was filled from (`ConfigItemView.digest`). Publishing also
     * refuses when the item changed without a publish since (a reward's stock after redemptions,
     * an import). Omitted: as `baseVersion`.
     */
    baseDigest: z.string().regex(/^[\w-]{1,64}$/).optional(),
  })
  .superRefine(checkId)
export type SaveConfigDraftInput = z.input<typeof SaveConfigDraftInputSchema>

export const ConfigItemInputSchema = z.strictObject({ kind: kindSchema, id: idSchema }).superRefine(checkId)
export type ConfigItemInput = z.input<typeof ConfigItemInputSchema>

export const ListConfigItemsInputSchema = z.strictObject({ kind: kindSchema })
export type ListConfigItemsInput = z.input<typeof ListConfigItemsInputSchema>

/** Who published an item's live version, and when (ISO); version 0: written before drafts existed. */
export interface ConfigVersionInfo {
  version: number
  publishedBy: string | null
  publishedAt: string | null
}

export interface ConfigDraftView {
  kind: ConfigKind
  id: string
  data: JsonObject
  /** The live version the draft was made from: publishing refuses if the live item moved on. */
  baseVersion: number
  baseDigest: string | null
  updatedBy: string
  updatedAt: string
}

export interface SaveConfigDraftResult {
  kind: ConfigKind
  id: string
  baseVersion: number
  baseDigest: string | null
  /** The draft as stored: the schema's defaults filled in, derived fields derived. */
  data: JsonObject
}

export interface PublishConfigDraftResult {
  kind: ConfigKind
  id: string
  version: number
  historyId: string
}

export interface DiscardConfigDraftResult {
  kind: ConfigKind
  id: string
  discarded: boolean
}

export interface ConfigItemView extends ConfigVersionInfo {
  id: string
  /** The live item as it stands, whoever changed it: send it back as `baseDigest` with a draft. */
  digest: string
  /** The live item's JSON form; null when the stored document no longer parses (`problems` says why). */
  data: JsonObject | null
  problems: ConfigIssue[]
}

export interface ListConfigItemsResult {
  kind: ConfigKind
  items: ConfigItemView[]
  drafts: ConfigDraftView[]
}

/** Printed answers of a hunt, by clue index ("0", "1" …). */
const HuntAnswersSchema = z.record(z.string().regex(/^(0|[1-9]\d?)$/, 'a clue index'), z.string().trim().min(1).max(HUNT_ANSWER_MAX_LENGTH))

/** An item parsed from its JSON form: the value the functions store, and the hunt's printed answers. */
export interface ParsedConfigItem {
  value: Record<string, unknown>
  /** Hunts only: the printed answers given with it (the others are kept from the live hunt). */
  answers: Record<string, string> | null
}

export type ConfigParse = { ok: true; item: ParsedConfigItem } | { ok: false; issues: { path: ConfigPath; message: string }[] }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/**
 * Fields of the input the schema dropped: most of the club's schemas strip unknown keys, so a
 * typo (`pointPerShekel`) would otherwise vanish silently and the operator think it was saved.
 */
function unknownFields(input: unknown, output: unknown, path: ConfigPath, found: { path: ConfigPath; message: string }[]): void {
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((item, i) => unknownFields(item, output[i], [...path, i], found))
  } else if (isPlainObject(input) && isPlainObject(output)) {
    for (const key of Object.keys(input)) {
      if (!(key in output)) found.push({ path: [...path, key], message: 'not a field of this item' })
      else unknownFields(input[key], output[key], [...path, key], found)
    }
  }
}

const ISO_MOMENT = z.iso.datetime({ offset: true })

/**
 * Parses an item's JSON form with its kind's schema: ISO strings become the schema's dates, the
 * club's `interestIds` are derived from its interests, the id is the item's own, and every field
 * the schema does not know is an issue. Issue paths are inside the item.
 */
export function parseConfigItem(kind: ConfigKind, id: string, data: unknown): ConfigParse {
  const spec = configKindSpec(kind)
  if (!isPlainObject(data)) return { ok: false, issues: [{ path: [], message: 'an object' }] }
  const issues: { path: ConfigPath; message: string }[] = []
  const input: Record<string, unknown> = { ...data }
  let answers: Record<string, string> | null = null
  if (kind === 'hunt' && 'answers' in input) {
    const parsedAnswers = HuntAnswersSchema.safeParse(input.answers)
    if (parsedAnswers.success) answers = parsedAnswers.data
    else for (const issue of parsedAnswers.error.issues) issues.push({ path: ['answers', ...(issue.path as ConfigPath)], message: issue.message })
    delete input.answers
  }
  if (!spec.singleton) {
    if (input.id === undefined) input.id = id
    else if (input.id !== id) issues.push({ path: ['id'], message: `the item's id, "${id}"` })
  }
  if (kind === 'club' && Array.isArray(input.interests)) {
    input.interestIds = input.interests.map((interest: unknown) => (isPlainObject(interest) ? interest.id : undefined))
  }
  const schemaInput: Record<string, unknown> = { ...input }
  for (const field of spec.isoDates) {
    const value = input[field]
    if (typeof value === 'string' && ISO_MOMENT.safeParse(value).success) schemaInput[field] = new Date(value)
    else if (value !== undefined) issues.push({ path: [field], message: 'an ISO date and time, e.g. 2026-12-01T10:00:00+02:00' })
  }
  const parsed = spec.schema.safeParse(schemaInput)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as ConfigPath
      // The date fields' own message above says it better than "expected date".
      if (path.length === 1 && spec.isoDates.includes(String(path[0])) && issues.some((i) => i.path[0] === path[0])) continue
      issues.push({ path, message: issue.message })
    }
  } else {
    unknownFields(schemaInput, parsed.data, [], issues)
  }
  if (kind === 'hunt' && answers && parsed.success) {
    const clues = (parsed.data as { clues: { answer: string }[] }).clues
    for (const index of Object.keys(answers)) {
      if (clues[Number(index)]?.answer !== 'printed') issues.push({ path: ['answers', index], message: 'only a printed clue has an answer' })
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues }
  return { ok: true, item: { value: parsed.data as Record<string, unknown>, answers } }
}

/** A parsed value (or a live one) as its JSON form: dates as ISO strings, undefined fields dropped. */
export function toConfigJson(value: Record<string, unknown>, answers: Record<string, string> | null = null): JsonObject {
  const json = JSON.parse(JSON.stringify(value)) as JsonObject
  if (answers && Object.keys(answers).length > 0) json.answers = answers
  return json
}

/** Object keys in code-point order at every depth, so an exported file diffs cleanly. */
export function sortedJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortedJson)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedJson(value[key]!)]),
    )
  }
  return value
}

/** Two JSON forms are the same item when they are equal with sorted keys. */
export function sameConfigJson(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(sortedJson(a)) === JSON.stringify(sortedJson(b))
}

/** Issues with their paths in words, as callables report them in `details.issues`. */
export function describeIssues(issues: readonly { path: ConfigPath; message: string }[]): ConfigIssue[] {
  return issues.map((issue) => ({ path: formatConfigPath(issue.path), message: issue.message }))
}
