import { Timestamp, type DocumentReference, type Firestore, type Transaction } from 'firebase-admin/firestore'
import type { ClubConfig } from '../../../src/domain/club-config'
import { welcomeGiftPoints } from '../../../src/domain/earning'
import type { JoinClubRequest, JoinClubResult } from '../../../src/domain/join'
import { generateMemberNumber } from '../../../src/domain/member-number'
import { LEDGER_IDS, paths } from '../../../src/domain/paths'
import { generateReferralCode } from '../../../src/domain/referral-code'
import { entryTier } from '../../../src/domain/tiers'
import { invalidField } from '../lib/errors'
import { ledgerEntryData } from '../ledger/post-entry'

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

  const memberRef = db.doc(paths.member(uid))
  try {
    return await db.runTransaction(async (tx) => {
      const existing = await tx.get(memberRef)
      if (existing.exists) return { memberNo: String(existing.get('memberNo')), created: false }

      const numberRef = await reserveUnused(tx, () => db.doc(paths.memberNumber(generateMemberNumber(random))))
      const codeRef = await reserveUnused(tx, () => db.doc(paths.referralCode(generateReferralCode(random))))
      const memberNo = numberRef.id
      const gift = welcomeGiftPoints(config)
      const at = Timestamp.fromDate(now)

      tx.create(memberRef, {
        uid,
        memberNo,
        name: input.name,
        email,
        birthday: input.birthday,
        interests: input.interests,
        language: input.language,
        consents: { marketing: input.marketingConsent },
        preferences: {},
        tierId: entryTier(config.tiers).id,
        tierSince: at,
        balance: gift,
        lifetimePoints: gift,
        referralCode: codeRef.id,
        referredBy: null,
        joinedAt: at,
        updatedAt: at,
      })
      tx.create(numberRef, { uid, createdAt: at })
      tx.create(codeRef, { uid, active: true, createdAt: at })
      if (gift > 0) {
        const entry = {
          id: LEDGER_IDS.welcomeGift,
          type: 'earn',
          points: gift,
          source: 'welcome',
          reason: 'welcome_gift',
          ref: null,
          partnerId: null,
          by: 'system',
          at: now,
        } as const
        tx.create(db.doc(paths.ledgerEntry(uid, entry.id)), ledgerEntryData(entry, gift))
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

/** Draws identifiers until one is free; collisions are rare, so a few tries are plenty. */
async function reserveUnused(tx: Transaction, draw: () => DocumentReference): Promise<DocumentReference> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const ref = draw()
    if (!(await tx.get(ref)).exists) return ref
  }
  throw new Error('could not draw an unused identifier')
}
