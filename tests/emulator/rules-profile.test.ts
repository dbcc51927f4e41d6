import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { Timestamp, deleteField, doc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { INTERESTS_MAX } from '@/domain/members/join'
import { paths } from '@/domain/shared/paths'
import { NAME_MAX_UNITS, validateName } from '@/domain/shared/text'
import { rulesTestEnvironment } from './support/rules'

// Every member-writable field of members/{uid}, through the rules: what a script with the web SDK
// and a member's own sign-in could write past the app. A project of its own, cleared per test.
const PROJECT_ID = 'demo-moadon-rules-profile'
let env: RulesTestEnvironment

const CLUB_INTERESTS = Array.from({ length: INTERESTS_MAX + 2 }, (_, i) => `interest-${i}`)

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.clubConfig()), { interestIds: ['coffee', 'books', 'kids', ...CLUB_INTERESTS] })
    await setDoc(doc(db, paths.member('alice')), {
      uid: 'alice',
      name: 'Alice Levi',
      interests: ['coffee'],
      language: 'he',
      consents: { marketing: false },
      preferences: {},
      balance: 0,
      updatedAt: Timestamp.now(),
    })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const write = (patch: Record<string, unknown>) =>
  updateDoc(doc(env.authenticatedContext('alice').firestore(), paths.member('alice')), { ...patch, updatedAt: serverTimestamp() })

const KB40 = 'x'.repeat(40 * 1024)

describe('name', () => {
  // Every one of these passes the domain validator too: the app never writes a name the rules refuse.
  const good = [
    'Alice Cohen',
    'יוֹסֵף כֹּהֵן',
    'מוחמד חלבי',
    'Dana 👩‍💻',
    'Noa 👩🏽‍💻 🏳️‍🌈',
    'Gal ❤️',
    'Tal 🧑‍🤝‍🧑',
    'Rona 🏳️‍⚧️',
    'Yael 🇮🇱',
    `Dana ${'👨‍👩‍👧'.repeat(10)}`,
    'אֱלִיעֶזֶר'.repeat(6),
    'Ewan 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
    'Ren\u00E9',
    '<b>Dana</b>',
    'א'.repeat(60),
  ]
  it.each(good)('accepts %s', async (name) => {
    expect(validateName(name)).toEqual({ ok: true, name })
    await assertSucceeds(write({ name }))
  })

  it.each([
    ['too long', 'x'.repeat(NAME_MAX_UNITS + 1)],
    ['61 letters', 'א'.repeat(61)],
    ['a 40 KB string', KB40],
    ['one character', 'A'],
    ['a number', 42],
    ['a list', ['Alice']],
    ['a map', { first: 'Alice' }],
    ['null', null],
    ['a bell (C0 control)', 'Alice\u0007'],
    ['a line break', 'Alice\nLevi'],
    ['a C1 control', 'Alice\u009B'],
    ['U+202E (right-to-left override)', 'Alice\u202EiveL'],
    ['U+202A (left-to-right embedding)', '\u202AAlice'],
    ['an isolate (U+2067)', 'Alice\u2067Levi\u2069'],
    ['a right-to-left mark', 'אליס\u200F'],
    ['a zero-width space', 'Al\u200Bice'],
    ['a byte-order mark', '\uFEFFAlice'],
    ['a word joiner', 'Ali\u2060ce'],
    ['ZWJ between letters', 'Al\u200Dice'],
    ['ZWNJ', 'Al\u200Cice'],
    ['a stray variation selector', 'Alice\uFE0F'],
    ['hidden tag characters', 'Alice\u{E0068}\u{E0069}'],
    ['a Hangul filler', 'Alice\u3164'],
    ['a private-use character', 'Alice\uE000'],
    ['only digits', '12345'],
    ['only emoji', '🦄🦄'],
  ])('refuses a name that is %s', async (_label, name) => {
    await assertFails(write({ name }))
  })

  it('refuses deleting the name', async () => {
    await assertFails(write({ name: deleteField() }))
  })
})

describe('interests', () => {
  it('accepts interests from the club list, up to the maximum, and none at all', async () => {
    await assertSucceeds(write({ interests: ['books', 'kids'] }))
    await assertSucceeds(write({ interests: CLUB_INTERESTS.slice(0, INTERESTS_MAX) }))
    await assertSucceeds(write({ interests: [] }))
  })
  it.each([
    ['an interest the club does not offer', ['coffee', 'skydiving']],
    ['too many', CLUB_INTERESTS.slice(0, INTERESTS_MAX + 1)],
    ['the same interest twice', ['coffee', 'coffee']],
    ['markup', ['<img src=x onerror=alert(1)>']],
    ['a 5,000-character string', ['x'.repeat(5000)]],
    ['a 40 KB string', [KB40]],
    ['U+202E', ['coffee\u202E']],
    ['a control character', ['coffee\u0000']],
    ['a number', [7]],
    ['a map', [{ id: 'coffee' }]],
    ['a string instead of a list', 'coffee'],
    ['a map instead of a list', { 0: 'coffee' }],
  ])('refuses %s', async (_label, interests) => {
    await assertFails(write({ interests }))
  })
})

describe('language', () => {
  it('accepts Hebrew and English', async () => {
    await assertSucceeds(write({ language: 'en' }))
    await assertSucceeds(write({ language: 'he' }))
  })
  it.each([
    ['another language', 'fr'],
    ['a number', 42],
    ['a list', ['he']],
    ['U+202E', 'he\u202E'],
    ['a 40 KB string', KB40],
  ])('refuses %s', async (_label, language) => {
    await assertFails(write({ language }))
  })
})

describe('consents', () => {
  it('accepts the marketing consent as a boolean', async () => {
    await assertSucceeds(write({ consents: { marketing: true } }))
  })
  it.each([
    ['a string', { marketing: 'yes' }],
    ['a 40 KB string', { marketing: KB40 }],
    ['an unknown consent', { marketing: true, sms: true }],
    ['no marketing answer', {}],
    ['a boolean instead of a map', true],
  ])('refuses %s', async (_label, consents) => {
    await assertFails(write({ consents }))
  })
})

describe('preferences', () => {
  it('accepts the known keys with their types, and none', async () => {
    await assertSucceeds(write({ preferences: { reminders: true } }))
    await assertSucceeds(write({ preferences: {} }))
  })
  it.each([
    ['a 40 KB string under a known key', { reminders: KB40 }],
    ['a 40 KB string under an unknown key', { notes: KB40 }],
    ['an unknown key', { theme: 'dark' }],
    ['a wrong type', { reminders: 'yes' }],
    ['a nested map', { reminders: { on: true } }],
    ['many keys', Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, true]))],
    ['a list instead of a map', ['reminders']],
  ])('refuses %s', async (_label, preferences) => {
    await assertFails(write({ preferences }))
  })
})

describe('judging only what changes', () => {
  it('lets a member whose stored name predates these rules still change their language', async () => {
    await env.withSecurityRulesDisabled(async (context) => {
      await updateDoc(doc(context.firestore(), paths.member('alice')), { name: 'A\u200Blice' })
    })
    await assertSucceeds(write({ language: 'en' }))
    await assertFails(write({ name: 'A\u200Blice Levi' }))
  })
  it('refuses a profile update stamped with the client clock', async () => {
    await assertFails(
      updateDoc(doc(env.authenticatedContext('alice').firestore(), paths.member('alice')), { language: 'en', updatedAt: Timestamp.now() }),
    )
  })
})
