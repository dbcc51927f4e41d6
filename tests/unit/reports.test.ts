import { describe, expect, it } from 'vitest'
import {
  emptyFold,
  foldEntries,
  isMemberActivity,
  monthOfEntry,
  partnerBucketOf,
  type ReportEntry,
} from '../../src/domain/reports/ledger-buckets'
import {
  GetSettlementInputSchema,
  SETTLEMENT_CSV_COLUMNS,
  settlementCsv,
  settlementOf,
  shekelsText,
  valueInAgorot,
} from '../../src/domain/reports/settlement'
import { ClubConfigSchema } from '../../src/domain/shared/club-config'
import { demoConfig } from '../../scripts/demo-club'

const TZ = 'Asia/Jerusalem'
const entry = (over: Partial<ReportEntry>): ReportEntry => ({
  uid: 'u1',
  type: 'earn',
  source: 'purchase',
  reason: 'purchase',
  points: 100,
  partnerId: 'cafe',
  shortfall: 0,
  createdAt: new Date('2026-05-10T10:00:00Z'),
  ...over,
})

describe('money in agorot', () => {
  it('values points exactly, rounding half away from zero, and only in integers', () => {
    expect(valueInAgorot(123, { agorot: 5, perPoints: 1 })).toBe(615)
    expect(valueInAgorot(3, { agorot: 1, perPoints: 2 })).toBe(2) // 1.5 → 2
    expect(valueInAgorot(-3, { agorot: 1, perPoints: 2 })).toBe(-2)
    expect(valueInAgorot(1, { agorot: 1, perPoints: 3 })).toBe(0) // 0.33 → 0
    expect(valueInAgorot(2, { agorot: 1, perPoints: 3 })).toBe(1) // 0.67 → 1
    expect(valueInAgorot(0, { agorot: 7, perPoints: 3 })).toBe(0)
    // 0.1 + 0.2 style drift cannot happen: 10,000,001 points at 7/3 agorot.
    expect(valueInAgorot(10_000_001, { agorot: 7, perPoints: 3 })).toBe(23_333_336)
    expect(() => valueInAgorot(1.5, { agorot: 5, perPoints: 1 })).toThrow(RangeError)
  })

  it('writes agorot as shekels without floats', () => {
    expect(shekelsText(0)).toBe('0.00')
    expect(shekelsText(5)).toBe('0.05')
    expect(shekelsText(123456)).toBe('1234.56')
    expect(shekelsText(-1205)).toBe('-12.05')
  })
})

describe('ledger buckets', () => {
  it('counts a refund negative for the partner, including the points the member had already spent', () => {
    const refund = entry({ type: 'reversal', reason: 'purchase_refund', points: -30, shortfall: 70 })
    expect(partnerBucketOf(refund)).toEqual({ bucket: 'refunds', points: 100 })
    const fold = foldEntries(emptyFold(), [entry({}), refund], TZ)
    const cafe = fold.months.get('2026-05')!.partners.cafe!
    expect(cafe.purchases - cafe.refunds).toBe(0)
    // The club's own view keeps what the entries say: 30 reversed, the 70 are the member's debt.
    expect(fold.months.get('2026-05')!.club).toMatchObject({ issued: 100, reversed: 30 })
  })

  it('puts redemptions, visits, eco actions and the club’s programmes in their own columns', () => {
    expect(partnerBucketOf(entry({ type: 'redeem', source: 'reward', reason: 'reward_redemption', points: -250 }))).toEqual({ bucket: 'redeemed', points: 250 })
    expect(partnerBucketOf(entry({ source: 'check-in', reason: 'check_in', points: 10 }))).toEqual({ bucket: 'visits', points: 10 })
    expect(partnerBucketOf(entry({ source: 'check-in', reason: 'visit_streak', points: 50 }))).toEqual({ bucket: 'clubFunded', points: 50 })
    expect(partnerBucketOf(entry({ source: 'eco', reason: 'eco_action', points: 5 }))).toEqual({ bucket: 'eco', points: 5 })
    expect(partnerBucketOf(entry({ source: 'review', reason: 'review', points: 20 }))).toEqual({ bucket: 'clubFunded', points: 20 })
    expect(partnerBucketOf(entry({ partnerId: null }))).toBeNull()
  })

  it('files entries under the club month of their local date, across both changes of clocks', () => {
    // Israel moves to summer time on 27 March 2026: 21:30 UTC on 31 March is already 1 April there.
    expect(monthOfEntry(new Date('2026-03-31T21:30:00Z'), TZ)).toBe('2026-04')
    expect(monthOfEntry(new Date('2026-03-31T20:59:00Z'), TZ)).toBe('2026-03')
    // Back to winter time on 25 October: UTC+2, so 22:30 UTC on 31 October is 1 November.
    expect(monthOfEntry(new Date('2026-10-31T22:30:00Z'), TZ)).toBe('2026-11')
    expect(monthOfEntry(new Date('2026-10-31T21:59:00Z'), TZ)).toBe('2026-10')
  })

  it('keeps each member’s latest own activity, not expiry or gifts', () => {
    expect(isMemberActivity(entry({ type: 'expire', source: 'expiry', reason: 'points_expired' }))).toBe(false)
    expect(isMemberActivity(entry({ source: 'birthday', reason: 'birthday_gift' }))).toBe(false)
    expect(isMemberActivity(entry({ type: 'redeem', source: 'reward' }))).toBe(true)
    const later = new Date('2026-06-01T08:00:00Z')
    const fold = foldEntries(emptyFold(), [entry({ createdAt: later }), entry({}), entry({ type: 'expire', source: 'expiry', points: -5, createdAt: new Date('2026-07-01T00:00:00Z') })], TZ)
    expect(fold.lastActivity.get('u1')).toEqual(later)
    expect(fold.months.get('2026-07')!.club.expired).toBe(5)
  })

  it('folds in pages to the same totals as in one go', () => {
    const entries = Array.from({ length: 50 }, (_, i) =>
      entry({ uid: `u${i % 7}`, points: i + 1, partnerId: i % 3 ? 'cafe' : 'market', createdAt: new Date(Date.UTC(2026, i % 12, 15)) }),
    )
    const whole = foldEntries(emptyFold(), entries, TZ)
    const paged = emptyFold()
    for (let i = 0; i < entries.length; i += 7) foldEntries(paged, entries.slice(i, i + 7), TZ)
    expect(paged).toEqual(whole)
  })
})

describe('settlement', () => {
  const partners = [
    { id: 'cafe', name: { he: 'קפה שחר', en: 'Café Shachar' } },
    { id: 'market', name: { he: '=סופר', en: 'Market' } },
  ]
  const totals = {
    partners: {
      cafe: { purchases: 1001, refunds: 100, visits: 30, eco: 5, redeemed: 333, clubFunded: 20, entries: 9 },
      gone: { purchases: 10, refunds: 0, visits: 0, eco: 0, redeemed: 0, clubFunded: 0, entries: 1 },
    },
  }

  it('charges points issued and credits points redeemed, each rounded once, and sums the rounded lines', () => {
    const statement = settlementOf('2026-05', totals, partners, { settlement: { pointValue: { agorot: 1, perPoints: 2 } } }, null)
    const cafe = statement.lines.find((l) => l.partnerId === 'cafe')!
    expect(cafe.issued).toBe(936)
    expect(cafe.owesAgorot).toBe(468)
    expect(cafe.owedAgorot).toBe(167) // 166.5 → 167
    expect(cafe.balanceAgorot).toBe(301)
    expect(statement.lines.map((l) => l.partnerId)).toEqual(['cafe', 'market', 'gone'])
    expect(statement.totals.balanceAgorot).toBe(statement.lines.reduce((n, l) => n + l.balanceAgorot, 0))
    expect(statement.totals.owesAgorot).toBe(468 + 0 + 5)
  })

  it('writes a CSV with a byte-order mark, Hebrew names and exact shekels, formulas disarmed', () => {
    const statement = settlementOf('2026-05', totals, partners, { settlement: { pointValue: { agorot: 5, perPoints: 1 } } }, null)
    const headers = Object.fromEntries(SETTLEMENT_CSV_COLUMNS.map((c) => [c, c])) as Record<(typeof SETTLEMENT_CSV_COLUMNS)[number], string>
    const csv = settlementCsv(statement, headers, 'he', 'סה"כ')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const rows = csv.slice(1).trimEnd().split('\r\n')
    expect(rows[0]).toBe(SETTLEMENT_CSV_COLUMNS.join(','))
    expect(rows[1]).toBe('cafe,קפה שחר,1001,100,30,5,936,333,20,46.80,16.65,30.15')
    expect(rows[2]).toBe("market,'=סופר,0,0,0,0,0,0,0,0.00,0.00,0.00")
    expect(rows.at(-1)).toBe(',"סה""כ",1011,100,30,5,946,333,20,47.30,16.65,30.65')
  })

  it('takes months as YYYY-MM only', () => {
    for (const month of ['2026-13', '2026-00', '../x', '2026-5', '2026-05-01', '']) {
      expect(GetSettlementInputSchema.safeParse({ month }).success).toBe(false)
    }
    expect(GetSettlementInputSchema.safeParse({ month: '2026-05' }).success).toBe(true)
    expect(GetSettlementInputSchema.safeParse({ month: '2026-05', partnerId: 'x' }).success).toBe(false)
  })

  it('parses a configuration without a point value (0 until set) and the demo club’s 5 agorot', () => {
    const withoutValue: Record<string, unknown> = { ...demoConfig }
    delete withoutValue.settlement
    expect(ClubConfigSchema.parse(withoutValue).settlement).toEqual({ pointValue: { agorot: 0, perPoints: 1 } })
    expect(ClubConfigSchema.parse(demoConfig).settlement.pointValue).toEqual({ agorot: 5, perPoints: 1 })
  })
})
