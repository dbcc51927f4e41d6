import { CALLABLES } from '../../../src/domain/contracts/callables'
import { SetBirthdayInputSchema } from '../../../src/domain/members/birthday-schema'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { setMemberBirthday } from './birthday'

/** `setBirthday`: the member sets their birthday and its calendar, once. */
export const setBirthday = callable(CALLABLES.setBirthday, { input: SetBirthdayInputSchema, authorize: requireAuth }, async (input, { uid }) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  return setMemberBirthday(firestore, { uid, birthday: input.birthday, calendar: input.calendar, config, now: new Date() })
})
