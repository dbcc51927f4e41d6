import { DEVICE_KEYS, deviceLocale, readJson } from '@/services/device-storage'
import { LOCALE_DIRECTION, type Locale, type LocalizedText } from '@/domain/shared/locale'

/**
 * What the boot scripts read from the device before any framework runs: the same keys the app
 * writes (src/services/device-storage.ts, the session, member and club stores), read
 * synchronously from localStorage so the first frame can already hold the card.
 */

export type BootMode = 'card' | 'landing' | 'app'

export interface BootCard {
  uid: string
  memberNo: string
  name: string
  balance: number
  pendingPoints: number
  /** The card key as stored (base64). */
  key: string
  clubName: LocalizedText | null
  logo: string
  tier: { name: LocalizedText; color: string } | null
}

interface StoredSession {
  uid?: unknown
  role?: unknown
}
interface StoredMember {
  member?: { uid?: unknown; memberNo?: unknown; name?: unknown; balance?: unknown; pendingPoints?: unknown; tierId?: unknown }
}
interface StoredClub {
  name?: LocalizedText
  logo?: string
  tiers?: { id: string; name: LocalizedText; color: string }[]
}

/** The language on screen (the same rule as the app's). */
export const bootLocale = deviceLocale

export function localeDirection(locale: Locale): 'rtl' | 'ltr' {
  return LOCALE_DIRECTION[locale]
}

/** The card as this device last saw it, when everything it needs is here; null otherwise. */
export function bootCard(): BootCard | null {
  const session = readJson<StoredSession>(DEVICE_KEYS.cache('session'))
  if (!session || typeof session.uid !== 'string' || session.role !== 'member') return null
  const m = readJson<StoredMember>(DEVICE_KEYS.cache('member'))?.member
  if (!m || m.uid !== session.uid || typeof m.memberNo !== 'string' || typeof m.balance !== 'number') return null
  const stored = readJson<{ key?: unknown }>(DEVICE_KEYS.cardKey(session.uid))
  if (!stored || typeof stored.key !== 'string') return null
  const club = readJson<StoredClub>(DEVICE_KEYS.cache('club'))
  const tier = club?.tiers?.find((t) => t.id === m.tierId) ?? null
  return {
    uid: session.uid,
    memberNo: m.memberNo,
    name: typeof m.name === 'string' ? m.name : '',
    balance: m.balance,
    pendingPoints: typeof m.pendingPoints === 'number' ? m.pendingPoints : 0,
    key: stored.key,
    clubName: club?.name ?? null,
    logo: typeof club?.logo === 'string' ? club.logo : '/brand/logo.svg',
    tier: tier ? { name: tier.name, color: tier.color } : null,
  }
}

/** Whether any session is remembered on this device (a member, staff or an operator). */
export function sessionRemembered(): boolean {
  const session = readJson<StoredSession>(DEVICE_KEYS.cache('session'))
  return typeof session?.uid === 'string'
}

/**
 * The card for a member returning to `/`, the club's landing page for a visitor there with no
 * session on this device, and the app itself for everything else.
 */
export function bootMode(path: string): { mode: BootMode; card?: BootCard } {
  if (path !== '/') return { mode: 'app' }
  const card = bootCard()
  if (card) return { mode: 'card', card }
  return { mode: sessionRemembered() ? 'app' : 'landing' }
}
