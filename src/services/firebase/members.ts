import { doc, onSnapshot, serverTimestamp, updateDoc } from 'firebase/firestore'
import type { Locale } from '@/domain/shared/locale'
import type { Member, MemberPreferences } from '@/domain/members/member'
import { paths } from '@/domain/shared/paths'
import { db } from './app'
import { memberConverter } from './converters'

/**
 * Live member document: `null` when the user has not joined yet. `fromServer` tells a confirmed
 * copy from the device's cache (offline). Returns the unsubscribe.
 */
export function watchMember(
  uid: string,
  onChange: (member: Member | null, fromServer: boolean) => void,
  onError: (error: Error) => void,
): () => void {
  return onSnapshot(
    doc(db, paths.member(uid)).withConverter(memberConverter),
    { includeMetadataChanges: true },
    (snap) => onChange(snap.exists() ? snap.data() : null, !snap.metadata.fromCache),
    onError,
  )
}

/** Profile fields a member may change themselves (firestore.rules enforces the same list). */
export interface ProfilePatch {
  name?: string
  interests?: string[]
  language?: Locale
  consents?: { marketing: boolean }
  preferences?: MemberPreferences
}

/** The birthday is not a profile field: it is set once through the `setBirthday` callable. */
export async function updateProfile(uid: string, patch: ProfilePatch): Promise<void> {
  await updateDoc(doc(db, paths.member(uid)), { ...patch, updatedAt: serverTimestamp() })
}
