import { FieldValue, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import {
  isValidBirthday,
  nextBirthdayWindow,
  type BirthdayCalendar,
  type BirthdayProfile,
} from '../../../src/domain/members/birthday'
import type { BirthdayResult } from '../../../src/domain/members/birthday-schema'
import { paths } from '../../../src/domain/shared/paths'
import { recordAudit, type AuditActor } from '../admin/audit'
import { invalidField } from '../lib/errors'

/** The member's birthday as the rules need it, or null when none is stored. */
export function birthdayOf(member: DocumentSnapshot, timeZone: string): { profile: BirthdayProfile; setOn: string } | null {
  const birthday = member.get('birthday')
  if (typeof birthday !== 'string') return null
  const calendar: BirthdayCalendar = member.get('birthdayCalendar') === 'hebrew' ? 'hebrew' : 'gregorian'
  // A birthday stored before `birthdaySetAt` existed was set at the join at the latest.
  const setAt = member.get('birthdaySetAt') ?? member.get('joinedAt')
  const setOn = setAt instanceof Timestamp ? localDate(setAt.toDate(), timeZone) : '1900-01-01'
  return { profile: { birthday, calendar }, setOn }
}

/** When the nightly job looks at the member next: the opening of their next window that counts. */
export function birthdayScheduleFields(
  profile: BirthdayProfile,
  config: ClubConfig,
  setOn: string,
  from: string,
): { birthdayGiftOn: string | null } {
  return { birthdayGiftOn: nextBirthdayWindow(profile, config.earning.birthdayGift.window, setOn, from)?.opensOn ?? null }
}

function checkedToday(birthday: string, config: ClubConfig, now: Date): string {
  const today = localDate(now, config.timeZone)
  // The schema judged the date by the latest day on Earth; the club's own day decides.
  if (!isValidBirthday(birthday, today)) throw invalidField('birthday', 'a real past date as YYYY-MM-DD, age 0–120')
  return today
}

/**
 * The member sets their birthday, once: it waits BIRTHDAY_WAIT_DAYS before a window counts, so a
 * birthday set now never pays this month's gift. Changing it afterwards is the club's
 * (`correctBirthday`).
 */
export async function setMemberBirthday(
  db: Firestore,
  params: { uid: string; birthday: string; calendar: BirthdayCalendar; config: ClubConfig; now: Date },
): Promise<BirthdayResult> {
  const { uid, birthday, calendar, config, now } = params
  const today = checkedToday(birthday, config, now)
  const ref = db.doc(paths.member(uid))
  return db.runTransaction(async (tx) => {
    const member = await tx.get(ref)
    if (!member.exists) throw new HttpsError('not-found', 'Join the club first.', { reason: 'not-a-member' })
    if (member.get('birthday') != null) {
      throw new HttpsError('failed-precondition', 'The birthday is already set; the club can correct it.', { reason: 'birthday-already-set' })
    }
    const schedule = birthdayScheduleFields({ birthday, calendar }, config, today, today)
    const at = Timestamp.fromDate(now)
    tx.update(ref, { birthday, birthdayCalendar: calendar, birthdaySetAt: at, ...schedule, updatedAt: at })
    return { birthday, calendar, nextGiftOn: schedule.birthdayGiftOn }
  })
}

/**
 * An operator corrects a member's birthday (or sets one for them), with the reason in the audit.
 * The wait counts from when the member first set it; a member who had a gift this calendar year
 * gets the next one next year, whatever the new date.
 */
export async function correctMemberBirthday(
  db: Firestore,
  params: { uid: string; birthday: string; calendar: BirthdayCalendar; reason: string; actor: AuditActor; config: ClubConfig; now: Date },
): Promise<BirthdayResult> {
  const { uid, birthday, calendar, config, now } = params
  const today = checkedToday(birthday, config, now)
  const year = Number(today.slice(0, 4))
  const ref = db.doc(paths.member(uid))
  return db.runTransaction(async (tx) => {
    const member = await tx.get(ref)
    if (!member.exists) throw new HttpsError('not-found', 'No such member.', { reason: 'unknown-member' })
    const stored = member.get('birthdaySetAt')
    const setAt = stored instanceof Timestamp && member.get('birthday') != null ? stored : Timestamp.fromDate(now)
    const setOn = localDate(setAt.toDate(), config.timeZone)
    const from = Number(member.get('birthdayGiftYear') ?? 0) >= year ? `${year + 1}-01-01` : today
    const schedule = birthdayScheduleFields({ birthday, calendar }, config, setOn, from)
    const at = Timestamp.fromDate(now)
    tx.update(ref, { birthday, birthdayCalendar: calendar, birthdaySetAt: setAt, ...schedule, birthdayCorrectedAt: at, updatedAt: at })
    recordAudit(tx, db, {
      actor: params.actor,
      action: 'correctBirthday',
      memberUid: uid,
      partnerId: null,
      target: String(member.get('memberNo') ?? uid),
      details: {
        before: typeof member.get('birthday') === 'string' ? member.get('birthday') : null,
        beforeCalendar: member.get('birthdayCalendar') === 'hebrew' ? 'hebrew' : 'gregorian',
        birthday,
        calendar,
        reason: params.reason,
      },
    })
    return { birthday, calendar, nextGiftOn: schedule.birthdayGiftOn }
  })
}

/**
 * A member from before the schedule (the old job found birthdays by a month-day `birthdayKey`):
 * puts them on it, once, and drops the key, so the query that found them no longer does. A gift
 * already paid this year (`birthdayGiftYear`) makes the next one next year's.
 */
export async function scheduleStoredBirthday(db: Firestore, uid: string, config: ClubConfig, now: Date): Promise<void> {
  const today = localDate(now, config.timeZone)
  const year = Number(today.slice(0, 4))
  const ref = db.doc(paths.member(uid))
  await db.runTransaction(async (tx) => {
    const member = await tx.get(ref)
    if (!member.exists || typeof member.get('birthdayKey') !== 'string') return
    const birthday = birthdayOf(member, config.timeZone)
    const from = Number(member.get('birthdayGiftYear') ?? 0) >= year ? `${year + 1}-01-01` : today
    const schedule = birthday ? birthdayScheduleFields(birthday.profile, config, birthday.setOn, from) : { birthdayGiftOn: null }
    tx.update(ref, { ...schedule, birthdayCalendar: birthday?.profile.calendar ?? 'gregorian', birthdayKey: FieldValue.delete() })
  })
}
