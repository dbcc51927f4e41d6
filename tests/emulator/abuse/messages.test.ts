import { doc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MESSAGE_PREFS } from '../../../src/domain/messages/prefs'
import { paths } from '../../../src/domain/shared/paths'
import { dispatchMessage, messageIdOf } from '../../../functions/src/messages/dispatch'
import { seedClubData } from '../../../scripts/seed-club'
import { MAX_PUSH_TOKENS } from '../../../src/domain/messages/push-tokens'
import { failure, joinedMember, memberDoc } from '../support/club'
import { firestoreOf } from '../support/community'
import { admin, clearEmulators, closeAdmin, newClient } from '../support/emulators'

// The inbox's doors as a member with a script would try them: limits outside their range, an id
// that walks out of their own inbox, and the unread count driven below zero by racing calls.
const TUESDAY = new Date('2026-11-24T14:00:00+02:00')

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
})

afterAll(async () => {
  await closeAdmin()
})

describe('updateMessagePrefs under attack', () => {
  it('refuses a cap outside 0–7 however it is written, and times that are no time, changing nothing', async () => {
    const member = await joinedMember()
    // NaN is left out: the web SDK refuses to send it at all.
    for (const promotionalPerWeek of [1e9, 7.5, 1e-9, -0.5, '7', null, 'Infinity']) {
      const refused = await failure(member.call('updateMessagePrefs', { prefs: { ...DEFAULT_MESSAGE_PREFS, promotionalPerWeek } }))
      expect(refused.code, String(promotionalPerWeek)).toBe('invalid-argument')
    }
    for (const start of ['9:00', '21:00\u202E', '21:00:00', '']) {
      const prefs = { ...DEFAULT_MESSAGE_PREFS, quietHours: { start, end: '08:00' } }
      expect((await failure(member.call('updateMessagePrefs', { prefs }))).code).toBe('invalid-argument')
    }
    // Someone else's limits are not a field of the input.
    const other = await joinedMember()
    expect((await failure(member.call('updateMessagePrefs', { prefs: DEFAULT_MESSAGE_PREFS, uid: other.uid }))).code).toBe('invalid-argument')
    expect((await memberDoc(member.uid)).messagePrefs).toBeUndefined()
    expect((await memberDoc(other.uid)).messagePrefs).toBeUndefined()
  })
})

describe('markMessagesRead under attack', () => {
  it('marks nothing outside the caller’s own inbox, whatever the id says', async () => {
    const [member, victim] = await Promise.all([joinedMember(), joinedMember()])
    await dispatchMessage(admin().db, { uid: victim.uid, kind: 'points-arrived', params: { points: 5 }, dedupeKey: 'v', at: TUESDAY })
    const id = messageIdOf('points-arrived', 'v')
    for (const ids of [[`../../${victim.uid}/inbox/${id}`], [`${victim.uid}/inbox/${id}`], ['..'], ['.']]) {
      expect((await failure(member.call('markMessagesRead', { ids }))).code).toBe('invalid-argument')
    }
    expect(await member.call('markMessagesRead', { ids: [id] })).toEqual({ marked: 0, unread: 0 })
    expect((await admin().db.doc(paths.inboxMessage(victim.uid, id)).get()).get('readAt')).toBeNull()
    expect((await memberDoc(victim.uid)).unreadMessages).toBe(1)
  })

  // Eight at once, not twenty: each call that finds the emulator's workers busy starts one more,
  // and twenty cold workers loading the bundle at once time out on a busy machine.
  it('never drives the unread count below zero with racing calls', async () => {
    const member = await joinedMember()
    for (const key of ['a', 'b']) await dispatchMessage(admin().db, { uid: member.uid, kind: 'points-arrived', params: {}, dedupeKey: key, at: TUESDAY })
    const ids = [messageIdOf('points-arrived', 'a'), messageIdOf('points-arrived', 'b')]
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => member.call<object, { marked: number }>('markMessagesRead', i % 2 ? { all: true } : { ids })))
    expect(results.reduce((sum, result) => sum + result.marked, 0)).toBe(2)
    expect((await memberDoc(member.uid)).unreadMessages).toBe(0)
  })
})

const tokensOf = async (uid: string) => (await admin().db.collection(paths.pushTokens(uid)).get()).docs.map((d) => d.get('token') as string).sort()
const tokenOf = (n: number | string) => `fcm-device-${n}-${'a'.repeat(60)}`

describe('push tokens under attack', () => {
  it('refuses junk, huge and smuggled tokens, and a caller who is no member, storing nothing', async () => {
    const member = await joinedMember()
    const junk = ['', 'short', 'a'.repeat(10_000), `${'a'.repeat(40)}/../../x`, `${'a'.repeat(40)}\u202E`, `${'a'.repeat(40)} ${'b'.repeat(40)}`, 42, null, ['a'.repeat(40)]]
    for (const token of junk) expect((await failure(member.call('registerPushToken', { token }))).code, String(token).slice(0, 20)).toBe('invalid-argument')
    expect((await failure(member.call('registerPushToken', { token: tokenOf(1), uid: 'someone-else' }))).code).toBe('invalid-argument')
    expect(await tokensOf(member.uid)).toEqual([])
    const stranger = await newClient()
    expect(await failure(stranger.call('registerPushToken', { token: tokenOf(1) }))).toEqual({ code: 'failed-precondition', reason: 'not-a-member' })
    expect(await tokensOf(stranger.uid!)).toEqual([])
  })

  it('keeps at most MAX_PUSH_TOKENS devices, the newest, however many are sent', async () => {
    const member = await joinedMember()
    for (let i = 0; i < MAX_PUSH_TOKENS + 3; i++) await member.call('registerPushToken', { token: tokenOf(i) })
    const kept = await tokensOf(member.uid)
    expect(kept).toHaveLength(MAX_PUSH_TOKENS)
    expect(kept).toEqual(Array.from({ length: MAX_PUSH_TOKENS }, (_, i) => tokenOf(i + 3)).sort())
  })

  it('never removes another member’s device, and a device one member takes over leaves the other', async () => {
    const [victim, attacker] = await Promise.all([joinedMember(), joinedMember()])
    const token = tokenOf('victim')
    await victim.call('registerPushToken', { token })
    expect(await attacker.call('unregisterPushToken', { token })).toEqual({ removed: false })
    expect(await tokensOf(victim.uid)).toEqual([token])
    // One device, one member: the last to turn notifications on in it (a shared tablet).
    await attacker.call('registerPushToken', { token })
    expect(await tokensOf(attacker.uid)).toEqual([token])
    expect(await tokensOf(victim.uid)).toEqual([])
  })
})

describe('the inbox under direct writes', () => {
  it('denies a member writing their own inbox, unread count, devices or the message log', async () => {
    const member = await joinedMember()
    const db = firestoreOf(member)
    const denied = { code: 'permission-denied', reason: undefined }
    const forged = { kind: 'club-news', category: 'service', params: {}, link: '/', createdAt: serverTimestamp(), readAt: null }
    expect(await failure(setDoc(doc(db, paths.inboxMessage(member.uid, 'forged')), forged))).toEqual(denied)
    expect(await failure(updateDoc(doc(db, paths.member(member.uid)), { unreadMessages: 99 }))).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.pushToken(member.uid, 'forged')), { token: tokenOf('forged') }))).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.messageLogEntry('forged')), { uid: member.uid, sent: true }))).toEqual(denied)
    expect(await failure(setDoc(doc(db, paths.messageWeek(member.uid, '2026-11-22')), { promotional: -5 }))).toEqual(denied)
    expect((await admin().db.collection(paths.inbox(member.uid)).get()).size).toBe(0)
    expect((await memberDoc(member.uid)).unreadMessages ?? 0).toBe(0)
    expect(await tokensOf(member.uid)).toEqual([])
  })
})
