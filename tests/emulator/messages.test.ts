import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordPurchaseInput } from '../../src/domain/contracts/callable-schemas'
import { DEFAULT_MESSAGE_PREFS, type MarkMessagesReadResult, type MessagePrefs, type UpdateMessagePrefsResult } from '../../src/domain/messages/prefs'
import { idOf, paths } from '../../src/domain/shared/paths'
import type { PurchaseResult } from '../../functions/src/purchases/record'
import { dispatchMessage, messageIdOf } from '../../functions/src/messages/dispatch'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, memberDoc, receiptId, scanned, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'

// A Tuesday afternoon in Jerusalem (no rest day, no quiet hours), and a Shabbat noon.
const TUESDAY = new Date('2026-11-24T14:00:00+02:00')
const SHABBAT = new Date('2026-11-28T12:00:00+02:00')

let market: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  market = await roleClient({ role: 'staff', partnerId: 'super-hashchuna' })
})

afterAll(async () => {
  await closeAdmin()
})

const db = () => admin().db
const inbox = async (uid: string) => (await db().collection(paths.inbox(uid)).get()).docs
const logOf = async (uid: string, kind: string, key: string) => (await db().doc(paths.messageLogEntry(idOf(uid, kind, key))).get()).data()
const logs = async (uid: string) => (await db().collection('messageLog').where('uid', '==', uid).get()).docs.map((doc) => doc.data())

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > until) return value
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('dispatchMessage', () => {
  it('refuses the third promotion in a week with reason cap, and logs all three', async () => {
    const member = await joinedMember()
    const send = (key: string, at: Date) => dispatchMessage(db(), { uid: member.uid, kind: 'club-news', params: { newsId: key }, dedupeKey: key, at })
    expect(await send('news-1', TUESDAY)).toEqual({ sent: true })
    expect(await send('news-2', new Date(TUESDAY.getTime() + 60_000))).toEqual({ sent: true })
    expect(await send('news-3', new Date(TUESDAY.getTime() + 120_000))).toEqual({ sent: false, reason: 'cap' })
    expect((await inbox(member.uid)).map((doc) => doc.id).sort()).toEqual([messageIdOf('club-news', 'news-1'), messageIdOf('club-news', 'news-2')])
    expect(await logOf(member.uid, 'club-news', 'news-3')).toMatchObject({ sent: false, reason: 'cap', category: 'promotional' })
    expect((await logs(member.uid)).filter((log) => log.sent === true)).toHaveLength(2)
    expect((await memberDoc(member.uid)).unreadMessages).toBe(2)
    // The next week starts from 0.
    expect(await send('news-4', new Date(TUESDAY.getTime() + 7 * 86_400_000))).toEqual({ sent: true })
  })

  it('refuses a promotion on Shabbat and logs it, and delivers a service message', async () => {
    const member = await joinedMember()
    expect(await dispatchMessage(db(), { uid: member.uid, kind: 'club-news', params: {}, dedupeKey: 'sale', at: SHABBAT })).toEqual({
      sent: false,
      reason: 'shabbat',
    })
    expect(await logOf(member.uid, 'club-news', 'sale')).toMatchObject({ sent: false, reason: 'shabbat' })
    expect(await dispatchMessage(db(), { uid: member.uid, kind: 'points-arrived', params: { points: 40 }, dedupeKey: 'r-1', at: SHABBAT })).toEqual({
      sent: true,
    })
    const [message] = await inbox(member.uid)
    expect(message?.data()).toMatchObject({ kind: 'points-arrived', category: 'service', params: { points: 40 }, link: '/history', readAt: null })
    expect(await logOf(member.uid, 'points-arrived', 'r-1')).toMatchObject({ sent: true, reason: null })
  })

  it('sends once under 20 parallel calls with one key', async () => {
    const member = await joinedMember()
    const results = await Promise.all(
      Array.from({ length: 20 }, () => dispatchMessage(db(), { uid: member.uid, kind: 'club-news', params: {}, dedupeKey: 'once', at: TUESDAY })),
    )
    expect(results.every((result) => result.sent)).toBe(true)
    expect(await inbox(member.uid)).toHaveLength(1)
    expect(await logs(member.uid)).toHaveLength(1)
    expect((await memberDoc(member.uid)).unreadMessages).toBe(1)
    const week = (await db().collection(`${paths.member(member.uid)}/messageWeeks`).get()).docs.map((doc) => doc.data().promotional)
    expect(week).toEqual([1])
  })

  it('follows the limits the member set, and logs a message to nobody', async () => {
    const member = await joinedMember()
    const prefs: MessagePrefs = { ...DEFAULT_MESSAGE_PREFS, promotionalPerWeek: 0 }
    await member.call<object, UpdateMessagePrefsResult>('updateMessagePrefs', { prefs })
    expect(await dispatchMessage(db(), { uid: member.uid, kind: 'club-news', params: { postId: 'x' }, dedupeKey: 'e', at: TUESDAY })).toEqual({
      sent: false,
      reason: 'cap',
    })
    expect(await dispatchMessage(db(), { uid: 'nobody', kind: 'tier-up', params: {}, dedupeKey: 'k', at: TUESDAY })).toEqual({ sent: false, reason: 'no-member' })
    expect(await logOf('nobody', 'tier-up', 'k')).toMatchObject({ sent: false, reason: 'no-member' })
  })
})

describe('the tier-up message', () => {
  it('lands in the inbox once when a purchase moves the member up, with a link to the tiers', async () => {
    const member = await joinedMember()
    const first = await market.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', await scanned(member, 1000, receiptId()))
    expect(first).toMatchObject({ tierId: 'gold' })
    // Each purchase also tells its points (tests/emulator/message-producers.test.ts): only the tier-ups count here.
    const tierUps = async () => (await inbox(member.uid)).filter((doc) => doc.get('kind') === 'tier-up')
    const messages = await eventually(tierUps, (docs) => docs.length > 0)
    // A later purchase in the same tier says nothing more.
    await market.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', await scanned(member, 10, receiptId()))
    await eventually(() => inbox(member.uid), (docs) => docs.length >= 3)
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect((await tierUps()).map((doc) => doc.data())).toEqual([
      expect.objectContaining({ kind: 'tier-up', category: 'service', params: { tierId: 'gold' }, link: '/tiers', readAt: null }),
    ])
    expect(messages).toHaveLength(1)
    expect((await memberDoc(member.uid)).unreadMessages).toBe(3)
  })

  it('says nothing when the tier goes down', async () => {
    const member = await joinedMember()
    await db().doc(paths.member(member.uid)).update({ tierId: 'gold' })
    await eventually(() => inbox(member.uid), (docs) => docs.length > 0)
    await db().doc(paths.member(member.uid)).update({ tierId: 'silver' })
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect((await inbox(member.uid)).map((doc) => doc.get('params'))).toEqual([{ tierId: 'gold' }])
  })
})

describe('updateMessagePrefs and markMessagesRead', () => {
  it('stores valid limits and refuses others, changing nothing', async () => {
    const member = await joinedMember()
    const prefs: MessagePrefs = { promotionalPerWeek: 5, quietHours: { start: '22:30', end: '07:00' }, restDays: false, channels: { push: true } }
    expect(await member.call('updateMessagePrefs', { prefs })).toEqual({ prefs })
    for (const bad of [
      { ...prefs, promotionalPerWeek: 8 },
      { ...prefs, promotionalPerWeek: -1 },
      { ...prefs, quietHours: { start: '24:00', end: '07:00' } },
      { ...prefs, channels: { push: 'yes' } },
      { ...prefs, unreadMessages: 0 },
    ]) {
      expect((await failure(member.call('updateMessagePrefs', { prefs: bad }))).code).toBe('invalid-argument')
    }
    expect((await memberDoc(member.uid)).messagePrefs).toEqual(prefs)
    const stranger = await newClient({ signUp: false })
    expect((await failure(stranger.call('updateMessagePrefs', { prefs }))).code).toBe('unauthenticated')
    const notJoined = await newClient()
    expect(await failure(notJoined.call('updateMessagePrefs', { prefs }))).toEqual({ code: 'failed-precondition', reason: 'not-a-member' })
  })

  it('marks messages read, lowering the unread count never below 0', async () => {
    const member = await joinedMember()
    for (const key of ['a', 'b', 'c']) await dispatchMessage(db(), { uid: member.uid, kind: 'points-arrived', params: { points: 5 }, dedupeKey: key, at: TUESDAY })
    const a = messageIdOf('points-arrived', 'a')
    const mark = (input: object) => member.call<object, MarkMessagesReadResult>('markMessagesRead', input)
    expect(await mark({ ids: [a, a, 'missing'] })).toEqual({ marked: 1, unread: 2 })
    expect(await mark({ ids: [a] })).toEqual({ marked: 0, unread: 2 })
    expect((await db().doc(paths.inboxMessage(member.uid, a)).get()).get('readAt')).not.toBeNull()
    expect(await mark({ all: true })).toEqual({ marked: 2, unread: 0 })
    expect(await mark({ all: true })).toEqual({ marked: 0, unread: 0 })
    expect((await memberDoc(member.uid)).unreadMessages).toBe(0)
    for (const bad of [{ ids: [] }, { ids: ['../x'] }, { ids: ['a/b'] }, { all: false }, {}]) {
      expect((await failure(mark(bad))).code).toBe('invalid-argument')
    }
    // Another member's message ids name nothing in this member's inbox.
    const other = await joinedMember()
    await dispatchMessage(db(), { uid: other.uid, kind: 'points-arrived', params: {}, dedupeKey: 'z', at: TUESDAY })
    expect(await mark({ ids: [messageIdOf('points-arrived', 'z')] })).toEqual({ marked: 0, unread: 0 })
    expect((await memberDoc(other.uid)).unreadMessages).toBe(1)
  })
})
