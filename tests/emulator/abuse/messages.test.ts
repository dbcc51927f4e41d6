import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MESSAGE_PREFS } from '../../../src/domain/messages/prefs'
import { paths } from '../../../src/domain/shared/paths'
import { dispatchMessage, messageIdOf } from '../../../functions/src/messages/dispatch'
import { seedClubData } from '../../../scripts/seed-club'
import { failure, joinedMember, memberDoc } from '../support/club'
import { admin, clearEmulators, closeAdmin } from '../support/emulators'

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
