import { FieldValue, Timestamp, type DocumentReference, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { localDate } from '../../../src/domain/shared/calendar'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { welcomeGiftPoints } from '../../../src/domain/points/earning'
import type { JoinClubRequest, JoinClubResult } from '../../../src/domain/members/join'
import type { LotSlice } from '../../../src/domain/points/lots'
import { firstName } from '../../../src/domain/members/member'
import { generateMemberNumber } from '../../../src/domain/cards/member-number'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { credit, initialPoints } from '../../../src/domain/points/points'
import { generateReferralCode } from '../../../src/domain/referrals/referral-code'
import { attributionRefusal } from '../../../src/domain/referrals/referrals'
import { entryTier } from '../../../src/domain/points/tiers'
import { validateName } from '../../../src/domain/shared/text'
import { invalidField } from '../lib/errors'
import { entryData, pointsFields, type EntryDraft } from '../ledger/member-state'
import { birthdayScheduleFields } from './birthday'

export interface JoinMemberParams {
  uid: string
  email: string | null
  input: JoinClubRequest
  config: ClubConfig
  now: Date
  random: () => number
}

/** gRPC ALREADY_EXISTS: a parallel call created the member first. */
const ALREADY_EXISTS = 6

/**
 * Creates the member, their unique member number and referral code, and the welcome gift as the
 * first ledger entry, all in one transaction. Joining again returns the existing membership and
 * pays nothing: the member document is the idempotency key.
 */
export async function joinMember(db: Firestore, params: JoinMemberParams): Promise<JoinClubResult> {
  const { uid, email, input, config, now, random } = params
  const known = new Set(config.interests.map((interest) => interest.id))
  const unknown = input.interests.filter((id) => !known.has(id))
  if (unknown.length > 0) throw invalidField('interests', `unknown interests: ${unknown.join(', ')}`)
  // The callable's schema already cleaned the name; the seed and scripts call in here directly.
  const name = validateName(input.name)
  if (!name.ok || name.name !== input.name) throw invalidField('name', name.ok ? 'not in its clean form' : name.reason)

  const memberRef = db.doc(paths.member(uid))
  try {
    return await db.runTransaction(async (tx) => {
      const existing = await tx.get(memberRef)
      if (existing.exists) return { memberNo: String(existing.get('memberNo')), created: false }
      const referrer = await findReferrer(db, tx, params)

      const numberRef = await reserveUnused(tx, () => db.doc(paths.memberNumber(generateMemberNumber(random))))
      const codeRef = await reserveUnused(tx, () => db.doc(paths.referralCode(generateReferralCode(random))))
      const memberNo = numberRef.id
      const today = localDate(now, config.timeZone)
      const at = Timestamp.fromDate(now)
      const gift = welcomeGiftPoints(config)
      let state = initialPoints(entryTier(config.tiers).id, today)
      // Only the club's welcome gift: a friend's referral gift waits for their first real purchase.
      let welcome: { lot: LotSlice; balanceAfter: number } | null = null
      if (gift > 0) {
        const credited = credit(state, gift, { earnedOn: today, today }, config)
        state = credited.state
        welcome = { lot: credited.lot, balanceAfter: state.balance }
      }

      tx.create(memberRef, {
        uid,
        memberNo,
        name: input.name,
        email,
        birthday: input.birthday,
        birthdayCalendar: 'gregorian',
        // Set at the join, it waits like one set later: joining in the birthday month pays the gift next year.
        birthdaySetAt: input.birthday ? at : null,
        ...(input.birthday
          ? birthdayScheduleFields({ birthday: input.birthday, calendar: 'gregorian' }, config, today, today)
          : { birthdayGiftOn: null }),
        birthdayGiftYear: 0,
        interests: input.interests,
        language: input.language,
        consents: { marketing: input.marketingConsent },
        preferences: {},
        ...pointsFields(state, config, today),
        tierSince: at,
        referralCode: codeRef.id,
        referredBy: referrer?.uid ?? null,
        // A new member has no coupons: the count is known from the start (see rewards/coupon-count).
        activeCoupons: 0,
        joinedAt: at,
        updatedAt: at,
      })
      tx.create(numberRef, { uid, createdAt: at })
      tx.create(codeRef, { uid, active: true, createdAt: at })
      if (welcome) {
        const entry: EntryDraft = { id: LEDGER_IDS.welcomeGift, type: 'earn', points: gift, source: 'welcome', reason: 'welcome_gift', by: 'system', lots: [welcome.lot] }
        tx.create(db.doc(paths.ledgerEntry(uid, entry.id)), entryData(entry, welcome.balanceAfter, now))
      }
      if (referrer) {
        tx.create(db.doc(paths.referral(uid)), {
          referrerUid: referrer.uid,
          friendUid: uid,
          friendFirstName: firstName(input.name),
          code: input.referralCode,
          status: 'joined',
          joinedAt: at,
          qualifiedAt: null,
          rewardPoints: 0,
        })
        tx.update(referrer.ref, { 'referralStats.joined': FieldValue.increment(1) })
      }
      return { memberNo, created: true }
    })
  } catch (error) {
    if ((error as { code?: unknown }).code !== ALREADY_EXISTS) throw error
    const existing = await memberRef.get()
    if (!existing.exists) throw error
    return { memberNo: String(existing.get('memberNo')), created: false }
  }
}

/**
 * The member whose code the new member came with, if the club credits them: an active code, and
 * none of the abuse rules (self-referral by uid or e-mail, a second referrer, a cycle).
 * A code that fails is ignored without telling anyone why.
 */
async function findReferrer(db: Firestore, tx: Transaction, params: JoinMemberParams) {
  const { input, config, uid, email } = params
  if (!input.referralCode || !config.referrals.enabled) return null
  const code = await tx.get(db.doc(paths.referralCode(input.referralCode)))
  if (!code.exists || code.get('active') === false) return null
  const ref = db.doc(paths.member(String(code.get('uid'))))
  const referrer = await tx.get(ref)
  if (!referrer.exists) return null
  const refusal = attributionRefusal(
    { uid: referrer.id, email: referrer.get('email') ?? null, referredBy: referrer.get('referredBy') ?? null },
    { uid, email, referredBy: null },
    config.referrals,
  )
  return refusal ? null : { uid: referrer.id, ref }
}

/** Draws identifiers until one is free; collisions are rare, so a few tries are plenty. */
async function reserveUnused(tx: Transaction, draw: () => DocumentReference): Promise<DocumentReference> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const ref = draw()
    if (!(await tx.get(ref)).exists) return ref
  }
  throw new Error('could not draw an unused identifier')
}
