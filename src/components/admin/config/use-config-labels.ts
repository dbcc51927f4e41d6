import { useI18n } from '@/i18n'
import { humanize, labelKeyOf, type FieldPath } from '@/domain/admin/config-form'

/**
 * A field's name for the operator: the item kind's own word (`adminConfig.labels.club.threshold`),
 * else the word all kinds share (`adminConfig.labels.common.id`), else its key in plain words.
 */
export function useConfigLabels(kind: () => string) {
  const { t, te } = useI18n()

  function label(path: FieldPath): string {
    const key = labelKeyOf(path)
    if (key === null) return t('adminConfig.form.item', { number: Number(path[path.length - 1] ?? 0) + 1 })
    for (const candidate of [`adminConfig.labels.${kind()}.${key}`, `adminConfig.labels.common.${key}`]) {
      if (te(candidate)) return t(candidate)
    }
    return humanize(key)
  }

  function optionLabel(path: FieldPath, value: string): string {
    const key = labelKeyOf(path)
    const candidate = `adminConfig.options.${key}.${value}`
    return key && te(candidate) ? t(candidate) : value
  }

  /** Where a place is, in words: "Tiers › 2 › Threshold". */
  function placeOf(path: string): string {
    if (path === '') return t('adminConfig.form.wholeItem')
    const parts: FieldPath = path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    return parts.map((part, i) => (typeof part === 'number' ? String(part + 1) : label(parts.slice(0, i + 1)))).join(' › ')
  }

  return { label, optionLabel, placeOf }
}
