// The birthday: the nightly gift once per member-year (reruns, 10 runs at once, points or a
// coupon), the 30-day wait, `setBirthday` once and `correctBirthday` for operators, and no direct
// write of the birthday from the app.
import { FieldValue, Timestamp } from 'firebase-admin/firestore'
import { connectFirestoreEmulator, doc, getFirestore, serverTimestamp, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BirthdayResult } from '../../src/domain/members/birthday-schema'
import { localDate } from '../../src/domain/shared/calendar'
import type { ClubConfig } from '../../src/domain/shared/club-config'
import { COLLECTIONS, LEDGER_IDS, idOf, paths } from '../../src/domain/shared/paths'
import { EMULATOR_PORTS } from '../../src/domain/shared/platform'
import { runMaintenance } from '../../functions/src/maintenance/run'
import { joinMember } from '../../functions/src/members/join-member'
import { messageIdOf } from '../../functions/src/messages/dispatch'
import { demoConfig } from '../../scripts/demo-club'
import { EMULATOR_HOST } from '../../scripts/lib/emulator-admin'
import { seedClubData, seedDemoClub } from '../../scripts/seed-club'
import { failure, joinedMember, ledgerDocs, memberDoc, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'

const DAY = 86_400_000
let operator: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  operator = await roleClient({ role: 'admin' })
})

afterAll(async () => {
  await closeAdmin()
})

const today = () => localDate(new Date(), demoConfig.timeZone)
const thisMonth = () => today().slice(0, 7)
const nextYearsWindow = () => `${Number(today().slice(0, 4)) + 1}-${today().slice(5, 7)}-01`
/** Born on the 1st of this month (a day every month has). */
const bornThisMonth = () => `1990-${today().slice(5, 7)}-01`

/**
 * A member who joined `daysAgo` days ago with `birthday` (the join sets it, and its wait starts
 * then); 200 days: long enough to have waited, too short for the welcome points to expire.
 */
async function memberWithBirthday(birthday: string | null, daysAgo = 200) {
  const email = `bday${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.test`
  const user = await admin().auth.createUser({ email, password: 'secret-123' })
  const joined = await joinMember(admin().db, {
    uid: user.uid,
    email,
    input: { name: 'Birthday Member', birthday, interests: ['coffee'], language: 'en', marketingConsent: false, referralCode: null },
    config: demoConfig,
    now: new Date(Date.now() - daysAgo * DAY),
    random: Math.random,
  })
  const client = await newClient({ signIn: { email, password: 'secret-123' } })
  return { ...client, uid: user.uid, memberNo: joined.memberNo }
}

const birthdayEntries = async (uid: string) => (await ledgerDocs(uid)).filter((e) => e.reason === 'birthday_gift')
const marker = (uid: string, giftYear: number) => admin().db.doc(paths.birthdayGift(uid, giftYear)).get()
const greetings = async (uid: string) =>
  (await admin().db.collection(`${paths.member(uid)}/${COLLECTIONS.inbox}`).where('kind', '==', 'birthday').get()).docs

async function activeCouponsOf(uid: string) {
  return (await admin().db.collection(COLLECTIONS.coupons).where('uid', '==', uid).where('status', '==', 'active').get()).docs
}

describe('the birthday gift', () => {
  it('comes once in the birthday month, under reruns and 10 runs at once, with one greeting', async () => {
    const member = await memberWithBirthday(bornThisMonth())
    const year = Number(today().slice(0, 4))
    const balance = (await memberDoc(member.uid)).balance as number
    expect((await memberDoc(member.uid)).birthdayGiftOn <= today()).toBe(true)

    const now = new Date()
    const parallel = await Promise.all(Array.from({ length: 10 }, () => runMaintenance(admin().db, demoConfig, now)))
    // The emulator may end a contended transaction ("invalid or closed") where Firestore retries
    // it: such a run counts a failure and leaves the member to the next run, never a second gift.
    expect(parallel.reduce((sum, stats) => sum + stats.birthdayGifts, 0)).toBeLessThanOrEqual(1)
    await runMaintenance(admin().db, demoConfig, now)
    await operator.call('runMaintenance', {})

    const entries = await birthdayEntries(member.uid)
    expect(entries.map((e) => e.id)).toEqual([LEDGER_IDS.birthday(year)])
    expect(entries[0]!.points).toBe(demoConfig.earning.birthdayGift.points)
    const after = await memberDoc(member.uid)
    expect(after.balance).toBe(balance + demoConfig.earning.birthdayGift.points)
    expect(after.birthdayGiftYear).toBe(year)
    expect(after.birthdayGiftOn).toBe(nextYearsWindow())
    expect((await marker(member.uid, year)).get('kind')).toBe('points')
    const told = await greetings(member.uid)
    expect(told.map((d) => d.id)).toEqual([messageIdOf('birthday', idOf('birthday', member.uid, year))])

    // The same month next year: the next gift, once.
    const nextYear = new Date(Date.UTC(year + 1, Number(today().slice(5, 7)) - 1, 15, 12))
    await Promise.all(Array.from({ length: 3 }, () => runMaintenance(admin().db, demoConfig, nextYear)))
    expect((await birthdayEntries(member.uid)).map((e) => e.id).sort()).toEqual([LEDGER_IDS.birthday(year), LEDGER_IDS.birthday(year + 1)].sort())
  })

  it('gives nothing outside the birthday month, late or early, and keeps the member out of the query until then', async () => {
    // Two months ago: the first window after the join has passed without a run (a missed month).
    const otherMonth = `1990-${String(((Number(today().slice(5, 7)) + 9) % 12) + 1).padStart(2, '0')}-15`
    const member = await memberWithBirthday(otherMonth)
    expect((await memberDoc(member.uid)).birthdayGiftOn <= today()).toBe(true)
    const balance = (await memberDoc(member.uid)).balance
    await runMaintenance(admin().db, demoConfig, new Date())
    const giftOn = (await memberDoc(member.uid)).birthdayGiftOn as string
    expect(giftOn > today()).toBe(true)
    expect(giftOn.slice(5)).toBe(`${otherMonth.slice(5, 7)}-01`)
    await runMaintenance(admin().db, demoConfig, new Date())
    expect(await birthdayEntries(member.uid)).toEqual([])
    expect(await memberDoc(member.uid)).toMatchObject({ birthdayGiftOn: giftOn, balance })
  })

  it('waits until next year for a birthday set 10 days ago', async () => {
    const member = await memberWithBirthday(null)
    const set = await member.call<object, BirthdayResult>('setBirthday', { birthday: bornThisMonth() })
    expect(set).toEqual({ birthday: bornThisMonth(), calendar: 'gregorian', nextGiftOn: nextYearsWindow() })
    // Even looked at this month (as if set 10 days ago and due), the job skips it to next year.
    const ref = admin().db.doc(paths.member(member.uid))
    await ref.update({ birthdaySetAt: Timestamp.fromMillis(Date.now() - 10 * DAY), birthdayGiftOn: `${thisMonth()}-01` })
    const balance = (await memberDoc(member.uid)).balance
    await runMaintenance(admin().db, demoConfig, new Date())
    expect(await birthdayEntries(member.uid)).toEqual([])
    expect((await marker(member.uid, Number(today().slice(0, 4)))).exists).toBe(false)
    const after = await memberDoc(member.uid)
    expect(after.balance).toBe(balance)
    expect(after.birthdayGiftOn).toBe(nextYearsWindow())
  })

  it('puts a member stored before the schedule (a month-day key, no birthdayGiftOn) on it, and pays once', async () => {
    const member = await memberWithBirthday(null)
    const ref = admin().db.doc(paths.member(member.uid))
    await ref.update({ birthday: bornThisMonth(), birthdayKey: bornThisMonth().slice(5), birthdaySetAt: FieldValue.delete(), birthdayGiftOn: FieldValue.delete() })
    await Promise.all(Array.from({ length: 3 }, () => runMaintenance(admin().db, demoConfig, new Date())))
    expect(await birthdayEntries(member.uid)).toHaveLength(1)
    const after = await memberDoc(member.uid)
    expect(after.birthdayKey).toBeUndefined()
    expect(after.birthdayGiftOn).toBe(nextYearsWindow())
  })

  it('a coupon gift issues one coupon, without points, and keeps activeCoupons right', async () => {
    await admin().db.doc(paths.reward('birthday-cake')).set({
      id: 'birthday-cake',
      name: { he: 'עוגת יום הולדת', en: 'Birthday cake' },
      description: { he: 'פרוסת עוגה', en: 'A slice of cake' },
      kind: 'item',
      cost: 500,
      valueShekels: null,
      partnerId: 'cafe-shachar',
      tierIds: [],
      stock: 3,
      image: '/rewards/cake.svg',
      active: true,
    })
    const config: ClubConfig = { ...demoConfig, earning: { ...demoConfig.earning, birthdayGift: { points: 100, rewardId: 'birthday-cake', window: 'month' } } }
    const member = await memberWithBirthday(bornThisMonth())
    const year = Number(today().slice(0, 4))
    const before = await memberDoc(member.uid)
    expect(before.activeCoupons).toBe(0)

    const now = new Date()
    await Promise.all(Array.from({ length: 10 }, () => runMaintenance(admin().db, config, now)))
    await runMaintenance(admin().db, config, now)

    const coupons = await activeCouponsOf(member.uid)
    expect(coupons).toHaveLength(1)
    expect(coupons[0]!.data()).toMatchObject({ rewardId: 'birthday-cake', cost: 0, gift: 'birthday', redemptionEntryId: null, status: 'active' })
    const after = await memberDoc(member.uid)
    expect(after.activeCoupons).toBe(1)
    expect(after.balance).toBe(before.balance)
    expect(await birthdayEntries(member.uid)).toEqual([])
    expect((await marker(member.uid, year)).data()).toMatchObject({ kind: 'coupon', couponCode: coupons[0]!.id })
    expect((await admin().db.doc(paths.reward('birthday-cake')).get()).get('stock')).toBe(2)
  })
})

describe('setBirthday', () => {
  it('sets the birthday once, and refuses a second set and a future date, changing nothing', async () => {
    const member = await joinedMember('Once Only')
    const future = `${Number(today().slice(0, 4)) + 1}-01-01`
    expect(await failure(member.call('setBirthday', { birthday: future }))).toMatchObject({ code: 'invalid-argument' })
    expect(await failure(member.call('setBirthday', { birthday: '1899-01-01' }))).toMatchObject({ code: 'invalid-argument' })
    expect(await failure(member.call('setBirthday', { birthday: '1990-02-30' }))).toMatchObject({ code: 'invalid-argument' })
    expect(await failure(member.call('setBirthday', { birthday: '1990-05-05', calendar: 'julian' }))).toMatchObject({ code: 'invalid-argument' })
    expect((await memberDoc(member.uid)).birthday).toBeNull()

    const set = await member.call<object, BirthdayResult>('setBirthday', { birthday: '1990-04-10', calendar: 'hebrew' })
    expect(set.calendar).toBe('hebrew')
    const stored = await memberDoc(member.uid)
    expect(stored).toMatchObject({ birthday: '1990-04-10', birthdayCalendar: 'hebrew', birthdayGiftOn: set.nextGiftOn })
    expect(stored.birthdaySetAt.toMillis()).toBeGreaterThan(Date.now() - 5 * 60_000)

    expect(await failure(member.call('setBirthday', { birthday: '1990-11-27' }))).toEqual({ code: 'failed-precondition', reason: 'birthday-already-set' })
    expect(await memberDoc(member.uid)).toEqual(stored)
  })

  it('needs a signed-in member', async () => {
    const visitor = await newClient({ signUp: false })
    expect((await failure(visitor.call('setBirthday', { birthday: '1990-05-05' }))).code).toBe('unauthenticated')
    const stranger = await newClient()
    expect(await failure(stranger.call('setBirthday', { birthday: '1990-05-05' }))).toEqual({ code: 'not-found', reason: 'not-a-member' })
  })
})

describe('the rules', () => {
  it('refuse any direct write of the birthday and its schedule, even where none is stored', async () => {
    const member = await joinedMember('Direct Writer')
    const db = getFirestore(member.app)
    connectFirestoreEmulator(db, EMULATOR_HOST, EMULATOR_PORTS.firestore)
    const before = await memberDoc(member.uid)
    for (const patch of [
      { birthday: bornThisMonth() },
      { birthday: bornThisMonth(), birthdayKey: bornThisMonth().slice(5) },
      { birthdayCalendar: 'hebrew' },
      { birthdaySetAt: serverTimestamp() },
      { birthdayGiftOn: '2000-01-01' },
      { birthdayGiftYear: 2099 },
    ]) {
      expect(await failure(updateDoc(doc(db, paths.member(member.uid)), { ...patch, updatedAt: serverTimestamp() }))).toEqual({ code: 'permission-denied' })
    }
    expect(await memberDoc(member.uid)).toEqual(before)
    // The profile itself is still the member's to edit.
    await updateDoc(doc(db, paths.member(member.uid)), { name: 'Direct Writer Two', updatedAt: serverTimestamp() })
    expect((await memberDoc(member.uid)).name).toBe('Direct Writer Two')
  })
})

describe('correctBirthday', () => {
  it('is for operators only, needs a reason, and changes nothing when refused', async () => {
    const member = await memberWithBirthday('1990-05-05')
    const before = await memberDoc(member.uid)
    const input = { memberNo: member.memberNo, birthday: '1990-06-06', calendar: 'gregorian', reason: 'Typed the wrong month' }
    expect((await failure(member.call('correctBirthday', input))).code).toBe('permission-denied')
    const staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
    expect((await failure(staff.call('correctBirthday', input))).code).toBe('permission-denied')
    expect((await failure(operator.call('correctBirthday', { ...input, reason: '' }))).code).toBe('invalid-argument')
    expect((await failure(operator.call('correctBirthday', { ...input, birthday: '2999-01-01' }))).code).toBe('invalid-argument')
    expect(await memberDoc(member.uid)).toEqual(before)
  })

  it('corrects it with an audit entry, and never pays a second gift in a year that had one', async () => {
    const member = await memberWithBirthday(bornThisMonth())
    const year = Number(today().slice(0, 4))
    await runMaintenance(admin().db, demoConfig, new Date())
    expect(await birthdayEntries(member.uid)).toHaveLength(1)

    // Moved to another day of this month, by the Hebrew date or not: the next gift is next year's.
    const corrected = await operator.call<object, BirthdayResult>('correctBirthday', {
      memberNo: member.memberNo,
      birthday: `1990-${today().slice(5, 7)}-02`,
      calendar: 'gregorian',
      reason: 'The member showed an ID card',
    })
    expect(corrected.nextGiftOn! > `${year}-12-31`).toBe(true)
    const after = await memberDoc(member.uid)
    expect(after).toMatchObject({ birthday: `1990-${today().slice(5, 7)}-02`, birthdayCalendar: 'gregorian', birthdayGiftOn: corrected.nextGiftOn })
    await runMaintenance(admin().db, demoConfig, new Date())
    expect(await birthdayEntries(member.uid)).toHaveLength(1)

    const audit = await admin().db.collection(COLLECTIONS.audit).where('action', '==', 'correctBirthday').where('memberUid', '==', member.uid).get()
    expect(audit.docs).toHaveLength(1)
    expect(audit.docs[0]!.data()).toMatchObject({
      actor: { uid: operator.uid, role: 'admin' },
      target: member.memberNo,
      details: { before: bornThisMonth(), birthday: `1990-${today().slice(5, 7)}-02`, calendar: 'gregorian', reason: 'The member showed an ID card' },
    })
  })
})

describe('the demo club', () => {
  it("gives Dana, whose birthday is this month, her gift and greeting on the seed's maintenance run", async () => {
    await seedDemoClub(admin().db, admin().auth)
    const year = Number(today().slice(0, 4))
    const dana = await memberDoc('demo-dana')
    expect(dana.birthday.slice(5, 7)).toBe(today().slice(5, 7))
    expect(dana.birthdayGiftOn).toBe(nextYearsWindow())
    expect((await birthdayEntries('demo-dana')).map((e) => e.id)).toEqual([LEDGER_IDS.birthday(year)])
    expect(await greetings('demo-dana')).toHaveLength(1)
  }, 180_000)
})
