// The household card's door to Firebase, apart from ./index.ts: only the household's lazy
// screens import it, so none of it weighs on the card route (see scripts/size-report.mjs).
import { collection, onSnapshot } from 'firebase/firestore'
import { CALLABLES, type CallableInput } from '@/domain/contracts/callables'
import type { HouseholdMemberRow } from '@/domain/members/household'
import { paths } from '@/domain/shared/paths'
import { db } from './app'
import { call } from './functions'

export const createHouseholdInvite = (input: CallableInput<'createHouseholdInvite'>) => call(CALLABLES.createHouseholdInvite, input)
export const acceptHouseholdInvite = (input: CallableInput<'acceptHouseholdInvite'>) => call(CALLABLES.acceptHouseholdInvite, input)
export const removeHouseholdMember = (input: CallableInput<'removeHouseholdMember'>) => call(CALLABLES.removeHouseholdMember, input)

/** The people in the owner's household, first to join first, live. */
export function watchHousehold(ownerUid: string, onChange: (rows: HouseholdMemberRow[]) => void, onError: (e: Error) => void): () => void {
  return onSnapshot(
    collection(db, paths.householdMembers(ownerUid)),
    (snap) =>
      onChange(
        snap.docs
          .map((doc) => {
            const d = doc.data()
            return { uid: doc.id, name: String(d.name ?? ''), joinedAt: String(d.joinedAt ?? ''), earned: Number(d.earned ?? 0) }
          })
          .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt)),
      ),
    onError,
  )
}
