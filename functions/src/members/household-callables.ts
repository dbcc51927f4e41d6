import { CALLABLES } from '../../../src/domain/contracts/callables'
import {
  AcceptHouseholdInviteInputSchema,
  CreateHouseholdInviteInputSchema,
  RemoveHouseholdMemberInputSchema,
} from '../../../src/domain/members/household-schema'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAuth } from '../lib/errors'
import { acceptHouseholdInvite as accept, createHouseholdInvite as create, removeHouseholdMember as remove } from './household'

/** `createHouseholdInvite`: the caller invites someone to share their balance. */
export const createHouseholdInvite = callable(
  CALLABLES.createHouseholdInvite,
  { input: CreateHouseholdInviteInputSchema, authorize: requireAuth },
  async (input, { uid }) => {
    const firestore = db()
    return create(firestore, { uid, requestId: input.requestId, config: await loadClubConfig(firestore) })
  },
)

/** `acceptHouseholdInvite`: the caller joins the household of the invite's owner. */
export const acceptHouseholdInvite = callable(
  CALLABLES.acceptHouseholdInvite,
  { input: AcceptHouseholdInviteInputSchema, authorize: requireAuth },
  async (input, { uid }) => {
    const firestore = db()
    return accept(firestore, { uid, code: input.code, config: await loadClubConfig(firestore) })
  },
)

/** `removeHouseholdMember`: the owner removes someone, or a member leaves (their own uid). */
export const removeHouseholdMember = callable(
  CALLABLES.removeHouseholdMember,
  { input: RemoveHouseholdMemberInputSchema, authorize: requireAuth },
  async (input, { uid }) => remove(db(), { callerUid: uid, uid: input.uid }),
)
