import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  endOfMonthAfter,
  localDate,
  monthOf,
} from '@/domain/shared/calendar'
import { demoConfig } from '../../scripts/demo-club'

const zone = demoConfig.timeZone

describe('localDate', () => {
  it('formats a calendar date as YYYY-MM-DD', () => {
    expect(localDate(new Date('2025-05-14T09:00:00Z'), zone)).toBe('2025-05-14')
    expect(localDate(new Date('2025-05-14T09:00:00Z'), 'UTC')).toBe('2025-05-14')
  })

  it('uses the club time zone in winter (UTC+2): the day turns at 22:00 UTC', () => {
    expect(localDate(new Date('2025-01-31T21:59:59Z'), zone)).toBe('2025-01-31')
    expect(localDate(new Date('2025-01-31T22:00:00Z'), zone)).toBe('2025-02-01')
    // The same instant is still the 31st in UTC.
    expect(localDate(new Date('2025-01-31T22:00:00Z'), 'UTC')).toBe('2025-01-31')
  })

  it('uses the club time zone in summer (UTC+3): the day turns at 21:00 UTC', () => {
    expect(localDate(new Date('2025-06-30T20:59:59Z'), zone)).toBe('2025-06-30')
    expect(localDate(new Date('2025-06-30T21:00:00Z'), zone)).toBe('2025-07-01')
  })

  it('turns the year at local midnight on New Year’s Eve', () => {
    expect(localDate(new Date('2024-12-31T21:59:59Z'), zone)).toBe('2024-12-31')
    expect(localDate(new Date('2024-12-31T22:00:00Z'), zone)).toBe('2025-01-01')
  })

  it('handles zones west of UTC and gives the same answer on repeated calls (cached formatter)', () => {
    const instant = new Date('2025-03-01T03:00:00Z')
    expect(localDate(instant, 'America/New_York')).toBe('2025-02-28')
    expect(localDate(instant, 'America/New_York')).toBe('2025-02-28')
    expect(localDate(instant, zone)).toBe('2025-03-01')
  })

  it('produces strings that sort in time order', () => {
    const a = localDate(new Date('2025-09-30T12:00:00Z'), zone)
    const b = localDate(new Date('2025-10-01T12:00:00Z'), zone)
    expect(a < b).toBe(true)
  })
})

describe('monthOf', () => {
  it('is the YYYY-MM prefix', () => {
    expect(monthOf('2025-02-28')).toBe('2025-02')
    expect(monthOf('1999-12-01')).toBe('1999-12')
  })
})

describe('addDays', () => {
  it('moves within a month', () => {
    expect(addDays('2025-05-10', 5)).toBe('2025-05-15')
    expect(addDays('2025-05-10', 0)).toBe('2025-05-10')
  })

  it('crosses month and year ends', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01')
  })

  it('goes backwards', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31')
  })

  it('is not disturbed by daylight-saving changes (pure calendar arithmetic)', () => {
    expect(addDays('2025-03-27', 1)).toBe('2025-03-28')
    expect(addDays('2025-03-28', 1)).toBe('2025-03-29')
    expect(addDays('2025-10-25', 1)).toBe('2025-10-26')
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27')
  })

  it('spans a whole year, leap or not', () => {
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01')
    expect(addDays('2024-01-01', 365)).toBe('2024-12-31')
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01')
  })
})

describe('endOfMonthAfter', () => {
  it('is the last day of the same month for 0', () => {
    expect(endOfMonthAfter('2025-01-15', 0)).toBe('2025-01-31')
    expect(endOfMonthAfter('2025-04-01', 0)).toBe('2025-04-30')
    expect(endOfMonthAfter('2024-02-10', 0)).toBe('2024-02-29')
    expect(endOfMonthAfter('2025-02-10', 0)).toBe('2025-02-28')
  })

  it('is the end of the month N months later, whatever the day in the month', () => {
    expect(endOfMonthAfter('2025-01-01', 12)).toBe('2026-01-31')
    expect(endOfMonthAfter('2025-01-31', 12)).toBe('2026-01-31')
    expect(endOfMonthAfter('2025-01-31', 1)).toBe('2025-02-28')
    expect(endOfMonthAfter('2023-02-15', 12)).toBe('2024-02-29')
    expect(endOfMonthAfter('2024-02-29', 12)).toBe('2025-02-28')
    expect(endOfMonthAfter('2025-11-20', 3)).toBe('2026-02-28')
    expect(endOfMonthAfter('2025-06-30', 12)).toBe('2026-06-30')
  })

  it('works backwards too', () => {
    expect(endOfMonthAfter('2025-03-31', -1)).toBe('2025-02-28')
    expect(endOfMonthAfter('2025-01-10', -1)).toBe('2024-12-31')
  })
})

describe('addMonths', () => {
  it('keeps the day when the target month has it', () => {
    expect(addMonths('2025-01-15', 1)).toBe('2025-02-15')
    expect(addMonths('2025-05-31', 2)).toBe('2025-07-31')
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15')
    expect(addMonths('2025-06-01', 12)).toBe('2026-06-01')
    expect(addMonths('2025-06-01', 0)).toBe('2025-06-01')
  })

  it('clamps Jan 31 + 1 month to the end of February (28 or 29)', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-01-30', 1)).toBe('2025-02-28')
    expect(addMonths('2025-01-29', 1)).toBe('2025-02-28')
    expect(addMonths('2024-01-29', 1)).toBe('2024-02-29')
  })

  it('clamps to 30-day months', () => {
    expect(addMonths('2025-05-31', 1)).toBe('2025-06-30')
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30')
  })

  it('clamps relative to the start date, not step by step', () => {
    // Jan 31 + 2 months is Mar 31 (not Feb 28 + 1 month = Mar 28).
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31')
  })

  it('moves a leap day to Feb 28 in a common year and keeps it in a leap year', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29')
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28')
    expect(addMonths('2099-02-28', 12)).toBe('2100-02-28')
    expect(addMonths('2096-02-29', 48)).toBe('2100-02-28')
    expect(addMonths('1996-02-29', 48)).toBe('2000-02-29')
  })

  it('goes backwards across a year', () => {
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28')
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15')
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15')
  })
})

describe('addMonthsToMonth', () => {
  it('moves whole months and crosses years', () => {
    expect(addMonthsToMonth('2025-01', 1)).toBe('2025-02')
    expect(addMonthsToMonth('2025-12', 1)).toBe('2026-01')
    expect(addMonthsToMonth('2025-01', -1)).toBe('2024-12')
    expect(addMonthsToMonth('2025-06', -11)).toBe('2024-07')
    expect(addMonthsToMonth('2025-06', 0)).toBe('2025-06')
    expect(addMonthsToMonth('2025-06', 24)).toBe('2027-06')
  })
})
