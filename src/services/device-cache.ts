/**
 * What the device remembers between visits, so the card paints at once and works offline:
 * the session, the member's card and the club's configuration. Cleared on sign-out.
 */
const PREFIX = 'moadon.cache.'

function reviveDates(_key: string, value: unknown): unknown {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) ? new Date(value) : value
}

export function remember<T>(name: string, value: T): void {
  try {
    localStorage.setItem(PREFIX + name, JSON.stringify(value))
  } catch {
    // Storage full or blocked: the app still works, it just paints later next time.
  }
}

export function recall<T>(name: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + name)
    return raw ? (JSON.parse(raw, reviveDates) as T) : null
  } catch {
    return null
  }
}

export function forget(name: string): void {
  localStorage.removeItem(PREFIX + name)
}

export function forgetAll(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key)
}
