/**
 * The words a message carries from its kind's template (src/domain/messages/templates.ts): only
 * what the club set, cleaned when it was dispatched. Apart from the template's schema, so the
 * inbox reads it without loading zod.
 */
export interface MessageText {
  title?: { he: string; en: string }
  body?: { he: string; en: string }
}

/** A message's stored text, read back defensively (the app shows only well-formed texts). */
export function storedMessageText(value: unknown): MessageText | null {
  if (typeof value !== 'object' || value === null) return null
  const localized = (text: unknown) => {
    const { he, en } = (typeof text === 'object' && text !== null ? text : {}) as Record<string, unknown>
    return typeof he === 'string' && typeof en === 'string' && he.length > 0 && en.length > 0 ? { he, en } : undefined
  }
  const { title: rawTitle, body: rawBody } = value as Record<string, unknown>
  const title = localized(rawTitle)
  const body = localized(rawBody)
  if (!title && !body) return null
  return { ...(title ? { title } : {}), ...(body ? { body } : {}) }
}
