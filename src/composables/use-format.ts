import { computed } from 'vue'
import { useI18n } from '@/i18n'
import { isolate, isolateLtr } from '@/i18n/bidi'

/** Local club dates (YYYY-MM-DD) are calendar days: format them in UTC so no zone shifts them. */
function calendarDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d ?? 1))
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()
function dateFormat(locale: string, withYear: boolean, utc: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withYear}|${utc}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), ...(utc ? { timeZone: 'UTC' } : {}) })
    dateFormats.set(key, format)
  }
  return format
}

/**
 * "30 בנובמבר", or "30 בנובמבר 2025" in another year: history spans more than a year, so a date
 * names its year whenever it is not this year's. `date` is a club calendar day (YYYY-MM-DD).
 */
export function dayText(date: string, locale: string, now = new Date()): string {
  return dateFormat(locale, date.slice(0, 4) !== String(now.getFullYear()), true).format(calendarDay(date))
}

/** The same for a moment, in the device's time zone. */
export function momentText(date: Date, locale: string, now = new Date()): string {
  return dateFormat(locale, date.getFullYear() !== now.getFullYear(), false).format(date)
}

/** Numbers, money and dates through Intl in the current language. */
export function useFormat() {
  const { t, locale } = useI18n()
  const integer = computed(() => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0 }))
  const decimal = computed(() => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 2 }))
  const money = computed(
    () => new Intl.NumberFormat(locale.value, { style: 'currency', currency: 'ILS', maximumFractionDigits: 2, minimumFractionDigits: 0 }),
  )
  const relative = computed(() => new Intl.RelativeTimeFormat(locale.value, { numeric: 'auto' }))
  const monthYear = computed(() => new Intl.DateTimeFormat(locale.value, { month: 'long', year: 'numeric', timeZone: 'UTC' }))
  const meters = computed(() => new Intl.NumberFormat(locale.value, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 }))
  const kilometers = computed(() => new Intl.NumberFormat(locale.value, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }))
  return {
    points: (value: number) => integer.value.format(value),
    /** A rate such as 1.5 points per shekel. */
    decimal: (value: number) => decimal.value.format(value),
    /** "נקודה אחת", "שתי נקודות", "1,200 נקודות": a count of points in words, through plural rules. */
    pointsText: (value: number) => t('units.points', { count: integer.value.format(value) }, value),
    /** "+120" / "−60" with a real minus sign, isolated so that right-to-left text keeps the sign in front. */
    signedPoints: (value: number) => isolateLtr((value > 0 ? '+' : value < 0 ? '−' : '') + integer.value.format(Math.abs(value))),
    /** A name, code or number inside a sentence, isolated when its direction may differ from the sentence's. */
    isolate: (text: string) => isolate(text, locale.value),
    shekels: (value: number) => money.value.format(value),
    /** A club calendar day, e.g. "30 בנובמבר", or "30 בנובמבר 2025" in another year. */
    day: (date: string) => dayText(date, locale.value),
    /** A moment, e.g. "22 בנובמבר", with the year when it is not this year. */
    shortDate: (date: Date) => momentText(date, locale.value),
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
    /** A distance as Intl writes it: "350 מ׳", "1.2 ק״מ". */
    distance: (value: number) =>
      value < 1000 ? meters.value.format(Math.round(value / 10) * 10) : kilometers.value.format(value / 1000),
  }
}
