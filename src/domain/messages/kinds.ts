/**
 * What the club may tell a member, and how each is treated. A service message answers something
 * the member did or owns (their points, tier, coupons, reports): it is never held back. A
 * promotional one asks for attention: it counts against the member's weekly cap and waits out
 * quiet hours, Shabbat and holidays. Pure data: the app (texts, links) and the functions
 * (the dispatcher) read the same table.
 */
import type { MessageText } from './message-text'

export const MESSAGE_KINDS = [
  'points-arrived',
  'pending-approved',
  'tier-up',
  'tier-at-risk',
  'reward-expiring',
  'points-expiring',
  'birthday',
  'event-reminder',
  'club-news',
  'report-outcome',
  'plan-expiring',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export type MessageCategory = 'service' | 'promotional'

/** Values a producer passes for the text and the link (a tier id, a number of points, an event id). */
export type MessageParams = Record<string, string | number>

interface KindSpec {
  category: MessageCategory
  /** The screen the message opens: a route path, from the message's params where it names one thing. */
  link: (params: MessageParams) => string
}

const fixed = (path: string) => () => path

export const MESSAGE_KIND_SPECS: Record<MessageKind, KindSpec> = {
  'points-arrived': { category: 'service', link: fixed('/history') },
  'pending-approved': { category: 'service', link: fixed('/history') },
  'tier-up': { category: 'service', link: fixed('/tiers') },
  'tier-at-risk': { category: 'service', link: fixed('/tiers') },
  'reward-expiring': { category: 'service', link: fixed('/coupons') },
  'points-expiring': { category: 'service', link: fixed('/history') },
  // The birthday gift is the member's by the club's rules, so its greeting is never held back.
  birthday: { category: 'service', link: fixed('/') },
  // A reminder of an event the member RSVPed to: they asked to come, so it is the member's own
  // business like their coupons, and never held back (an invitation to an event would be promotional).
  'event-reminder': {
    category: 'service',
    link: (params) => (typeof params.eventId === 'string' ? `/community/events/${encodeURIComponent(params.eventId)}` : '/community/events'),
  },
  // An operator's announcement: it asks for attention, so it is capped. It opens the announcement itself.
  'club-news': {
    category: 'promotional',
    link: (params) => (typeof params.postId === 'string' ? `/community/${encodeURIComponent(params.postId)}` : '/community'),
  },
  'report-outcome': { category: 'service', link: fixed('/community') },
  // The member's own paid plan running out: service, so a reminder they paid for is never held back.
  'plan-expiring': { category: 'service', link: fixed('/plans') },
}

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (MESSAGE_KINDS as readonly string[]).includes(value)
}

export function categoryOf(kind: MessageKind): MessageCategory {
  return MESSAGE_KIND_SPECS[kind].category
}

export function linkOf(kind: MessageKind, params: MessageParams = {}): string {
  return MESSAGE_KIND_SPECS[kind].link(params)
}

/** A message in the member's inbox as the app shows it (server-written, `members/{uid}/inbox/{id}`). */
export interface InboxMessage {
  id: string
  kind: MessageKind
  category: MessageCategory
  params: MessageParams
  link: string
  createdAt: Date
  readAt: Date | null
  /** The club's own words for this kind when it published some (src/domain/messages/templates.ts). */
  text?: MessageText | null
}
