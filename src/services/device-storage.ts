/**
 * Everything the app keeps on the device, in one place, so that one `forgetAll()` on sign-out
 * leaves nothing of the member (or of the till) behind: the card key, the caches that paint the
 * card before Firebase loads, the till's queue and id, and the ids of actions still waiting for an
 * answer. What says nothing about a member stays: the language, a dismissed install invitation,
 * and an invitation link opened before signing up (the friend's first name and code, needed
 * through sign-up, which starts signed out).
 */
import { isLocale, pickLocale, type Locale } from '@/domain/shared/locale'

const PREFIX = 'moadon.'
const LOCALE_KEY = `${PREFIX}locale`
const KEEP = new Set([LOCALE_KEY, 'moadon.install.dismissedAt', 'moadon.referral'])

/** The keys, named once: each part of the app asks for its own slot. */
export const DEVICE_KEYS = {
  cache: (name: string) => `${PREFIX}cache.${name}`,
  cardKey: (uid: string) => `${PREFIX}cardKey.${uid}`,
  tillQueue: `${PREFIX}till.queue`,
  tillId: `${PREFIX}till.id`,
  /** Request ids of actions sent but not yet answered for good (a redemption, a coupon at the till). */
  intents: (kind: string) => `${PREFIX}intents.${kind}`,
} as const

function reviveDates(_key: string, value: unknown): unknown {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) ? new Date(value) : value
}

/**
 * The language on screen: the choice made on this device, else the browser's, else Hebrew (the
 * club is Israeli). One rule for the boot scripts, the landing page and the app.
 */
export function deviceLocale(): Locale {
  // Outside a browser (unit tests in node import the formatting composables) nothing is stored.
  if (typeof localStorage === 'undefined') return 'he'
  try {
    const stored = localStorage.getItem(LOCALE_KEY)
    if (isLocale(stored)) return stored
  } catch {
    // Blocked storage: the browser's language decides.
  }
  return pickLocale(navigator.languages ?? [navigator.language], 'he')
}

/** Remembers the language chosen on this device (kept through sign-out). */
export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, locale)
  } catch {
    // Blocked storage: the choice lasts this visit.
  }
}

export function readJson<T>(key: string, options: { dates?: boolean } = {}): T | null {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw, options.dates ? reviveDates : undefined) as T) : null
  } catch {
    return null
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Storage full or blocked: the app still works, it just forgets sooner.
  }
}

export function removeKey(key: string): void {
  try {
    localStorage.removeItem(key)
  } catch {
    // Blocked storage holds nothing to remove.
  }
}

/** The card as last seen, the session, the club's configuration: painted before Firebase loads. */
export function remember<T>(name: string, value: T): void {
  writeJson(DEVICE_KEYS.cache(name), value)
}

export function recall<T>(name: string): T | null {
  return readJson<T>(DEVICE_KEYS.cache(name), { dates: true })
}

export function forget(name: string): void {
  removeKey(DEVICE_KEYS.cache(name))
}

/** Parts that hold device data in memory (a store's queue, a running camera) forget with it. */
const inMemory = new Set<() => void>()

/** Registers what to clear from memory on `forgetAll()`; returns the unregister. */
export function onForgetAll(clear: () => void): () => void {
  inMemory.add(clear)
  return () => inMemory.delete(clear)
}

/** Sign-out: every key of ours except device preferences, and everything registered in memory. */
export function forgetAll(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX) && !KEEP.has(key)) localStorage.removeItem(key)
  } catch {
    // Blocked storage holds nothing to remove.
  }
  for (const clear of [...inMemory]) clear()
}

/**
 * How long an unanswered intent stays the same intent. A retry follows a lost answer within
 * minutes; the same reward redeemed tomorrow is a new redemption (by then the first coupon, if it
 * was issued, is in the member's list).
 */
export const INTENT_TTL_MS = 60 * 60 * 1000

type OpenIntents = Record<string, { id: string; at: number }>

function openIntents(kind: string): OpenIntents {
  const stored = readJson<OpenIntents>(DEVICE_KEYS.intents(kind)) ?? {}
  const now = Date.now()
  return Object.fromEntries(Object.entries(stored).filter(([, v]) => typeof v?.id === 'string' && now - v.at < INTENT_TTL_MS))
}

function saveIntents(kind: string, open: OpenIntents) {
  if (Object.keys(open).length > 0) writeJson(DEVICE_KEYS.intents(kind), open)
  else removeKey(DEVICE_KEYS.intents(kind))
}

/**
 * One request id per user intent ("redeem this reward", "accept this coupon"), kept on the device
 * across retries and reloads until the server settles it, so a retry after a lost answer returns
 * the first result instead of doing it twice.
 */
export function intentRequestId(kind: string, subject: string): string {
  const open = openIntents(kind)
  const existing = open[subject]
  if (existing) return existing.id
  const id = crypto.randomUUID()
  saveIntents(kind, { ...open, [subject]: { id, at: Date.now() } })
  return id
}

/** The intent got its answer (done, or refused for good): the next tap is a new intent. */
export function settleIntent(kind: string, subject: string): void {
  const open = openIntents(kind)
  delete open[subject]
  saveIntents(kind, open)
}
