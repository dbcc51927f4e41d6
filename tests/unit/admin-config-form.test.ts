import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CONFIG_KINDS, type ConfigKind, type JsonObject } from '@/domain/admin/config-items'
import { ClubConfigSchema } from '@/domain/shared/club-config'
import { configChanges } from '@/domain/admin/config-form-checks'
import { checksBeyondSchema, configFormNode, configSchema, prepareForSchema, serverIssues } from '@/domain/admin/config-form-checks'
import { byPath, validateDraft } from '@/domain/admin/config-form-checks'
import { emptyValue, getAt, pathKey, setAt, toFieldNode, unsupportedPaths, type FieldNode } from '@/domain/admin/config-form'
import { issueText } from '@/components/admin/config/issue-text'
import { fromLocalInput, toLocalInput } from '@/domain/admin/config-form'
import { demoItems } from './support/config-items'
import { locale as onScreen, t, te } from './support/i18n-instance'

const kindsOf = (node: FieldNode): string[] => {
  switch (node.kind) {
    case 'object':
      return ['object', ...node.fields.flatMap((f) => kindsOf(f.node))]
    case 'nullable':
    case 'optional':
      return [node.kind, ...kindsOf(node.inner)]
    case 'array':
      return ['array', ...kindsOf(node.item)]
    case 'union':
      return ['union', ...node.options.flatMap((o) => kindsOf(o.node))]
    default:
      return [node.kind]
  }
}

describe('the schema-to-form walker', () => {
  it('draws every registered kind with no field left to an "unsupported" fallback', () => {
    for (const kind of CONFIG_KINDS) expect(unsupportedPaths(configFormNode(kind)), kind).toEqual([])
  })

  it('reads zod 4 definitions: bounds, integers, enums, nullables, defaults, localized pairs and discriminated unions', () => {
    const club = configFormNode('club')
    const field = (node: FieldNode, ...path: string[]): FieldNode =>
      path.reduce<FieldNode>((n, key) => {
        if (n.kind === 'array') return field(n.item, key)
        if (n.kind !== 'object') throw new Error(`no ${key}`)
        return n.fields.find((f) => f.key === key)!.node
      }, node)
    expect(field(club, 'tiers', 'threshold')).toEqual({ kind: 'number', integer: true, min: 0, max: null })
    expect(field(club, 'tiers', 'multiplier')).toEqual({ kind: 'number', integer: false, min: 1, max: 10 })
    expect(field(club, 'tiers', 'name')).toMatchObject({ kind: 'localized' })
    expect(field(club, 'tiers')).toMatchObject({ kind: 'array', min: 1, max: 8 })
    expect(field(club, 'tierMeasure')).toEqual({ kind: 'enum', options: ['points', 'spend'] })
    expect(field(club, 'currency')).toEqual({ kind: 'literal', value: 'ILS' })
    expect(field(club, 'earning', 'activities', 'perDay')).toMatchObject({ kind: 'nullable', inner: { kind: 'number', integer: true, min: 1 } })
    expect(field(club, 'socialLinks')).toMatchObject({ kind: 'array', initial: [] })
    expect(field(club, 'socialLinks', 'url')).toMatchObject({ kind: 'string', format: 'url' })

    const partner = configFormNode('partner')
    const visitCode = field(partner, 'visitCode')
    expect(visitCode).toMatchObject({ kind: 'union', discriminator: 'mode', initial: { mode: 'printed' } })
    expect(visitCode.kind === 'union' && visitCode.options.map((o) => o.value)).toEqual(['screen', 'printed'])
    expect(field(partner, 'maxReceiptShekels')).toMatchObject({ kind: 'nullable', initial: null })

    const survey = configFormNode('survey')
    expect(field(survey, 'opensAt')).toEqual({ kind: 'date', store: 'iso' })
    const questions = field(survey, 'questions')
    expect(questions.kind === 'array' && questions.item).toMatchObject({ kind: 'union', discriminator: 'type' })
    const showIf = questions.kind === 'array' && questions.item.kind === 'union' ? questions.item.options[0]!.node.fields.find((f) => f.key === 'showIf')!.node : null
    expect(showIf).toMatchObject({ kind: 'optional', inner: { kind: 'nullable', inner: { kind: 'object' } } })

    expect(field(configFormNode('hunt'), 'startsAt')).toEqual({ kind: 'date', store: 'epoch' })
    expect(field(configFormNode('charity'), 'campaigns', 'startsAt')).toEqual({ kind: 'date', store: 'iso' })
    expect(field(configFormNode('competition'), 'voteUntil')).toEqual({ kind: 'date', store: 'epoch' })
  })

  it('uses every kind of field across the registered kinds', () => {
    const used = new Set(CONFIG_KINDS.flatMap((kind) => kindsOf(configFormNode(kind))))
    for (const kind of ['object', 'localized', 'string', 'number', 'boolean', 'enum', 'literal', 'date', 'nullable', 'optional', 'array', 'union', 'choice']) {
      expect(used.has(kind), kind).toBe(true)
    }
  })

  it('names every field and every choice of every kind in both languages, never by its bare key', () => {
    const named: string[] = []
    const walk = (kind: ConfigKind, node: FieldNode, key: string | null) => {
      if (key !== null) named.push(`${kind}:${key}`)
      if (node.kind === 'object') node.fields.forEach((f) => walk(kind, f.node, f.key))
      else if (node.kind === 'nullable' || node.kind === 'optional') walk(kind, node.inner, null)
      else if (node.kind === 'array') walk(kind, node.item, null)
      else if (node.kind === 'union') {
        named.push(`${kind}:${node.discriminator}`)
        node.options.forEach((o) => {
          named.push(`option:${node.discriminator}.${o.value}`)
          o.node.fields.forEach((f) => walk(kind, f.node, f.key))
        })
      } else if (node.kind === 'enum' && key !== null) node.options.forEach((o) => named.push(`option:${key}.${o}`))
    }
    for (const kind of CONFIG_KINDS) walk(kind, configFormNode(kind), null)
    for (const locale of ['he', 'en'] as const) {
      const has = (key: string) => te(key, locale)
      const missing = [...new Set(named)].filter((name) => {
        const [scope, key] = name.split(':') as [string, string]
        if (scope === 'option') return !has(`adminConfig.options.${key}`)
        return !has(`adminConfig.labels.${scope}.${key}`) && !has(`adminConfig.labels.common.${key}`)
      })
      expect(missing, locale).toEqual([])
    }
  })

  it('says what it cannot draw, rather than drawing it wrongly', () => {
    const node = toFieldNode(z.object({ tags: z.record(z.string(), z.string()), ok: z.string() }))
    expect(unsupportedPaths(node)).toEqual(['tags (record)'])
  })

  it('starts a new item empty where the operator must choose, with the schema’s defaults elsewhere', () => {
    const partner = emptyValue(configFormNode('partner')) as Record<string, unknown>
    expect(partner.earnMultiplier).toBe('')
    expect(partner.name).toEqual({ he: '', en: '' })
    expect(partner.visitCode).toEqual({ mode: 'printed' })
    expect(partner.maxReceiptShekels).toBeNull()
    expect(partner.active).toBe(false)
    const tiers = (emptyValue(configFormNode('club')) as { tiers: unknown[] }).tiers
    expect(tiers).toHaveLength(1)
  })
})

describe('validation with the same schema, and issues by path', () => {
  it('finds every seeded item valid, as the form holds it', () => {
    const items = demoItems()
    for (const kind of CONFIG_KINDS) {
      const json = items[kind]
      expect(validateDraft(configSchema(kind), prepareForSchema(kind, json)), kind).toEqual([])
      expect(checksBeyondSchema(kind, String(json.id ?? 'club'), json), kind).toEqual([])
    }
  })

  it('puts a rule of the schema at its field, with the schema’s own words', () => {
    const club = demoItems().club
    const broken = setAt(club, ['tiers', 1, 'threshold'], 0)
    const issues = validateDraft(ClubConfigSchema, prepareForSchema('club', broken))
    expect(issues).toEqual([{ path: 'tiers.1.threshold', code: 'custom', text: 'thresholds must rise', params: expect.any(Object), from: 'form' }])
    expect(byPath(issues).get('tiers.1.threshold')).toHaveLength(1)
  })

  it('never reads an emptied number as 0, and keeps zod’s standard checks for the form to word', () => {
    const club = demoItems().club
    const [empty] = validateDraft(ClubConfigSchema, prepareForSchema('club', setAt(club, ['earning', 'pointsPerShekel'], '')))
    expect(empty).toMatchObject({ path: 'earning.pointsPerShekel', code: 'invalid_type', text: null, params: { expected: 'number' } })
    const [tooBig] = validateDraft(ClubConfigSchema, prepareForSchema('club', setAt(club, ['earning', 'pointsPerShekel'], 101)))
    expect(tooBig).toMatchObject({ path: 'earning.pointsPerShekel', code: 'too_big', text: null, params: { maximum: 100 } })
    onScreen.value = 'en'
    expect(issueText(empty!, t, te)).toBe('Enter a number.')
    expect(issueText(tooBig!, t, te)).toBe('At most 100.')
    onScreen.value = 'he'
    expect(issueText(tooBig!, t, te)).toBe('לכל היותר 100.')
    expect(issueText({ path: 'tiers.1.threshold', code: 'custom', text: 'thresholds must rise', params: {}, from: 'form' }, t, te)).toBe(
      'הסף של כל דרגה צריך להיות גבוה מזה של הדרגה שלפניה.',
    )
  })

  it('reads the server’s paths (`tiers[1].threshold`, `(root)`) as the form’s', () => {
    expect(pathKey('tiers[1].threshold')).toBe('tiers.1.threshold')
    expect(pathKey(['questions', 0, 'options'])).toBe('questions.0.options')
    expect(serverIssues([{ path: '(root)', message: 'an object' }, { path: 'clues[2].partnerId', message: 'x' }]).map((i) => i.path)).toEqual(['', 'clues.2.partnerId'])
  })

  it('checks what the server checks beyond the schema: a field the item does not have, a printed answer', () => {
    const partner: JsonObject = { ...demoItems().partner, pointPerShekel: 2 }
    expect(checksBeyondSchema('partner', String(partner.id), partner).map((i) => i.path)).toEqual(['pointPerShekel'])
    const hunt = demoItems().hunt
    const daily = (hunt.clues as { answer: string }[]).findIndex((clue) => clue.answer === 'daily')
    expect(daily).toBeGreaterThanOrEqual(0)
    const answered: JsonObject = { ...hunt, answers: { [String(daily)]: 'CODE' } }
    expect(checksBeyondSchema('hunt', String(hunt.id), answered).map((i) => i.path)).toEqual([`answers.${daily}`])
  })

  it('changes one place and copies only the way to it', () => {
    const club = demoItems().club
    const next = setAt(club, ['tiers', 1, 'threshold'], 900) as typeof club
    expect(getAt(next, ['tiers', 1, 'threshold'])).toBe(900)
    expect(getAt(club, ['tiers', 1, 'threshold'])).not.toBe(900)
    expect(next.purchases).toBe(club.purchases)
    expect(setAt({ a: 1, b: 2 }, ['b'], undefined)).toEqual({ a: 1 })
  })
})

describe('moments and the publish summary', () => {
  it('keeps a moment as the item holds it: ISO text, epoch milliseconds or a Date', () => {
    const local = toLocalInput('2026-12-01T08:30:00.000Z')
    expect(local).toMatch(/^2026-12-01T\d\d:30$/)
    expect(fromLocalInput(local, 'iso')).toBe('2026-12-01T08:30:00.000Z')
    expect(fromLocalInput(local, 'epoch')).toBe(Date.parse('2026-12-01T08:30:00.000Z'))
    expect(fromLocalInput('', 'epoch')).toBe('')
  })

  it('lists what publishing changes, field by field', () => {
    const club = demoItems().club
    const draft = setAt(setAt(club, ['earning', 'pointsPerShekel'], 2), ['socialLinks'], [])
    expect(configChanges(club, draft)).toEqual([
      { path: 'earning.pointsPerShekel', before: (club.earning as { pointsPerShekel: number }).pointsPerShekel, after: 2 },
      { path: 'socialLinks', before: (club.socialLinks as unknown[]).length, after: 0 },
    ])
  })
})
