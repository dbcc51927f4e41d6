import { doc, onSnapshot, serverTimestamp, updateDoc } from 'firebase/firestore'
import type { Locale } from '@/domain/shared/locale'
import type { Member, MemberPreferences } from '@/domain/members/member'
import { birthdayKey } from '@/domain/shared/calendar'
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
  /** YYYY-MM-DD, once: the rules accept it only where no birthday is stored. */
  birthday?: string
}

export async function updateProfile(uid: string, patch: ProfilePatch): Promise<void> {
  // The nightly gift job finds birthdays by month and day: the key is written with the date.
  const key = patch.birthday ? { birthdayKey: birthdayKey(patch.birthday) } : {}
  await updateDoc(doc(db, paths.member(uid)), { ...patch, ...key, updatedAt: serverTimestamp() })
}
