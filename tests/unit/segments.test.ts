import { describe, expect, it } from 'vitest'
import { DEFAULT_SEGMENT_POLICY as P, SegmentPolicySchema, addPurchase, rfmFacts, scoreMember, scoreRfm, segmentOf, type PurchaseStats } from '@/domain/offers/rfm'
import { holdOutDraw, isHeldOut, isSecondPurchase, offerDays, offersFor, targets, type Offer } from '@/domain/offers/offers'
import { promoCodeId, promoRefusal, type PromoCode } from '@/domain/offers/promo-codes'
import { liftCounts, offerLift } from '@/domain/offers/lift'

const TZ = 'Asia/Jerusalem'
const facts = (recencyDays: number | null, frequency: number, monetaryShekels: number) => ({ recencyDays, frequency, monetaryShekels })

describe('RFM scoring', () => {
  it('scores recency 5 at the threshold and 4 a day past it, 1 when never bought', () => {
    expect(scoreRfm(facts(0, 0, 0), P).r).toBe(5)
    expect(scoreRfm(facts(30, 0, 0), P).r).toBe(5)
    expect(scoreRfm(facts(31, 0, 0), P).r).toBe(4)
    expect(scoreRfm(facts(60, 0, 0), P).r).toBe(4)
    expect(scoreRfm(facts(120, 0, 0), P).r).toBe(3)
    expect(scoreRfm(facts(240, 0, 0), P).r).toBe(2)
    expect(scoreRfm(facts(241, 0, 0), P).r).toBe(1)
    expect(scoreRfm(facts(null, 0, 0), P).r).toBe(1)
  })

  it('scores frequency and spend by "at least" each threshold', () => {
    const f = (n: number) => scoreRfm(facts(1, n, 0), P).f
    expect([0, 1, 2, 3, 4, 7, 8, 15, 16, 400].map(f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    const m = (n: number) => scoreRfm(facts(1, 0, n), P).m
    expect([0, 199.99, 200, 499.99, 500, 1500, 3999.99, 4000].map(m)).toEqual([1, 1, 2, 2, 3, 4, 4, 5])
  })

  it('names segments by the rule table, first match first', () => {
    const seg = (r: number, f: number, m: number, freq = 5, joinedOn: string | null = '2020-01-01') =>
      segmentOf({ r, f, m } as never, facts(1, freq, 0), joinedOn, '2026-11-27', P)
    expect(seg(5, 1, 1, 1, '2026-11-10')).toBe('new')
    expect(seg(5, 2, 1, 2, '2026-11-10')).toBe('regular')
    expect(seg(4, 4, 4)).toBe('champions')
    expect(seg(5, 5, 3)).toBe('loyal')
    expect(seg(3, 3, 1)).toBe('loyal')
    expect(seg(2, 3, 5)).toBe('at-risk')
    expect(seg(1, 2, 2)).toBe('hibernating')
    expect(seg(3, 2, 2)).toBe('regular')
    expect(seg(1, 1, 1, 0, '2026-10-28')).toBe('new')
    expect(seg(1, 1, 1, 0, '2026-10-27')).toBe('hibernating')
  })

  it('keeps 13 months of counts and reads the last 12 as the year', () => {
    let stats: PurchaseStats = { lastOn: null, months: {} }
    stats = addPurchase(stats, '2025-10-15', 100)
    stats = addPurchase(stats, '2025-11-30', 50)
    stats = addPurchase(stats, '2026-11-02', 25.5)
    stats = addPurchase(stats, '2026-11-02', 10)
    expect(Object.keys(stats.months).sort()).toEqual(['2025-11', '2026-11'])
    expect(stats.months['2026-11']).toEqual({ count: 2, spend: 35.5 })
    expect(rfmFacts(stats, '2026-11-27')).toEqual({ recencyDays: 25, frequency: 2, monetaryShekels: 35.5 })
    expect(rfmFacts(stats, '2026-10-31')).toEqual({ recencyDays: 0, frequency: 1, monetaryShekels: 50 })
    // A late arrival from the offline queue never moves the last purchase back.
    expect(addPurchase(stats, '2026-10-01', 5).lastOn).toBe('2026-11-02')
    expect(scoreMember(stats, '2024-01-01', '2026-11-27', P)).toMatchObject({ r: 5, f: 2, m: 1, segment: 'regular' })
  })

  it('refuses thresholds that do not rise', () => {
    expect(SegmentPolicySchema.safeParse({ ...P, frequency: [2, 2, 8, 16] }).success).toBe(false)
    expect(SegmentPolicySchema.safeParse(P).success).toBe(true)
  })
})

describe('hold-out', () => {
  it('draws the same number for the same offer and member, every time', async () => {
    expect(await holdOutDraw('offer-a', 'uid-1')).toBe(await holdOutDraw('offer-a', 'uid-1'))
  })

  it('holds out about the configured share, independently between offers', async () => {
    const uids = Array.from({ length: 4000 }, (_, i) => `member-${i}`)
    const a = await Promise.all(uids.map((uid) => isHeldOut({ id: 'offer-a', holdOutPercent: 20 }, uid)))
    const b = await Promise.all(uids.map((uid) => isHeldOut({ id: 'offer-b', holdOutPercent: 20 }, uid)))
    const share = (list: boolean[]) => list.filter(Boolean).length / list.length
    expect(share(a)).toBeGreaterThan(0.17)
    expect(share(a)).toBeLessThan(0.23)
    // Independent: held out of both about 20% × 20% = 4%, not 20%.
    const both = a.filter((held, i) => held && b[i]).length / uids.length
    expect(both).toBeGreaterThan(0.025)
    expect(both).toBeLessThan(0.055)
    expect(await isHeldOut({ id: 'offer-a', holdOutPercent: 0 }, 'member-1')).toBe(false)
  })
})

const offer = (over: Partial<Offer>): Offer => ({
  id: 'o',
  title: { he: 'כ', en: 'T' },
  body: { he: 'ג', en: 'B' },
  kind: 'recognition',
  target: { segments: [], interests: [], tiers: [] },
  membersOnly: true,
  window: { type: 'dates', startsAt: '2026-11-20T00:00:00+02:00', endsAt: '2026-12-01T00:00:00+02:00' },
  bonusPoints: 0,
  discountPercent: 0,
  holdOutPercent: 0,
  active: true,
  ...over,
})

describe('offer windows and targeting', () => {
  it('resolves a Rosh Hashana week from the Hebrew calendar, each year', () => {
    const window = { type: 'holiday' as const, holiday: 'rosh-hashana' as const, daysBefore: 3, days: 7 }
    // 1 Tishrei 5787 is 12 September 2026; 5788 is 2 October 2027.
    expect(offerDays(window, '2026-09-01', TZ)).toEqual({ from: '2026-09-09', to: '2026-09-15' })
    expect(offerDays(window, '2026-09-15', TZ)).toEqual({ from: '2026-09-09', to: '2026-09-15' })
    expect(offerDays(window, '2026-09-16', TZ)).toEqual({ from: '2027-09-29', to: '2027-10-05' })
    expect(offerDays({ type: 'holiday', holiday: 'pesach', daysBefore: 0, days: 7 }, '2026-11-27', TZ)?.from).toBe('2027-04-22')
  })

  it('reads fixed moments as club days, the end moment excluded', () => {
    const days = offerDays(offer({}).window, '2026-11-27', TZ)
    expect(days).toEqual({ from: '2026-11-20', to: '2026-11-30' })
    expect(offerDays(offer({}).window, '2026-12-01', TZ)).toBeNull()
  })

  it('targets any of segments, interests and tiers; empty lists target everyone', () => {
    const member = { segment: 'loyal' as const, interests: ['coffee'], tierId: 'silver' }
    expect(targets(offer({}), member)).toBe(true)
    expect(targets(offer({ target: { segments: ['champions'], interests: [], tiers: [] } }), member)).toBe(false)
    expect(targets(offer({ target: { segments: ['champions'], interests: ['coffee'], tiers: [] } }), member)).toBe(true)
    expect(targets(offer({ target: { segments: [], interests: [], tiers: ['silver'] } }), member)).toBe(true)
    expect(targets(offer({ target: { segments: ['loyal'], interests: [], tiers: [] } }), { ...member, segment: null })).toBe(false)
  })

  it('lists running offers first, upcoming ones within two weeks, never a held-out one', async () => {
    const member = { uid: 'uid-1', segment: 'loyal' as const, interests: [], tierId: 'silver' }
    const soon = offer({ id: 'soon', window: { type: 'dates', startsAt: '2026-12-05T00:00:00+02:00', endsAt: '2026-12-09T00:00:00+02:00' } })
    const far = offer({ id: 'far', window: { type: 'dates', startsAt: '2027-03-01T00:00:00+02:00', endsAt: '2027-03-09T00:00:00+02:00' } })
    const held = offer({ id: 'held', holdOutPercent: 50 })
    const heldOut = await isHeldOut(held, member.uid)
    const shown = await offersFor([soon, far, offer({ id: 'now' }), held, offer({ id: 'off', active: false })], member, '2026-11-27', TZ)
    expect(shown.map((o) => [o.id, o.open])).toEqual([['now', true], ...(heldOut ? [] : [['held', true]]), ['soon', false]])
  })

  it('counts a purchase as a second one within 7 days of the one before', () => {
    expect(isSecondPurchase('2026-11-20', '2026-11-27')).toBe(true)
    expect(isSecondPurchase('2026-11-27', '2026-11-27')).toBe(true)
    expect(isSecondPurchase('2026-11-19', '2026-11-27')).toBe(false)
    expect(isSecondPurchase(null, '2026-11-27')).toBe(false)
  })
})

describe('promo codes', () => {
  it('matches whatever the case and spaces, and refuses control, bidi and invisible characters', () => {
    expect(promoCodeId('  Welcome10 ')).toBe('welcome10')
    expect(promoCodeId('WELCOME10')).toBe('welcome10')
    expect(promoCodeId('WELCOME\u202E10')).toBeNull()
    expect(promoCodeId('WEL\u200BCOME10')).toBeNull()
    expect(promoCodeId('WELCOME10\u0000')).toBeNull()
    expect(promoCodeId('ab')).toBeNull()
    expect(promoCodeId('../x')).toBeNull()
  })

  it('refuses by the code’s window, total uses and thresholds, in that order', () => {
    const code: PromoCode = {
      id: 'vip',
      title: { he: 'א', en: 'A' },
      points: 10,
      totalUses: 2,
      minSpendShekels: 100,
      minTierId: 'gold',
      startsAt: '2026-11-01T00:00:00Z',
      endsAt: '2026-12-01T00:00:00Z',
      active: true,
    }
    const tiers = ['silver', 'gold', 'platinum']
    const index = (id: string) => tiers.indexOf(id)
    const now = new Date('2026-11-27T10:00:00Z')
    const gold = { spendShekels: 100, tierIndex: 1 }
    expect(promoRefusal(code, 0, gold, index, now)).toBeNull()
    expect(promoRefusal(null, 0, gold, index, now)).toBe('promo-unknown')
    expect(promoRefusal({ ...code, active: false }, 0, gold, index, now)).toBe('promo-unknown')
    expect(promoRefusal(code, 0, gold, index, new Date('2026-12-01T00:00:00Z'))).toBe('promo-expired')
    expect(promoRefusal(code, 2, gold, index, now)).toBe('promo-used-up')
    expect(promoRefusal(code, 0, { spendShekels: 99.99, tierIndex: 2 }, index, now)).toBe('promo-threshold')
    expect(promoRefusal(code, 0, { spendShekels: 500, tierIndex: 0 }, index, now)).toBe('promo-threshold')
  })
})

describe('lift', () => {
  it('counts purchases in the first 14 days of a season, the first one as a buyer', () => {
    const assigned = { a: { group: 'exposed' as const, from: '2026-11-20' }, b: { group: 'control' as const, from: '2026-11-01' } }
    expect(liftCounts(assigned, '2026-11-19', '2026-11-27')).toEqual([{ offerId: 'a', from: '2026-11-20', group: 'exposed', firstInWindow: true }])
    expect(liftCounts(assigned, '2026-11-21', '2026-11-27')[0]!.firstInWindow).toBe(false)
    expect(liftCounts(assigned, null, '2026-11-14')).toEqual([{ offerId: 'b', from: '2026-11-01', group: 'control', firstInWindow: true }])
  })

  it('compares the purchase rate and spend per member of the two groups', () => {
    const lift = offerLift(
      'a',
      '2026-11-01',
      { members: 90, buyers: 27, purchases: 40, spendShekels: 1800 },
      { members: 10, buyers: 2, purchases: 2, spendShekels: 100 },
      '2026-11-27',
    )
    expect(lift).toMatchObject({ exposedRate: 30, controlRate: 20, rateLiftPoints: 10, exposedSpendPerMember: 20, controlSpendPerMember: 10, complete: true })
    expect(offerLift('a', '2026-11-20', { members: 5, buyers: 1, purchases: 1, spendShekels: 1 }, { members: 0, buyers: 0, purchases: 0, spendShekels: 0 }, '2026-11-27')).toMatchObject({
      controlRate: null,
      rateLiftPoints: null,
      complete: false,
    })
  })
})
