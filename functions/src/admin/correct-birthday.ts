import { CALLABLES } from '../../../src/domain/contracts/callables'
import { CorrectBirthdayInputSchema } from '../../../src/domain/members/birthday-schema'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { uidForMemberNumber } from '../lib/lookups'
import { requireAdmin } from '../lib/roles'
import { correctMemberBirthday } from '../members/birthday'
import { auditActor } from './audit'

/** `correctBirthday`: an operator corrects a member's birthday, with a reason the audit keeps. */
export const correctBirthday = callable(CALLABLES.correctBirthday, { input: CorrectBirthdayInputSchema, authorize: requireAdmin }, async (input, admin) => {
  const firestore = db()
  const [config, uid] = await Promise.all([loadClubConfig(firestore), uidForMemberNumber(firestore, input.memberNo)])
  return correctMemberBirthday(firestore, {
    uid,
    birthday: input.birthday,
    calendar: input.calendar,
    reason: input.reason,
    actor: auditActor(admin),
    config,
    now: new Date(),
  })
})
