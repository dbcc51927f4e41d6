import { describe, expect, it } from 'vitest'
import {
  BIRTHDAY_WAIT_DAYS,
  birthdayDecision,
  birthdayWindow,
  currentBirthdayWindow,
  gregorianBirthdayIn,
  hebrewBirthdayIn,
  hebrewDateOf,
  isValidBirthday,
  nextBirthdayWindow,
  waitedForWindow,
  type BirthdayProfile,
} from '@/domain/members/birthday'
import { addDays } from '@/domain/shared/calendar'

const greg = (birthday: string): BirthdayProfile => ({ birthday, calendar: 'gregorian' })
const hebrew = (birthday: string): BirthdayProfile => ({ birthday, calendar: 'hebrew' })
const longAgo = '2000-01-01'

describe('a valid birthday', () => {
  it('is a real date, not in the future, age 0 to 120', () => {
    expect(isValidBirthday('1990-05-05', '2026-11-27')).toBe(true)
    expect(isValidBirthday('2026-11-27', '2026-11-27')).toBe(true)
    expect(isValidBirthday('1905-11-28', '2026-11-27')).toBe(true)
    expect(isValidBirthday('1905-11-27', '2026-11-27')).toBe(false)
    expect(isValidBirthday('2026-11-28', '2026-11-27')).toBe(false)
    expect(isValidBirthday('1990-02-30', '2026-11-27')).toBe(false)
    expect(isValidBirthday('2001-02-29', '2026-11-27')).toBe(false)
    expect(isValidBirthday('2000-02-29', '2026-11-27')).toBe(true)
    expect(isValidBirthday('1990-5-5', '2026-11-27')).toBe(false)
  })
})

describe('the month window', () => {
  it('is the whole birthday month, once per year, whatever the day', () => {
    expect(birthdayWindow(greg('1990-07-04'), 'month', 2026)).toEqual({
      giftYear: 2026,
      occursOn: '2026-07-04',
      opensOn: '2026-07-01',
      closesOn: '2026-07-31',
    })
    expect(currentBirthdayWindow(greg('1990-07-04'), 'month', '2026-07-31')?.giftYear).toBe(2026)
    expect(currentBirthdayWindow(greg('1990-07-04'), 'month', '2026-06-30')).toBeNull()
    expect(currentBirthdayWindow(greg('1990-07-04'), 'month', '2026-08-01')).toBeNull()
  })

  it('crosses year ends: a December birthday belongs to its own year, January to the next', () => {
    expect(currentBirthdayWindow(greg('1990-12-31'), 'month', '2026-12-01')).toMatchObject({ giftYear: 2026, closesOn: '2026-12-31' })
    expect(currentBirthdayWindow(greg('1990-12-31'), 'month', '2027-01-01')).toBeNull()
    expect(currentBirthdayWindow(greg('1990-01-01'), 'month', '2027-01-31')).toMatchObject({ giftYear: 2027, opensOn: '2027-01-01' })
    // After December's gift the next look is next December; after January's, next January.
    expect(birthdayDecision(greg('1990-12-31'), 'month', longAgo, '2026-12-15')).toEqual({
      due: expect.objectContaining({ giftYear: 2026 }),
      nextOn: '2027-12-01',
    })
    expect(birthdayDecision(greg('1990-01-15'), 'month', longAgo, '2026-12-31')).toEqual({ due: null, nextOn: '2027-01-01' })
  })

  it('keeps 29 February in February: the 28th in common years, the 29th in leap years', () => {
    expect(gregorianBirthdayIn('2000-02-29', 2025)).toBe('2025-02-28')
    expect(gregorianBirthdayIn('2000-02-29', 2100)).toBe('2100-02-28')
    expect(gregorianBirthdayIn('2000-02-29', 2028)).toBe('2028-02-29')
    expect(birthdayWindow(greg('2000-02-29'), 'month', 2025)).toEqual({ giftYear: 2025, occursOn: '2025-02-28', opensOn: '2025-02-01', closesOn: '2025-02-28' })
    expect(birthdayWindow(greg('2000-02-29'), 'month', 2028)).toEqual({ giftYear: 2028, occursOn: '2028-02-29', opensOn: '2028-02-01', closesOn: '2028-02-29' })
    expect(birthdayWindow(greg('2000-02-29'), 'day', 2027)).toMatchObject({ opensOn: '2027-02-28', closesOn: '2027-02-28' })
    expect(currentBirthdayWindow(greg('2000-02-29'), 'month', '2027-03-01')).toBeNull()
  })

  it('gives every date of birth exactly one window in each year', () => {
    for (const year of [2025, 2028]) {
      for (let born = '1992-01-01'; born < '1993-01-01'; born = addDays(born, 1)) {
        let days = 0
        const month = `${year}-${born.slice(5, 7)}`
        // The month of birth and a day either side is where a window can be.
        for (let date = addDays(`${month}-01`, -1); date <= addDays(`${month}-28`, 4); date = addDays(date, 1)) {
          if (currentBirthdayWindow(greg(born), 'day', date)) days += 1
        }
        // From the day to the end of its month: at least the day itself.
        const window = birthdayWindow(greg(born), 'day', year)!
        expect(days).toBe(Number(window.closesOn.slice(8)) - Number(window.opensOn.slice(8)) + 1)
      }
    }
  })

  it('in the day mode opens on the birthday itself', () => {
    expect(currentBirthdayWindow(greg('1990-07-04'), 'day', '2026-07-03')).toBeNull()
    expect(currentBirthdayWindow(greg('1990-07-04'), 'day', '2026-07-04')?.giftYear).toBe(2026)
    expect(birthdayDecision(greg('1990-07-04'), 'day', longAgo, '2026-07-01')).toEqual({ due: null, nextOn: '2026-07-04' })
  })
})

describe('the 30-day wait', () => {
  it('lets a birthday count only for windows that open at least 30 days after it was set', () => {
    expect(BIRTHDAY_WAIT_DAYS).toBe(30)
    const window = { opensOn: '2026-11-01' }
    expect(waitedForWindow('2026-10-02', window)).toBe(true)
    expect(waitedForWindow('2026-10-03', window)).toBe(false)
  })

  it('sends a birthday set this month, or 10 days before it, to next year', () => {
    expect(birthdayDecision(greg('1990-11-20'), 'month', '2026-11-17', '2026-11-27')).toEqual({ due: null, nextOn: '2027-11-01' })
    expect(birthdayDecision(greg('1990-11-20'), 'month', '2026-10-22', '2026-11-01')).toEqual({ due: null, nextOn: '2027-11-01' })
    expect(nextBirthdayWindow(greg('1990-11-20'), 'month', '2026-11-27', '2026-11-27')?.opensOn).toBe('2027-11-01')
    // Set well before: this year's window counts.
    expect(nextBirthdayWindow(greg('1990-11-20'), 'month', '2026-09-01', '2026-09-01')?.opensOn).toBe('2026-11-01')
    expect(birthdayDecision(greg('1990-11-20'), 'month', '2026-09-01', '2026-11-27').due?.giftYear).toBe(2026)
  })

  it('across the year end: set in December for a January birthday waits a year', () => {
    expect(nextBirthdayWindow(greg('1990-01-10'), 'month', '2026-12-15', '2026-12-15')?.opensOn).toBe('2028-01-01')
    expect(nextBirthdayWindow(greg('1990-01-10'), 'month', '2026-11-15', '2026-11-15')?.opensOn).toBe('2027-01-01')
  })
})

describe('Hebrew-date birthdays', () => {
  it('finds the Hebrew date of birth again each year, with its own Gregorian month', () => {
    // 15 Nisan 5750 (Passover): in 5786 it is 2 April 2026; in 5787, 22 April 2027.
    expect(hebrewDateOf('1990-04-10')).toBe('15 Nisan 5750')
    expect(hebrewBirthdayIn('1990-04-10', 5786)).toBe('2026-04-02')
    expect(hebrewBirthdayIn('1990-04-10', 5787)).toBe('2027-04-22')
    expect(currentBirthdayWindow(hebrew('1990-04-10'), 'month', '2026-04-02')).toEqual({
      giftYear: 5786,
      occursOn: '2026-04-02',
      opensOn: '2026-04-01',
      closesOn: '2026-04-30',
    })
    // The Gregorian birthday (April 10) and the Hebrew one can fall in different months.
    expect(hebrewBirthdayIn('1990-04-10', 5785)).toBe('2025-04-13')
    expect(birthdayWindow(hebrew('1990-04-10'), 'month', 5750)?.occursOn).toBe('1990-04-10')
    expect(birthdayWindow(hebrew('1990-04-10'), 'month', 5749)).toBeNull()
  })

  it('keeps Adar in Adar II of a leap year, and Adar I or II in plain Adar of a common year', () => {
    // 14 Adar 5783 (Purim, a common year) → 14 Adar II in the leap year 5784.
    expect(hebrewDateOf('2023-03-07')).toBe('14 Adar 5783')
    expect(hebrewBirthdayIn('2023-03-07', 5784)).toBe('2024-03-24')
    expect(hebrewDateOf('2024-03-24')).toBe('14 Adar II 5784')
    // Born in Adar I or Adar II of 5784: both in Adar of 5785; in the leap year 5787 each keeps its own.
    expect(hebrewDateOf('2024-02-24')).toBe('15 Adar I 5784')
    expect(hebrewDateOf('2024-03-25')).toBe('15 Adar II 5784')
    expect(hebrewBirthdayIn('2024-02-24', 5785)).toBe('2025-03-15')
    expect(hebrewBirthdayIn('2024-03-25', 5785)).toBe('2025-03-15')
    expect(hebrewBirthdayIn('2024-02-24', 5787)).toBe('2027-02-22')
    expect(hebrewBirthdayIn('2024-03-25', 5787)).toBe('2027-03-24')
    // So Adar I's window is February in 5787, Adar II's March.
    expect(birthdayWindow(hebrew('2024-02-24'), 'month', 5787)?.opensOn).toBe('2027-02-01')
    expect(birthdayWindow(hebrew('2024-03-25'), 'month', 5787)?.opensOn).toBe('2027-03-01')
  })

  it('moves 30 Cheshvan and 30 Kislev to the next day in a year where the month has 29 days', () => {
    expect(hebrewDateOf('2024-12-01')).toBe('30 Cheshvan 5785')
    expect(hebrewBirthdayIn('2024-12-01', 5786)).toBe('2025-11-21')
    expect(hebrewDateOf('2025-11-21')).toBe('1 Kislev 5786')
    expect(hebrewBirthdayIn('2024-12-01', 5787)).toBe('2026-11-10')
    expect(hebrewDateOf('2026-11-10')).toBe('30 Cheshvan 5787')
    expect(hebrewDateOf('2022-12-24')).toBe('30 Kislev 5783')
    expect(hebrewBirthdayIn('2022-12-24', 5784)).toBe('2023-12-13')
    expect(hebrewDateOf('2023-12-13')).toBe('1 Tevet 5784')
  })

  it('pays once per Hebrew year, even when a Gregorian year has two such birthdays or none', () => {
    // 10 Tevet 5780: 3 January and 22 December 2023 (5783 and 5784), none in 2022.
    const tevet = hebrew('2020-01-07')
    expect(hebrewBirthdayIn(tevet.birthday, 5783)).toBe('2023-01-03')
    expect(hebrewBirthdayIn(tevet.birthday, 5784)).toBe('2023-12-22')
    expect(currentBirthdayWindow(tevet, 'month', '2023-01-20')?.giftYear).toBe(5783)
    expect(currentBirthdayWindow(tevet, 'month', '2023-12-20')?.giftYear).toBe(5784)
    expect(birthdayDecision(tevet, 'month', longAgo, '2023-01-20').nextOn).toBe('2023-12-01')
    expect(birthdayDecision(tevet, 'month', longAgo, '2021-12-20').nextOn).toBe('2023-01-01')
  })
})
