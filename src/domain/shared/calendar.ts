/**
 * Club dates are calendar dates in the club's time zone (YYYY-MM-DD strings): points expire at the
 * end of a local day and a tier year ends on a local date, whatever time zone a server runs in.
 * String comparison orders them correctly.
 */
export type LocalDate = string
export type LocalMonth = string

const formatters = new Map<string, Intl.DateTimeFormat>()

export function localDate(at: Date, timeZone: string): LocalDate {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, format)
  }
  return format.format(at)
}

export function monthOf(date: LocalDate): LocalMonth {
  return date.slice(0, 7)
}

function parts(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return [y, m, d]
}

function fromUtc(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parts(date)
  return fromUtc(Date.UTC(y, m - 1, d + days))
}

/** The last day of the month `months` after the month of `date`. */
export function endOfMonthAfter(date: LocalDate, months: number): LocalDate {
  const [y, m] = parts(date)
  // Day 0 of the following month is the last day of the target month.
  return fromUtc(Date.UTC(y, m - 1 + months + 1, 0))
}

/** Same day `months` later, clamped to the month's end (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(date)
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return fromUtc(Date.UTC(y, m - 1 + months, Math.min(d, last)))
}

export function addMonthsToMonth(month: LocalMonth, months: number): LocalMonth {
  return addMonths(`${month}-01`, months).slice(0, 7)
}
