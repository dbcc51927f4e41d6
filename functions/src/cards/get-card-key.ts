import { HttpsError, onCall } from 'firebase-functions/v2/https'
import type { CardKeyResult } from '../../../src/domain/callable-results'
import { EmptyInputSchema } from '../../../src/domain/callable-schemas'
import { paths } from '../../../src/domain/paths'
import { db } from '../lib/admin'
import { parseInput, requireAuth } from '../lib/errors'
import { getOrCreateCardKey, rotateCardKey as rotate } from './card-keys'

async function requireMember(uid: string) {
  if (!(await db().doc(paths.member(uid)).get()).exists) {
    throw new HttpsError('failed-precondition', 'Join the club first.', { reason: 'not-a-member' })
  }
}

/** `getCardKey`: the member's own phone fetches the key that signs its rotating card QR. */
export const getCardKey = onCall(async (request): Promise<CardKeyResult> => {
  const { uid } = requireAuth(request)
  parseInput(EmptyInputSchema, request.data)
  await requireMember(uid)
  return getOrCreateCardKey(db(), uid)
})

/** `rotateCardKey`: a lost phone? A new key; every code the old one signed stops working. */
export const rotateCardKey = onCall(async (request): Promise<CardKeyResult> => {
  const { uid } = requireAuth(request)
  parseInput(EmptyInputSchema, request.data)
  await requireMember(uid)
  return rotate(db(), uid)
})
