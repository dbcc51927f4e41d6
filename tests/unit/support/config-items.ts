// One seeded item of every kind of configuration, in the JSON form the callables carry.
import { toConfigJson, type ConfigKind, type JsonObject } from '@/domain/admin/config-items'
import { demoCharities, demoConfig, demoPartners, demoPlans, demoRewards, demoSurveys } from '../../../scripts/demo-club'
import { demoEvents } from '../../../scripts/demo-events'
import { demoHunt } from '../../../scripts/demo-hunt'
import { demoOffers, demoPromoCodes } from '../../../scripts/demo-offers'

const NOW = new Date('2026-11-01T10:00:00Z')

export function demoItems(): Record<ConfigKind, JsonObject> {
  const day = 24 * 60 * 60 * 1000
  return {
    club: toConfigJson(demoConfig),
    partner: toConfigJson(demoPartners[0]!),
    reward: toConfigJson(demoRewards.find((r) => r.valueShekels !== null && r.partnerId !== null) ?? demoRewards[0]!),
    survey: toConfigJson(demoSurveys(NOW)[0] as unknown as Record<string, unknown>),
    hunt: toConfigJson(demoHunt(NOW)),
    event: toConfigJson(demoEvents(NOW, 'Asia/Jerusalem')[0]!),
    charity: toConfigJson(demoCharities(NOW).find((c) => c.campaigns.length > 0)!),
    competition: {
      id: 'winter-photos',
      title: { he: 'תחרות צילום חורפית', en: 'Winter photo competition' },
      description: { he: 'הצילום הכי יפה', en: 'The most beautiful photo' },
      submitFrom: NOW.getTime() - 5 * day,
      submitUntil: NOW.getTime() - day,
      voteUntil: NOW.getTime() + 2 * day,
      prizes: [500, 200],
      winnersBy: 'votes',
    },
    plan: toConfigJson(demoPlans.find((plan) => plan.priceAgorot > 0)!),
    offer: toConfigJson(demoOffers(NOW).find((offer) => offer.window.type === 'holiday')!),
    promoCode: toConfigJson(demoPromoCodes(NOW)[0]!),
    messageTemplate: {
      id: 'tier-up',
      title: { he: 'הדרגה החדשה שלך: {tier}', en: 'Welcome to {tier}' },
      body: { he: 'ההטבות החדשות שלך מחכות במסך הדרגות.', en: 'Your new benefits are waiting on the tiers screen.' },
      active: true,
    },
  }
}

