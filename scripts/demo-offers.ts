// The demo club's offers and promo code, and the segment scoring run over its members.
import type { Firestore } from 'firebase-admin/firestore'
import { OfferSchema, type Offer } from '../src/domain/offers/offers'
import { PromoCodeSchema, type PromoCode } from '../src/domain/offers/promo-codes'
import type { ClubConfig } from '../src/domain/shared/club-config'
import { paths } from '../src/domain/shared/paths'
import { runSegmentScoring } from '../functions/src/offers/score-run'

const DAY = 24 * 60 * 60 * 1000
const iso = (at: number) => new Date(at).toISOString()

/**
 * Recognition for the champions (no discount: early access), a Rosh Hashana week offer for
 * everyone, and a bonus for buying again within a week; each holds out a control group.
 */
export function demoOffers(now = new Date()): Offer[] {
  const t = now.getTime()
  return [
    {
      id: 'champions-early-access',
      title: { he: 'גישה מוקדמת למבצע החורף', en: 'Early access to the winter sale' },
      body: {
        he: 'בזכות הנאמנות שלך: אפשר לקנות במבצע החורף יומיים לפני כולם, בכל החנויות השותפות.',
        en: 'Thanks for your loyalty: shop the winter sale two days before everyone else, at every partner store.',
      },
      kind: 'recognition',
      target: { segments: ['champions'], interests: [], tiers: [] },
      membersOnly: true,
      window: { type: 'dates', startsAt: iso(t - 2 * DAY), endsAt: iso(t + 30 * DAY) },
      bonusPoints: 0,
      discountPercent: 0,
      holdOutPercent: 10,
      active: true,
    },
    {
      id: 'rosh-hashana-week',
      title: { he: 'שבוע ראש השנה', en: 'Rosh Hashana week' },
      body: { he: '10% הנחה על סלי שי לחג בסופר השכונה.', en: '10% off holiday gift baskets at Super HaShchuna.' },
      kind: 'discount',
      target: { segments: [], interests: [], tiers: [] },
      membersOnly: true,
      window: { type: 'holiday', holiday: 'rosh-hashana', daysBefore: 5, days: 7 },
      bonusPoints: 0,
      discountPercent: 10,
      holdOutPercent: 10,
      active: true,
    },
    {
      id: 'come-back-this-week',
      title: { he: 'חוזרים השבוע?', en: 'Back this week?' },
      body: {
        he: 'קנייה נוספת באחת החנויות תוך 7 ימים מהקנייה הקודמת מזכה בבונוס נקודות.',
        en: 'Buy again at any partner store within 7 days of your last purchase and get bonus points.',
      },
      kind: 'second-purchase',
      target: { segments: ['loyal', 'regular', 'new', 'champions'], interests: [], tiers: [] },
      membersOnly: true,
      window: { type: 'dates', startsAt: iso(t - DAY), endsAt: iso(t + 60 * DAY) },
      bonusPoints: 50,
      discountPercent: 0,
      holdOutPercent: 20,
      active: true,
    },
  ]
}

export function demoPromoCodes(now = new Date()): PromoCode[] {
  return [
    {
      id: 'welcome10',
      title: { he: 'ברוכים הבאים למועדון', en: 'Welcome to the club' },
      points: 100,
      totalUses: 1000,
      minSpendShekels: 0,
      minTierId: null,
      startsAt: iso(now.getTime() - DAY),
      endsAt: iso(now.getTime() + 180 * DAY),
      active: true,
    },
  ]
}

/** Writes the offers and codes, then scores the members as the nightly run would. */
export async function seedDemoOffers(db: Firestore, config: ClubConfig, now = new Date()): Promise<void> {
  const batch = db.batch()
  for (const offer of demoOffers(now)) batch.set(db.doc(paths.offer(offer.id)), OfferSchema.parse(offer))
  for (const code of demoPromoCodes(now)) batch.set(db.doc(paths.promoCode(code.id)), { ...PromoCodeSchema.parse(code), uses: 0 })
  await batch.commit()
  await runSegmentScoring(db, config, now)
}
