import { Timestamp } from 'firebase-admin/firestore'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RecordPurchaseInput } from '../../src/domain/contracts/callable-schemas'
import { DEFAULT_MESSAGE_PREFS, type MessagePrefs } from '../../src/domain/messages/prefs'
import { idOf, paths } from '../../src/domain/shared/paths'
import { ClubConfigSchema } from '../../src/domain/shared/club-config'
import type { PurchaseResult } from '../../src/domain/contracts/callable-results'
import { fanOutClubNews } from '../../functions/src/messages/club-news'
import { dispatchMessage, messageIdOf } from '../../functions/src/messages/dispatch'
import { usePushSender, type PushNote } from '../../functions/src/messages/push'
import { sendReminders } from '../../functions/src/messages/reminders'
import { seedClubData } from '../../scripts/seed-club'
import { writeEvent } from '../../scripts/demo-events'
import { joinedMember, ledgerDocs, memberSince, receiptId, scanned, type Client } from './support/club'
import { moderate, post, report } from './support/community'
import { admin, clearEmulators, closeAdmin, roleClient } from './support/emulators'

// A Tuesday afternoon in Jerusalem (no rest day, no quiet hours), and a Shabbat noon.
const TUESDAY = new Date('2026-11-24T14:00:00+02:00')
const SHABBAT = new Date('2026-11-28T12:00:00+02:00')
const DAY = 86_400_000

let market: Client
let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  ;[market, operator] = await Promise.all([roleClient({ role: 'staff', partnerId: 'super-hashchuna' }), roleClient({ role: 'admin' })])
})

afterEach(() => usePushSender(undefined))

afterAll(async () => {
  await closeAdmin()
})

const db = () => admin().db
const inboxOf = async (uid: string) => (await db().collection(paths.inbox(uid)).get()).docs.map((doc) => ({ id: doc.id, ...doc.data() }) as Record<string, unknown> & { id: string })
const logOf = async (uid: string, kind: string, key: string) => (await db().doc(paths.messageLogEntry(idOf(uid, kind, key))).get()).data()
const config = async () => ClubConfigSchema.parse((await db().doc(paths.clubConfig()).get()).data())

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > until) return value
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('messages from the ledger and from moderation (triggers)', () => {
  it('tells points arrived once per purchase, and pending points approved once', async () => {
    const member = await joinedMember()
    const bought = await market.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', await scanned(member, 40, receiptId()))
    const [entry] = (await ledgerDocs(member.uid)).filter((e) => e.reason === 'purchase')
    const entryId = entry!.id
    const arrived = await eventually(() => inboxOf(member.uid), (messages) => messages.some((m) => m.kind === 'points-arrived'))
    expect(arrived.filter((m) => m.kind === 'points-arrived')).toEqual([
      expect.objectContaining({ id: messageIdOf('points-arrived', entryId), params: { points: bought.points, entryId }, link: '/history' }),
    ])
    // A retried trigger (the same entry) tells nothing more.
    await dispatchMessage(db(), { uid: member.uid, kind: 'points-arrived', params: { points: bought.points }, dedupeKey: entryId })
    expect((await inboxOf(member.uid)).filter((m) => m.kind === 'points-arrived')).toHaveLength(1)

    const held = receiptId()
    expect(await market.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', await scanned(member, 2500, held))).toMatchObject({ status: 'pending' })
    await operator.call('reviewPurchase', { partnerId: 'super-hashchuna', receiptId: held, approve: true, note: 'Checked the invoice' })
    const approved = await eventually(() => inboxOf(member.uid), (messages) => messages.some((m) => m.kind === 'pending-approved'))
    expect(approved.filter((m) => m.kind === 'pending-approved')).toEqual([expect.objectContaining({ params: expect.objectContaining({ points: expect.any(Number) }) })])
    // The approved purchase is not also "points arrived".
    expect(approved.filter((m) => m.kind === 'points-arrived')).toHaveLength(1)
  })

  it('tells a reporter once that their report was decided', async () => {
    const [author, reporter] = await Promise.all([memberSince(30, 'Author'), memberSince(30, 'Reporter')])
    const { postId } = await post(author)
    const { reportId } = await report(reporter, { postId, reason: 'spam' })
    await moderate(operator, { postId, decision: 'delete', note: 'spam' })
    const told = await eventually(() => inboxOf(reporter.uid), (messages) => messages.length > 0)
    expect(told).toEqual([expect.objectContaining({ id: messageIdOf('report-outcome', reportId), kind: 'report-outcome', params: { outcome: 'removed' } })])
    expect(await logOf(author.uid, 'report-outcome', reportId)).toBeUndefined()
  })
})

describe('the nightly reminders', () => {
  it('tells points and a coupon expiring, a tier at risk and an event tomorrow, each once however often it runs', async () => {
    const member = await joinedMember()
    const club = await config()
    // Gold until 10 days after Tuesday, with 200 of the 1,000 points that keep it; 150 points expire in 20 days.
    await db().doc(paths.member(member.uid)).update({
      tierId: 'gold',
      tierYearEnds: '2026-12-04',
      tierReviewOn: '2026-12-04',
      qualifyingMonths: { '2026-11': { points: 200, spend: 200 } },
      nextExpiry: { expiresOn: '2026-12-14', points: 150 },
      nextExpiryOn: '2026-12-14',
    })
    await db().doc(paths.coupon('TESTCOUPON1')).set({ code: 'TESTCOUPON1', uid: member.uid, status: 'active', expiresAt: Timestamp.fromMillis(TUESDAY.getTime() + 3 * DAY) })
    const event = {
      id: `reminder-${Date.now().toString(36)}`,
      title: { he: 'סדנה', en: 'Workshop' },
      description: { he: 'סדנה', en: 'Workshop' },
      startsAt: new Date('2026-11-25T10:00:00+02:00'),
      endsAt: new Date('2026-11-25T12:00:00+02:00'),
      place: { kind: 'partner' as const, partnerId: 'cafe-shachar' },
      capacity: 12,
      tierIds: [],
      image: null,
      maxGuests: 0,
      points: 0,
      status: 'published' as const,
    }
    await writeEvent(db(), event)
    await db().doc(paths.eventAttendee(event.id, member.uid)).set({ uid: member.uid, status: 'going', guests: 0, seats: 1 })

    const run = () => sendReminders(db(), club, TUESDAY, { deadline: Date.now() + 60_000 })
    expect(await run()).toMatchObject({ sent: 4, failures: 0, complete: true })
    expect(await run()).toMatchObject({ sent: 0, held: 0, failures: 0 })
    // Gold written straight onto the member also tells a tier-up (its own trigger): not a reminder.
    const messages = (await inboxOf(member.uid)).filter((m) => m.kind !== 'tier-up')
    expect(Object.fromEntries(messages.map((m) => [m.kind, m.params]))).toEqual({
      'points-expiring': { points: 150, expiresOn: '2026-12-14' },
      'tier-at-risk': { tierId: 'gold', missing: 800, reviewOn: '2026-12-04' },
      'reward-expiring': { couponCode: 'TESTCOUPON1' },
      'event-reminder': { eventId: event.id },
    })
    expect(messages.find((m) => m.kind === 'event-reminder')?.link).toBe(`/community/events/${event.id}`)
  })
})

describe('club news', () => {
  async function announcement(text: string) {
    const ref = db().collection('posts').doc()
    // Written a week back, so the post trigger leaves it to the test's own run.
    await ref.set({ kind: 'announcement', status: 'published', text, authorUid: 'operator', createdAt: Timestamp.fromMillis(Date.now() - 7 * DAY) })
    return ref.id
  }

  it('goes to every member through the dispatcher, page by page: the cap and Shabbat hold some back, with their reasons, once', async () => {
    const [open, capped] = await Promise.all([joinedMember('Open'), joinedMember('Capped')])
    const none: MessagePrefs = { ...DEFAULT_MESSAGE_PREFS, promotionalPerWeek: 0 }
    await capped.call('updateMessagePrefs', { prefs: none })
    const weekday = await announcement('Tuesday news')
    expect(await fanOutClubNews(db(), weekday, { at: TUESDAY, pageSize: 2 })).toMatchObject({ done: true })
    expect(await logOf(open.uid, 'club-news', weekday)).toMatchObject({ sent: true })
    expect(await logOf(capped.uid, 'club-news', weekday)).toMatchObject({ sent: false, reason: 'cap' })
    expect((await inboxOf(open.uid)).map((m) => m.link)).toEqual([`/community/${weekday}`])
    // Rerun: the fan-out is done and nobody hears twice.
    expect(await fanOutClubNews(db(), weekday, { at: TUESDAY })).toEqual({ done: true, sent: 0, held: 0 })

    const onShabbat = await announcement('Shabbat news')
    await fanOutClubNews(db(), onShabbat, { at: SHABBAT, pageSize: 2 })
    expect(await logOf(open.uid, 'club-news', onShabbat)).toMatchObject({ sent: false, reason: 'shabbat' })
    expect(await inboxOf(open.uid)).toHaveLength(1)
  })
})

describe('push', () => {
  it('sends a delivered message to the member’s devices in their language, and logs no-config where the club has no push', async () => {
    const member = await joinedMember('Pushy', { language: 'en' })
    await member.call('updateMessagePrefs', { prefs: { ...DEFAULT_MESSAGE_PREFS, channels: { push: true } } })
    const token = `device-token-${'x'.repeat(40)}`
    expect(await member.call('registerPushToken', { token })).toEqual({ devices: 1, replaced: false })
    const sent: PushNote[][] = []
    usePushSender({ send: async (notes) => (sent.push(notes), { sent: notes.length, staleTokens: [] }) })
    expect(await dispatchMessage(db(), { uid: member.uid, kind: 'points-arrived', params: { points: 40 }, dedupeKey: 'p1', at: TUESDAY })).toEqual({ sent: true, push: 'sent' })
    expect(sent).toEqual([
      [{ token, title: 'Points arrived', body: '40 points were added to your balance.', link: '/history', messageId: messageIdOf('points-arrived', 'p1') }],
    ])
    expect(await logOf(member.uid, 'points-arrived', 'p1')).toMatchObject({ push: 'sent' })
    // A replay of the key pushes nothing.
    await dispatchMessage(db(), { uid: member.uid, kind: 'points-arrived', params: { points: 40 }, dedupeKey: 'p1', at: TUESDAY })
    expect(sent).toHaveLength(1)
    // Quiet hours: the inbox gets it, the phone does not.
    expect(await dispatchMessage(db(), { uid: member.uid, kind: 'points-arrived', params: { points: 1 }, dedupeKey: 'p2', at: new Date('2026-11-24T23:00:00+02:00') })).toEqual({ sent: true })
    expect(sent).toHaveLength(1)

    usePushSender(undefined)
    expect(await dispatchMessage(db(), { uid: member.uid, kind: 'points-arrived', params: { points: 2 }, dedupeKey: 'p3', at: TUESDAY })).toEqual({ sent: true, push: 'no-config' })
    expect(await logOf(member.uid, 'points-arrived', 'p3')).toMatchObject({ sent: true, push: 'no-config' })
  })
})
