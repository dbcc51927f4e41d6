import type { FormIssue } from '@/domain/admin/config-form-checks'

type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string
type Has = (key: string) => boolean

/**
 * The schema's own rules are written in English in `src/domain`; the ones an operator meets are
 * translated by their words here. Anything else is shown as the schema words it.
 */
const SCHEMA_RULES: Record<string, string> = {
  'lowercase letters, digits and dashes': 'slug',
  'lowercase letters, digits and dashes, at most 40': 'slug',
  'the entry tier starts at 0': 'entryTierZero',
  'thresholds must rise': 'thresholdsRise',
  'minimum ≤ typed maximum ≤ maximum, and the review threshold ≤ maximum': 'purchaseLimits',
  'an IANA time zone such as Asia/Jerusalem': 'timeZone',
  'ends after it starts': 'endsAfterStart',
  'after opensAt': 'endsAfterStart',
  'submissions, then voting, in order': 'competitionOrder',
  'used twice': 'usedTwice',
  'option ids used twice': 'usedTwice',
  'duplicate campaign ids': 'usedTwice',
  'min ≤ max ≤ the number of options': 'multiRange',
  'at most maxLength': 'textRange',
  'one of the options': 'oneOfOptions',
  'an attention check is required and always shown': 'attentionCheck',
  'at most one attention check': 'oneAttentionCheck',
  'an earlier question': 'earlierQuestion',
  'not a free-text question': 'notFreeText',
  'exactly one of `equals` and `in`': 'equalsOrIn',
  'a partner clue names its partner': 'cluePartner',
  'daily codes are shown at a partner': 'dailyAtPartner',
  'not a field of this item': 'unknownField',
  'only a printed clue has an answer': 'printedOnly',
}

function bound(issue: FormIssue, key: 'minimum' | 'maximum'): number {
  const value = issue.params[key]
  return typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : 0
}

/** An issue in the operator's language. */
export function issueText(issue: FormIssue, t: Translate, has: Has): string {
  if (issue.text !== null) {
    const rule = SCHEMA_RULES[issue.text] ?? (issue.text.startsWith('duplicate ids') ? 'usedTwice' : undefined)
    return rule && has(`adminConfig.rules.${rule}`) ? t(`adminConfig.rules.${rule}`) : issue.text
  }
  const origin = String(issue.params.origin ?? '')
  const inclusive = issue.params.inclusive !== false
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.params.expected ?? '')
      if (expected === 'number') return t('adminConfig.issues.number')
      if (expected === 'int') return t('adminConfig.issues.integer')
      if (expected === 'date') return t('adminConfig.issues.date')
      return t('adminConfig.issues.required')
    }
    case 'too_small': {
      const min = bound(issue, 'minimum')
      if (origin === 'string') return min <= 1 ? t('adminConfig.issues.required') : t('adminConfig.issues.minChars', { count: min }, min)
      if (origin === 'array') return t('adminConfig.issues.minItems', { count: min }, min)
      return t(inclusive ? 'adminConfig.issues.atLeast' : 'adminConfig.issues.above', { value: min })
    }
    case 'too_big': {
      const max = bound(issue, 'maximum')
      if (origin === 'string') return t('adminConfig.issues.maxChars', { count: max }, max)
      if (origin === 'array') return t('adminConfig.issues.maxItems', { count: max }, max)
      return t(inclusive ? 'adminConfig.issues.atMost' : 'adminConfig.issues.below', { value: max })
    }
    case 'invalid_format': {
      const format = String(issue.params.format ?? '')
      if (format === 'url' || format === 'starts_with') return t('adminConfig.issues.url')
      if (format === 'datetime') return t('adminConfig.issues.date')
      return t('adminConfig.issues.format')
    }
    case 'not_multiple_of':
      return t('adminConfig.issues.integer')
    case 'invalid_value':
    case 'invalid_union':
      return t('adminConfig.issues.choose')
    case 'unrecognized_keys':
      return t('adminConfig.rules.unknownField')
    default:
      return t('adminConfig.issues.format')
  }
}
