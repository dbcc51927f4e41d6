import { describe, expect, it } from 'vitest'
import {
  CONFIG_KINDS,
  ConfigItemInputSchema,
  SaveConfigDraftInputSchema,
  configItemKey,
  configKindSpec,
  formatConfigPath,
  parseConfigItem,
  sameConfigJson,
  toConfigJson,
  type ConfigKind,
  type JsonValue,
} from '../../src/domain/admin/config-items'
import { demoCharities, demoConfig, demoPartners, demoRewards, demoSurveys } from '../../scripts/demo-club'
import { demoHunt } from '../../scripts/demo-hunt'
import { demoEvents } from '../../scripts/demo-events'
import { demoRewardDraft } from '../../scripts/demo-config'
import { CLUB_FILE_FORMAT, clubFileText, formatProblem, lineAndColumn, parseClubFile } from '../../scripts/lib/club-file'
import { demoOffers, demoPromoCodes } from '../../scripts/demo-offers'

const clubJson = () => toConfigJson(demoConfig)

function problemsOf(kind: Parameters<typeof parseConfigItem>[0], id: string, data: unknown) {
  const parsed = parseConfigItem(kind, id, data)
  return parsed.ok ? [] : parsed.issues.map((i) => `${formatConfigPath(i.path)}: ${i.message}`)
}

describe('the configuration registry', () => {
  it('has every kind of the issue that exists yet, each with its path and file key', () => {
    expect(CONFIG_KINDS).toEqual(['club', 'partner', 'reward', 'survey', 'hunt', 'event', 'charity', 'competition', 'offer', 'promoCode', 'plan', 'messageTemplate'])
    expect(configKindSpec('reward').livePath('latte')).toBe('rewards/latte')
    expect(configKindSpec('club').livePath('club')).toBe('config/club')
    expect(new Set(CONFIG_KINDS.map((k) => configKindSpec(k).fileKey)).size).toBe(CONFIG_KINDS.length)
  })

  it('accepts every seeded item through the one schema, as its JSON form', () => {
    const now = new Date('2026-11-01T10:00:00Z')
    const cases: (readonly [ConfigKind, { id?: JsonValue }])[] = [
      ['club', clubJson()],
      ...demoPartners.map((p) => ['partner', toConfigJson(p)] as const),
      ...demoRewards.map((r) => ['reward', toConfigJson(r)] as const),
      ...demoSurveys(now).map((s) => ['survey', toConfigJson(s as unknown as Record<string, unknown>)] as const),
      ['hunt', toConfigJson(demoHunt(now))],
      ...demoEvents(now, 'Asia/Jerusalem').map((e) => ['event', toConfigJson(e)] as const),
      ...demoCharities(now).map((c) => ['charity', toConfigJson(c)] as const),
      ['reward', toConfigJson(demoRewardDraft)],
      ...demoOffers(now).map((o) => ['offer', toConfigJson(o)] as const),
      ...demoPromoCodes(now).map((c) => ['promoCode', toConfigJson(c)] as const),
    ]
    for (const [kind, json] of cases) expect(problemsOf(kind, String(json.id ?? 'club'), json), `${kind} ${String(json.id)}`).toEqual([])
  })

  it('turns ISO strings into the schema’s dates and back, unchanged', () => {
    const event = toConfigJson(demoEvents(new Date('2026-11-01T10:00:00Z'), 'Asia/Jerusalem')[0]!)
    const parsed = parseConfigItem('event', String(event.id), event)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.item.value.startsAt).toBeInstanceOf(Date)
    expect(sameConfigJson(toConfigJson(parsed.item.value), event)).toBe(true)
    expect(problemsOf('event', String(event.id), { ...event, startsAt: 'next Friday' })).toEqual([
      'startsAt: an ISO date and time, e.g. 2026-12-01T10:00:00+02:00',
    ])
  })

  it('refuses a field the schema does not know, at any depth, instead of dropping it', () => {
    const club = clubJson() as Record<string, unknown> & { earning: Record<string, unknown> }
    expect(problemsOf('club', 'club', { ...club, earning: { ...club.earning, pointPerShekel: 2 } })).toEqual(['earning.pointPerShekel: not a field of this item'])
    expect(problemsOf('reward', 'latte', { ...toConfigJson(demoRewards[0]!), id: 'latte', isAdmin: true })).toContain('isAdmin: not a field of this item')
  })

  it('reports the club’s own rules at their path: rising thresholds, whole numbers', () => {
    const club = clubJson() as { tiers: { threshold: number }[] }
    const tiers = club.tiers.map((t, i) => (i === 1 ? { ...t, threshold: 1e-9 } : t))
    expect(problemsOf('club', 'club', { ...club, tiers })).toEqual(expect.arrayContaining([expect.stringMatching(/^tiers\[1\]\.threshold: /)]))
    const falling = club.tiers.map((t, i) => (i === 2 ? { ...t, threshold: 10 } : t))
    expect(problemsOf('club', 'club', { ...club, tiers: falling })).toEqual(['tiers[2].threshold: thresholds must rise'])
  })

  it('derives the club’s interestIds from its interests', () => {
    const parsed = parseConfigItem('club', 'club', { ...clubJson(), interestIds: ['stale'] })
    expect(parsed.ok && parsed.item.value.interestIds).toEqual(demoConfig.interests.map((i) => i.id))
  })

  it('holds an item to its id, and a hunt’s answers to printed clues', () => {
    const reward = toConfigJson(demoRewards[0]!)
    expect(problemsOf('reward', 'other', reward)).toEqual([`id: the item's id, "other"`])
    const hunt = toConfigJson(demoHunt(new Date('2026-11-01T10:00:00Z'))) as { clues: { answer: string }[] }
    const daily = hunt.clues.findIndex((c) => c.answer === 'daily')
    expect(problemsOf('hunt', String((hunt as { id?: string }).id), { ...hunt, answers: { [daily]: 'x' } })).toEqual([
      `answers.${daily}: only a printed clue has an answer`,
    ])
  })

  it('takes ids only by the id rule, so `~`, `/` and `..` never reach a path', () => {
    for (const id of ['a~b', 'a/b', '..', 'A', '']) {
      expect(ConfigItemInputSchema.safeParse({ kind: 'reward', id }).success, id).toBe(false)
    }
    expect(ConfigItemInputSchema.safeParse({ kind: 'club', id: 'other' }).success).toBe(false)
    expect(ConfigItemInputSchema.safeParse({ kind: 'bundle', id: 'x' }).success).toBe(false)
    expect(SaveConfigDraftInputSchema.safeParse({ kind: 'reward', id: 'x', data: {}, extra: 1 }).success).toBe(false)
    expect(configItemKey('reward', 'latte')).toBe('reward~latte')
  })
})

describe('the club file', () => {
  const valid = () =>
    clubFileText([
      { kind: 'club', json: clubJson() },
      ...demoRewards.map((r) => ({ kind: 'reward' as const, json: toConfigJson(r) })),
    ])

  it('writes format first, then kinds in order, keys sorted, items by id', () => {
    const text = valid()
    const file = JSON.parse(text) as Record<string, unknown>
    expect(Object.keys(file).slice(0, 3)).toEqual(['format', 'club', 'partners'])
    expect(file.format).toBe(CLUB_FILE_FORMAT)
    const rewards = file.rewards as { id: string }[]
    expect(rewards.map((r) => r.id)).toEqual([...rewards.map((r) => r.id)].sort())
    expect(Object.keys(rewards[0]!)).toEqual([...Object.keys(rewards[0]!)].sort())
    expect(parseClubFile(text).problems).toEqual([])
  })

  it('gives every problem its line and column in the file', () => {
    const text = valid().replace('"threshold": 3000', '"threshold": 10')
    const { items, problems } = parseClubFile(text)
    expect(items).toEqual([])
    const line = text.split('\n').findIndex((l) => /"threshold": 10,?$/.test(l)) + 1
    const column = text.split('\n')[line - 1]!.indexOf('10') + 1
    expect(problems.map((p) => formatProblem('club.json', p))).toEqual([`club.json:${line}:${column} club.tiers[2].threshold: thresholds must rise`])
  })

  it('reports all problems at once, a missing field at its object, a syntax error at its place', () => {
    const file = JSON.parse(valid()) as { rewards: Record<string, unknown>[] }
    delete file.rewards[1]!.cost
    file.rewards[2]!.id = file.rewards[0]!.id
    const text = JSON.stringify({ ...file, bundles: [] }, null, 2)
    const messages = parseClubFile(text).problems.map((p) => formatProblem('c.json', p))
    expect(messages).toHaveLength(3)
    expect(messages.some((m) => /^c\.json:\d+:\d+ rewards\[1\]\.cost: /.test(m))).toBe(true)
    expect(messages.some((m) => /rewards\[2\]\.id: ".+" is already used/.test(m))).toBe(true)
    expect(messages.some((m) => /bundles: not a part of a club file/.test(m))).toBe(true)
    const broken = parseClubFile('{\n  "format": "moadon-club/1",\n  "club": {,\n}')
    expect(broken.problems[0]).toMatchObject({ line: 3, column: 12 })
  })

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })
})
