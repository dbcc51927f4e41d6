import { z } from 'zod'
import { cleanText, graphemeCount } from '../shared/text'
import { MESSAGE_KINDS, isMessageKind, type MessageKind } from './kinds'
import type { MessageText } from './message-text'

/**
 * The club's own words for a kind of inbox message (`messageTemplates/{kind}`, config kind
 * `messageTemplate`). Without one, the inbox says the app's texts (src/i18n/<locale>/messages.ts).
 * A published template is copied into each message when it is dispatched, so a message keeps the
 * words it was sent with; the inbox fills its `{placeholders}` as it fills the app's own texts.
 */

/** The placeholders the inbox fills for each kind (InboxView.vue); a kind not listed takes none. */
export const TEMPLATE_PLACEHOLDERS: Partial<Record<MessageKind, readonly string[]>> = {
  'points-arrived': ['points'],
  'pending-approved': ['points'],
  'tier-up': ['tier'],
  'tier-at-risk': ['tier'],
  'points-expiring': ['points'],
  birthday: ['points'],
  'plan-expiring': ['date'],
}

export function placeholdersOf(kind: MessageKind): readonly string[] {
  return TEMPLATE_PLACEHOLDERS[kind] ?? []
}

export const TEMPLATE_TITLE_MAX = 80
export const TEMPLATE_BODY_MAX = 400

const PLACEHOLDER = /\{([^{}]*)\}/g

/** What is wrong with one text of a template, or null: clean, within its length, known placeholders only. */
export function templateTextProblem(text: string, kind: MessageKind, max: number): string | null {
  if (cleanText(text) !== text) return 'no control, direction or invisible characters, no line breaks, no spaces at the ends'
  if (graphemeCount(text) > max) return `at most ${max} characters`
  if (text.includes('|')) return 'no "|" (the inbox would read it as plural forms)'
  const allowed = placeholdersOf(kind)
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!allowed.includes(name!)) return allowed.length > 0 ? `placeholders: ${allowed.map((p) => `{${p}}`).join(', ')}` : 'this kind of message takes no placeholders'
  }
  if (/[{}]/.test(text.replace(PLACEHOLDER, ''))) return 'braces only around a placeholder'
  return null
}

const TemplateTextSchema = z.object({ he: z.string().min(1), en: z.string().min(1) })

export const MessageTemplateSchema = z
  .object({
    /** The kind of message it words (src/domain/messages/kinds.ts). */
    id: z.string().refine(isMessageKind, { message: `one of: ${MESSAGE_KINDS.join(', ')}` }),
    /** The club's title; absent: the app's. */
    title: TemplateTextSchema.optional(),
    /** The club's text; absent: the app's. */
    body: TemplateTextSchema.optional(),
    active: z.boolean(),
  })
  .superRefine((template, ctx) => {
    if (!isMessageKind(template.id)) return
    for (const field of ['title', 'body'] as const) {
      const text = template[field]
      if (!text) continue
      for (const locale of ['he', 'en'] as const) {
        const problem = templateTextProblem(text[locale], template.id, field === 'title' ? TEMPLATE_TITLE_MAX : TEMPLATE_BODY_MAX)
        if (problem) ctx.addIssue({ code: 'custom', path: [field, locale], message: problem })
      }
    }
  })
export type MessageTemplate = z.infer<typeof MessageTemplateSchema>

/** A stored template as the text to copy into a message, or null (none, inactive or malformed). */
export function messageTextOf(stored: unknown, kind: MessageKind): MessageText | null {
  const parsed = MessageTemplateSchema.safeParse(stored)
  if (!parsed.success || !parsed.data.active || parsed.data.id !== kind) return null
  const clean = (text: { he: string; en: string }) => ({ he: cleanText(text.he), en: cleanText(text.en) })
  const { title, body } = parsed.data
  if (!title && !body) return null
  return { ...(title ? { title: clean(title) } : {}), ...(body ? { body: clean(body) } : {}) }
}
