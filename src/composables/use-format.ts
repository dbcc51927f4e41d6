import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/** Local club dates (YYYY-MM-DD) are calendar days: format them in UTC so no zone shifts them. */
function calendarDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d ?? 1))
}

/** Numbers, money and dates through Intl in the current language. */
export function useFormat() {
  const { locale } = useI18n()
  const integer = computed(() => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0 }))
  const money = computed(
    () => new Intl.NumberFormat(locale.value, { style: 'currency', currency: 'ILS', maximumFractionDigits: 2, minimumFractionDigits: 0 }),
  )
  const longDay = computed(() => new Intl.DateTimeFormat(locale.value, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }))
  const shortDay = computed(() => new Intl.DateTimeFormat(locale.value, { day: 'numeric', month: 'short' }))
  const relative = computed(() => new Intl.RelativeTimeFormat(locale.value, { numeric: 'auto' }))
  const monthYear = computed(() => new Intl.DateTimeFormat(locale.value, { month: 'long', year: 'numeric', timeZone: 'UTC' }))
  return {
    points: (value: number) => integer.value.format(value),
    /** "+120" / "−60" with a real minus sign. */
    signedPoints: (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '') + integer.value.format(Math.abs(value)),
    shekels: (value: number) => money.value.format(value),
    /** A club calendar day, e.g. "30 November 2026". */
    day: (date: string) => longDay.value.format(calendarDay(date)),
    /** A moment, short: "22 Nov". */
    shortDate: (date: Date) => shortDay.value.format(date),
    /** How long ago, in words: "3 hours ago", "לפני 3 שעות". */
    ago: (date: Date, now = Date.now()) => {
      const minutes = Math.round((date.getTime() - now) / 60_000)
      if (Math.abs(minutes) < 60) return relative.value.format(minutes, 'minute')
      const hours = Math.round(minutes / 60)
      if (Math.abs(hours) < 48) return relative.value.format(hours, 'hour')
      return relative.value.format(Math.round(hours / 24), 'day')
    },
    /** A club month (YYYY-MM), e.g. "November 2026". */
    month: (month: string) => monthYear.value.format(calendarDay(`${month}-01`)),
  }
}
