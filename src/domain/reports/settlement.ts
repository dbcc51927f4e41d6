import { z } from 'zod'
import type { LocalizedText } from '../shared/locale'
import type { ClubConfig } from '../shared/club-config'
import { emptyPartnerMonth, type MonthTotals, type PartnerMonth } from './ledger-buckets'

/**
 * A partner's monthly statement. The rule: **a partner owes the club the value of the points
 * issued at it** (purchases less refunds, visits, eco actions) **and is owed the value of the points
 * redeemed on its rewards**; the difference is the month's balance. Club programmes held at a
 * partner (reviews, hunts, events) are the club's cost and shown apart. Rewards that name no
 * partner (club-wide vouchers) are the club's too. Money is whole agorot, never floats: each
 * column's points are valued once, rounded half away from zero, and the balance is the difference
 * of the rounded columns, so every figure on the statement is an exact sum of the figures above it.
 */

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

export const GetSettlementInputSchema = z.object({ month: z.string().regex(MONTH_PATTERN, 'a month as YYYY-MM') }).strict()
export type GetSettlementInput = z.input<typeof GetSettlementInputSchema>

export interface PointValue {
  agorot: number
  perPoints: number
}

/** The money value of `points` in agorot: points × agorot ÷ perPoints, rounded half away from zero, in integers only. */
export function valueInAgorot(points: number, value: PointValue): number {
  if (!Number.isSafeInteger(points)) throw new RangeError('points must be a safe integer')
  const numerator = Math.abs(points) * value.agorot
  if (!Number.isSafeInteger(numerator)) throw new RangeError('value out of range')
  const rounded = Math.floor((2 * numerator + value.perPoints) / (2 * value.perPoints))
  return points < 0 ? -rounded : rounded
}

export interface SettlementLine {
  partnerId: string
  name: LocalizedText
  purchases: number
  refunds: number
  visits: number
  eco: number
  /** purchases − refunds + visits + eco: what the partner is charged for. */
  issued: number
  redeemed: number
  clubFunded: number
  /** What the partner owes the club for the points issued at it. */
  owesAgorot: number
  /** What the club owes the partner for the points redeemed at it. */
  owedAgorot: number
  /** owesAgorot − owedAgorot: positive, the partner pays the club; negative, the club pays the partner. */
  balanceAgorot: number
}

export interface Settlement {
  month: string
  pointValue: PointValue
  lines: SettlementLine[]
  totals: Omit<SettlementLine, 'partnerId' | 'name'>
  /** The ledger is folded up to this moment (ISO); later entries are in the next refresh. */
  asOf: string | null
}

export function issuedPoints(line: Pick<PartnerMonth, 'purchases' | 'refunds' | 'visits' | 'eco'>): number {
  return line.purchases - line.refunds + line.visits + line.eco
}

/** The statement for a month from its ledger totals; every configured partner gets a line, in the given order. */
export function settlementOf(
  month: string,
  totals: Pick<MonthTotals, 'partners'> | null,
  partners: readonly { id: string; name: LocalizedText }[],
  config: Pick<ClubConfig, 'settlement'>,
  asOf: string | null,
): Settlement {
  const value = config.settlement.pointValue
  const known = new Map(partners.map((p) => [p.id, p.name]))
  // A partner since removed from the configuration still settles what its ledger says.
  const ids = [...partners.map((p) => p.id), ...Object.keys(totals?.partners ?? {}).filter((id) => !known.has(id)).sort()]
  const lines = ids.map((partnerId): SettlementLine => {
    const p = totals?.partners[partnerId] ?? emptyPartnerMonth()
    const issued = issuedPoints(p)
    const owesAgorot = valueInAgorot(issued, value)
    const owedAgorot = valueInAgorot(p.redeemed, value)
    return {
      partnerId,
      name: known.get(partnerId) ?? { he: partnerId, en: partnerId },
      purchases: p.purchases,
      refunds: p.refunds,
      visits: p.visits,
      eco: p.eco,
      issued,
      redeemed: p.redeemed,
      clubFunded: p.clubFunded,
      owesAgorot,
      owedAgorot,
      balanceAgorot: owesAgorot - owedAgorot,
    }
  })
  const sum = (key: keyof Settlement['totals']) => lines.reduce((n, line) => n + line[key], 0)
  const totalsLine = {
    purchases: sum('purchases'),
    refunds: sum('refunds'),
    visits: sum('visits'),
    eco: sum('eco'),
    issued: sum('issued'),
    redeemed: sum('redeemed'),
    clubFunded: sum('clubFunded'),
    owesAgorot: sum('owesAgorot'),
    owedAgorot: sum('owedAgorot'),
    balanceAgorot: sum('balanceAgorot'),
  }
  return { month, pointValue: value, lines, totals: totalsLine, asOf }
}

/** Agorot as shekels with two decimals, exactly (no float arithmetic): −1234 → "-12.34". */
export function shekelsText(agorot: number): string {
  const sign = agorot < 0 ? '-' : ''
  const abs = Math.abs(agorot)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

const csvCell = (value: string | number): string => {
  // A name a spreadsheet would run as a formula (=, +, -, @) is kept as text.
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) && !/^-\d+\.\d{2}$/.test(value) ? `'${value}` : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const SETTLEMENT_CSV_COLUMNS = [
  'partnerId',
  'name',
  'purchases',
  'refunds',
  'visits',
  'eco',
  'issued',
  'redeemed',
  'clubFunded',
  'owes',
  'owed',
  'balance',
] as const
export type SettlementCsvColumn = (typeof SETTLEMENT_CSV_COLUMNS)[number]

/**
 * The statement as CSV for a spreadsheet: UTF-8 with a byte-order mark (Excel otherwise reads
 * Hebrew names as Latin-1), CRLF lines, money in shekels with two decimals from the integer agorot,
 * a totals row last. `headers` are the column titles in the reader's language.
 */
export function settlementCsv(statement: Settlement, headers: Record<SettlementCsvColumn, string>, locale: 'he' | 'en', totalLabel: string): string {
  const rows: (string | number)[][] = [SETTLEMENT_CSV_COLUMNS.map((column) => headers[column])]
  const money = (line: Pick<SettlementLine, 'owesAgorot' | 'owedAgorot' | 'balanceAgorot'>) => [
    shekelsText(line.owesAgorot),
    shekelsText(line.owedAgorot),
    shekelsText(line.balanceAgorot),
  ]
  for (const line of statement.lines) {
    rows.push([line.partnerId, line.name[locale], line.purchases, line.refunds, line.visits, line.eco, line.issued, line.redeemed, line.clubFunded, ...money(line)])
  }
  const t = statement.totals
  rows.push(['', totalLabel, t.purchases, t.refunds, t.visits, t.eco, t.issued, t.redeemed, t.clubFunded, ...money(t)])
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
