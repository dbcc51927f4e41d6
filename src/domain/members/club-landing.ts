import type { ClubConfig, Partner } from '../shared/club-config'
import type { LocalizedText } from '../shared/locale'

/**
 * What the visitors' landing page shows about the club (`/club/landing.json`, served by the
 * `clubLanding` function): only what the club publishes anyway — its name, tiers, active partner
 * stores and the joining offers. Never a member, a secret or a limit an abuser could tune against.
 * The landing page's script keeps the last answer on the device, so everything here is checked
 * again by `readClubLanding` when it comes back from the network or from storage.
 */
export interface ClubLanding {
  version: typeof CLUB_LANDING_VERSION
  name: LocalizedText
  tagline: LocalizedText
  /** What tier thresholds count: qualifying points or ₪ spent. */
  tierMeasure: 'points' | 'spend'
  tiers: { id: string; name: LocalizedText; color: string; threshold: number; benefits: LocalizedText[] }[]
  partners: { id: string; name: LocalizedText; category: string; address: LocalizedText }[]
  pointsPerShekel: number
  welcomePoints: number
  /** The friend's gift with a first purchase of at least `minSpendShekels`; null when referrals are off. */
  referral: { friendPoints: number; minSpendShekels: number } | null
}

export const CLUB_LANDING_VERSION = 1
export const LANDING_LIMITS = { tiers: 8, benefits: 6, partners: 40, text: 120 } as const

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/
const COLOR = /^#[0-9a-fA-F]{6}$/

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, LANDING_LIMITS.text) : null
}

function localizedText(value: unknown): LocalizedText | null {
  if (!value || typeof value !== 'object') return null
  const { he, en } = value as Record<string, unknown>
  const both = { he: text(he), en: text(en) }
  return both.he && both.en ? { he: both.he, en: both.en } : null
}

function amount(value: unknown, max = 1_000_000): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max ? value : null
}

function list<T>(value: unknown, limit: number, item: (entry: Record<string, unknown>) => T | null): T[] {
  if (!Array.isArray(value)) return []
  return value
    .slice(0, limit)
    .map((entry) => (entry && typeof entry === 'object' ? item(entry as Record<string, unknown>) : null))
    .filter((entry): entry is T => entry !== null)
}

/** The public part of the configuration and the active partners, as the landing page shows them. */
export function clubLandingOf(config: ClubConfig, partners: readonly Partner[]): ClubLanding {
  return {
    version: CLUB_LANDING_VERSION,
    name: config.name,
    tagline: config.tagline,
    tierMeasure: config.tierMeasure,
    tiers: config.tiers.slice(0, LANDING_LIMITS.tiers).map((tier) => ({
      id: tier.id,
      name: tier.name,
      color: tier.color,
      threshold: tier.threshold,
      benefits: tier.benefits.slice(0, LANDING_LIMITS.benefits),
    })),
    partners: partners
      .filter((partner) => partner.active)
      .sort((a, b) => a.name.he.localeCompare(b.name.he, 'he'))
      .slice(0, LANDING_LIMITS.partners)
      .map((partner) => ({ id: partner.id, name: partner.name, category: partner.category, address: partner.address })),
    pointsPerShekel: config.earning.pointsPerShekel,
    welcomePoints: config.welcomeGift.points,
    referral: config.referrals.enabled
      ? { friendPoints: config.referrals.friendWelcomePoints, minSpendShekels: config.referrals.minQualifyingSpendShekels }
      : null,
  }
}

/**
 * A landing answer read back from the network or the device, or null when it is not one: every
 * field checked and cut to its limits, items that don't parse left out, so nothing stored or
 * served can put more than text of a bounded length on the page.
 */
export function readClubLanding(value: unknown): ClubLanding | null {
  if (!value || typeof value !== 'object') return null
  const data = value as Record<string, unknown>
  const name = localizedText(data.name)
  const tagline = localizedText(data.tagline)
  const pointsPerShekel = amount(data.pointsPerShekel, 100)
  const welcomePoints = amount(data.welcomePoints)
  if (data.version !== CLUB_LANDING_VERSION || !name || !tagline || pointsPerShekel === null || welcomePoints === null) return null
  const referral = data.referral as Record<string, unknown> | null | undefined
  const friendPoints = amount(referral?.friendPoints)
  const minSpendShekels = amount(referral?.minSpendShekels)
  return {
    version: CLUB_LANDING_VERSION,
    name,
    tagline,
    tierMeasure: data.tierMeasure === 'spend' ? 'spend' : 'points',
    tiers: list(data.tiers, LANDING_LIMITS.tiers, (tier) => {
      const tierName = localizedText(tier.name)
      const threshold = amount(tier.threshold, 100_000_000)
      if (typeof tier.id !== 'string' || !ID.test(tier.id) || !tierName || threshold === null) return null
      return {
        id: tier.id,
        name: tierName,
        color: typeof tier.color === 'string' && COLOR.test(tier.color) ? tier.color : '#5f6b76',
        threshold,
        benefits: list(tier.benefits, LANDING_LIMITS.benefits, localizedText),
      }
    }),
    partners: list(data.partners, LANDING_LIMITS.partners, (partner) => {
      const partnerName = localizedText(partner.name)
      const address = localizedText(partner.address)
      if (typeof partner.id !== 'string' || !ID.test(partner.id) || !partnerName || !address || typeof partner.category !== 'string') return null
      return { id: partner.id, name: partnerName, category: partner.category.slice(0, 40), address }
    }),
    pointsPerShekel,
    welcomePoints,
    referral: friendPoints !== null && minSpendShekels !== null ? { friendPoints, minSpendShekels } : null,
  }
}
