import { Timestamp, type FirestoreDataConverter, type QueryDocumentSnapshot } from 'firebase/firestore'
import type { ClubConfig } from '@/domain/club-config'
import { isLocale } from '@/domain/locale'
import type { Member } from '@/domain/member'

function toDate(value: unknown): Date {
  return value instanceof Timestamp ? value.toDate() : new Date(0)
}

/** Read-only converters: the app never writes these documents whole. */
function readOnly<T>(fromFirestore: (snap: QueryDocumentSnapshot) => T): FirestoreDataConverter<T> {
  return {
    toFirestore: () => {
      throw new Error('read-only document')
    },
    fromFirestore,
  }
}

export const memberConverter = readOnly<Member>((snap) => {
  const d = snap.data()
  return {
    uid: snap.id,
    memberNo: String(d.memberNo ?? ''),
    name: String(d.name ?? ''),
    email: typeof d.email === 'string' ? d.email : null,
    birthday: typeof d.birthday === 'string' ? d.birthday : null,
    interests: Array.isArray(d.interests) ? d.interests.map(String) : [],
    language: isLocale(d.language) ? d.language : 'he',
    consents: { marketing: d.consents?.marketing === true },
    preferences: typeof d.preferences === 'object' && d.preferences ? d.preferences : {},
    tierId: String(d.tierId ?? ''),
    balance: Number(d.balance ?? 0),
    lifetimePoints: Number(d.lifetimePoints ?? 0),
    referralCode: String(d.referralCode ?? ''),
    referredBy: typeof d.referredBy === 'string' ? d.referredBy : null,
    joinedAt: toDate(d.joinedAt),
    updatedAt: toDate(d.updatedAt),
  }
})

// Written by the seed and operator tools through ClubConfigSchema, so the shape is trusted here.
export const clubConfigConverter = readOnly<ClubConfig>((snap) => snap.data() as ClubConfig)
