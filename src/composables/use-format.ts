import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/** Numbers and dates through Intl in the current language. */
export function useFormat() {
  const { locale } = useI18n()
  const integer = computed(() => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0 }))
  return {
    points: (value: number) => integer.value.format(value),
  }
}
