import { Timestamp, type FirestoreDataConverter, type QueryDocumentSnapshot } from 'firebase/firestore'
import type { ClubConfig, Partner, Reward } from '@/domain/shared/club-config'
import type { LocalizedText } from '@/domain/shared/locale'
import type { LedgerEntry } from '@/domain/points/ledger'
import { isLocale } from '@/domain/shared/locale'
import type { Member } from '@/domain/members/member'
import { dutySummaryOf } from '@/domain/earn/reserve-duty'
import type { Coupon } from '@/domain/points/rewards'
import { isReferralStatus, type ReferredFriend } from '@/domain/referrals/referrals'

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
  // A household member's card shows the household's shared balance and tier, not their own.
  const points = d.sharedPoints && typeof d.sharedPoints.balance === 'number' ? d.sharedPoints : d
  return {
    uid: snap.id,
    memberNo: String(d.memberNo ?? ''),
    name: String(d.name ?? ''),
    email: typeof d.email === 'string' ? d.email : null,
    birthday: typeof d.birthday === 'string' ? d.birthday : null,
    birthdayCalendar: d.birthdayCalendar === 'hebrew' ? 'hebrew' : 'gregorian',
    interests: Array.isArray(d.interests) ? d.interests.map(String) : [],
    language: isLocale(d.language) ? d.language : 'he',
    consents: { marketing: d.consents?.marketing === true },
    preferences: typeof d.preferences === 'object' && d.preferences ? d.preferences : {},
    tierId: String(points.tierId ?? ''),
    tierYearEnds: String(d.tierYearEnds ?? ''),
    tierReviewOn: typeof d.tierReviewOn === 'string' ? d.tierReviewOn : undefined,
    nextExpiry:
      d.nextExpiry && typeof d.nextExpiry.expiresOn === 'string' ? { expiresOn: d.nextExpiry.expiresOn, points: Number(d.nextExpiry.points ?? 0) } : null,
    balance: Number(points.balance ?? 0),
    lifetimePoints: Number(d.lifetimePoints ?? 0),
    pointsDebt: Number(d.pointsDebt ?? 0),
    pendingPoints: Number(d.pendingPoints ?? 0),
    qualifyingMonths: typeof d.qualifyingMonths === 'object' && d.qualifyingMonths ? d.qualifyingMonths : {},
    expiryBuckets: typeof d.expiryBuckets === 'object' && d.expiryBuckets ? (d.expiryBuckets as Record<string, number>) : {},
    referralCode: String(d.referralCode ?? ''),
    cardKeyVersion: Number(d.cardKeyVersion ?? 0),
    tierBoost:
      d.tierBoost && typeof d.tierBoost.tierId === 'string' && typeof d.tierBoost.until === 'string'
        ? { tierId: d.tierBoost.tierId, until: d.tierBoost.until }
        : null,
    referredBy: typeof d.referredBy === 'string' ? d.referredBy : null,
    referralStats: {
      opened: Number(d.referralStats?.opened ?? 0),
      joined: Number(d.referralStats?.joined ?? 0),
      qualified: Number(d.referralStats?.qualified ?? 0),
      pointsEarned: Number(d.referralStats?.pointsEarned ?? 0),
    },
    earnUsage: typeof d.earnUsage === 'object' && d.earnUsage ? (d.earnUsage as Member['earnUsage']) : {},
    streak: typeof d.streak === 'object' && d.streak ? (d.streak as Member['streak']) : null,
    reserveDuty: dutySummaryOf(d.reserveDuty),
    activeCoupons: typeof d.activeCoupons === 'number' ? d.activeCoupons : null,
    household: d.household && typeof d.household.ownerUid === 'string' ? { ownerUid: d.household.ownerUid, ownerName: String(d.household.ownerName ?? ''), since: String(d.household.since ?? '') } : null,
    householdSize: Array.isArray(d.householdMembers) ? d.householdMembers.length : 0,
    joinedAt: toDate(d.joinedAt),
    updatedAt: toDate(d.updatedAt),
  }
})

// Written by the seed and operator tools through ClubConfigSchema, so the shape is trusted here.
export const clubConfigConverter = readOnly<ClubConfig>((snap) => snap.data() as ClubConfig)

export const ledgerEntryConverter = readOnly<LedgerEntry>((snap) => {
  const d = snap.data()
  return {
    id: snap.id,
    type: d.type,
    category: d.category,
    points: Number(d.points ?? 0),
    source: d.source,
    reason: d.reason,
    ref: d.ref ?? null,
    partnerId: d.partnerId ?? null,
    by: String(d.by ?? ''),
    balanceAfter: Number(d.balanceAfter ?? 0),
    lots: Array.isArray(d.lots) ? d.lots : [],
    note: typeof d.note === 'string' ? d.note : null,
    rewardName: d.rewardName && typeof d.rewardName.en === 'string' ? (d.rewardName as LocalizedText) : null,
    charityName: d.charityName && typeof d.charityName.en === 'string' ? (d.charityName as LocalizedText) : null,
    createdAt: toDate(d.createdAt),
  }
})

export const partnerConverter = readOnly<Partner>((snap) => snap.data() as Partner)
export const rewardConverter = readOnly<Reward>((snap) => snap.data() as Reward)

export type { Coupon }

export const couponConverter = readOnly<Coupon>((snap) => {
  const d = snap.data()
  return {
    code: snap.id,
    rewardId: String(d.rewardId),
    name: d.name as LocalizedText,
    kind: d.kind,
    valueShekels: d.valueShekels ?? null,
    partnerId: d.partnerId ?? null,
    status: d.status === 'used' || d.status === 'expired' ? d.status : 'active',
    issuedAt: toDate(d.issuedAt),
    expiresAt: toDate(d.expiresAt),
    usedAt: d.usedAt ? toDate(d.usedAt) : null,
  }
})

export type { ReferredFriend }

export const referredFriendConverter = readOnly<ReferredFriend>((snap) => {
  const d = snap.data()
  return {
    friendUid: snap.id,
    firstName: String(d.friendFirstName ?? ''),
    status: isReferralStatus(d.status) ? d.status : 'joined',
    rewardPoints: Number(d.rewardPoints ?? 0),
    joinedAt: toDate(d.joinedAt),
  }
})
