import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { HttpsError } from 'firebase-functions/v2/https'
import { EmptyInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { paths } from '../../../src/domain/shared/paths'
import { db } from '../lib/admin'
import { requireAuth } from '../lib/errors'
import { getOrCreateCardKey, rotateCardKey as rotate } from './card-keys'

async function requireMember(uid: string) {
  if (!(await db().doc(paths.member(uid)).get()).exists) {
    throw new HttpsError('failed-precondition', 'Join the club first.', { reason: 'not-a-member' })
  }
}

/** `getCardKey`: the member's own phone fetches the key that signs its rotating card QR. */
export const getCardKey = callable(CALLABLES.getCardKey, { input: EmptyInputSchema, authorize: requireAuth }, async (_input, { uid }) => {
  await requireMember(uid)
  return getOrCreateCardKey(db(), uid)
})

/** `rotateCardKey`: a lost phone? A new key; every code the old one signed stops working. */
export const rotateCardKey = callable(CALLABLES.rotateCardKey, { input: EmptyInputSchema, authorize: requireAuth }, async (_input, { uid }) => {
  await requireMember(uid)
  return rotate(db(), uid)
})
