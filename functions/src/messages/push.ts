import { getMessaging } from 'firebase-admin/messaging'
import type { Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions/v2'
import { linkOf, type MessageKind, type MessageParams } from '../../../src/domain/messages/kinds'
import type { MessageText } from '../../../src/domain/messages/message-text'
import { isLocale, localized, type Locale } from '../../../src/domain/shared/locale'
import { paths } from '../../../src/domain/shared/paths'
import { defaultPlural, formatMessage, resolveMessage, type MessageTree } from '../../../src/i18n/translate'
import { hebrewPlural } from '../../../src/i18n/plural'
import enMessages from '../../../src/i18n/en/messages'
import heMessages from '../../../src/i18n/he/messages'
import { loadClubConfig } from '../club'

/** One notification for one device, already in the member's language. */
export interface PushNote {
  token: string
  title: string
  body: string
  /** The route the notification opens (the message's deep link). */
  link: string
  messageId: string
}

/** What sends notifications: FCM in production; the tests put a fake in its place (there is no FCM emulator). */
export interface PushSender {
  /** Sends each note; answers the tokens FCM says are gone, so they can be forgotten. */
  send(notes: PushNote[]): Promise<{ sent: number; staleTokens: string[] }>
}

/** How a push ended, in the message log: `no-config` where the club has no production push. */
export type PushOutcome = 'sent' | 'no-config' | 'no-device' | 'failed'

const STALE = new Set(['messaging/registration-token-not-registered', 'messaging/invalid-registration-token'])

const fcmSender: PushSender = {
  async send(notes) {
    const response = await getMessaging().sendEach(
      notes.map((note) => ({
        token: note.token,
        // Data only: the app's own service worker shows it (src/sw.ts), with the deep link.
        webpush: { headers: { Urgency: 'normal', TTL: String(3 * 86_400) }, data: { title: note.title, body: note.body, link: note.link, messageId: note.messageId } },
      })),
    )
    const staleTokens = response.responses.flatMap((answer, i) => (!answer.success && STALE.has(answer.error?.code ?? '') ? [notes[i]!.token] : []))
    return { sent: response.successCount, staleTokens }
  },
}

/**
 * A club has production push when its functions are deployed with `PUSH_ENABLED=true` (and the
 * app built with `VITE_FIREBASE_VAPID_KEY`): FCM then runs on the project's own credentials.
 * The emulators have no FCM, so there it is always off.
 */
export function pushConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.FUNCTIONS_EMULATOR !== 'true' && env.PUSH_ENABLED === 'true'
}

let injected: PushSender | null | undefined

/** Puts a sender in place of the configured one (tests); `undefined` goes back to the configuration. */
export function usePushSender(sender: PushSender | null | undefined): void {
  injected = sender
}

function currentSender(): PushSender | null {
  if (injected !== undefined) return injected
  return pushConfigured() ? fcmSender : null
}

const CATALOGUES: Record<Locale, MessageTree> = { he: heMessages as unknown as MessageTree, en: enMessages as unknown as MessageTree }

/**
 * A message's title and body in a language, as the inbox shows them (src/views/InboxView.vue):
 * the club's own words where it published some, else the app's, with the same placeholders.
 */
export function pushText(
  kind: MessageKind,
  params: MessageParams,
  locale: Locale,
  tierName: string,
  own?: MessageText | null,
): { title: string; body: string } {
  const points = Number(params.points ?? 0)
  const tag = locale === 'he' ? 'he-IL' : 'en-US'
  const day = typeof params.expiresOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.expiresOn) ? new Date(`${params.expiresOn}T00:00:00Z`) : null
  const named = {
    tier: tierName,
    points: points.toLocaleString(tag),
    date: day ? new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(day) : '',
  }
  const rule = locale === 'he' ? hebrewPlural : defaultPlural
  const text = (part: 'title' | 'body') => {
    const custom = own?.[part]?.[locale]
    if (custom) return formatMessage(custom, named, undefined, defaultPlural)
    return formatMessage(resolveMessage(CATALOGUES[locale], `inbox.kinds.${kind}.${part}`) ?? '', named, points, rule)
  }
  return { title: text('title'), body: text('body') }
}

/**
 * Sends a delivered message to the member's devices, when the club has push at all. Never throws:
 * the inbox already holds the message, and a push is only a nudge towards it.
 */
export async function sendPush(
  db: Firestore,
  request: { uid: string; kind: MessageKind; params: MessageParams; messageId: string; text?: MessageText | null },
): Promise<PushOutcome> {
  const sender = currentSender()
  if (!sender) return 'no-config'
  try {
    const [tokens, member, config] = await Promise.all([
      db.collection(paths.pushTokens(request.uid)).get(),
      db.doc(paths.member(request.uid)).get(),
      loadClubConfig(db),
    ])
    if (tokens.empty) return 'no-device'
    const language = member.get('language')
    const locale: Locale = isLocale(language) ? language : config.defaultLocale
    const tier = config.tiers.find((candidate) => candidate.id === request.params.tierId)
    const text = pushText(request.kind, request.params, locale, tier ? localized(tier.name, locale) : String(request.params.tierId ?? ''), request.text)
    const link = linkOf(request.kind, request.params)
    const notes = tokens.docs.map((doc) => ({ token: String(doc.get('token')), ...text, link, messageId: request.messageId }))
    const { sent, staleTokens } = await sender.send(notes)
    const stale = new Set(staleTokens)
    await Promise.all(tokens.docs.filter((doc) => stale.has(String(doc.get('token')))).map((doc) => doc.ref.delete()))
    return sent > 0 ? 'sent' : 'failed'
  } catch (error) {
    logger.warn('push failed', { uid: request.uid, kind: request.kind, error: String(error) })
    return 'failed'
  }
}
