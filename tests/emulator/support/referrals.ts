// Referral fixtures: friends who join with a code and show their card at a till, as in a shop.
import type { DocumentData } from 'firebase-admin/firestore'
import type { CardKeyResult, PurchaseResult } from '../../../src/domain/contracts/callable-results'
import type { RecordPurchaseInput } from '../../../src/domain/contracts/callable-schemas'
import { createCardToken } from '../../../src/domain/cards/card-token'
import { fromBase64 } from '../../../src/domain/shared/crypto'
import type { JoinClubInput, JoinClubResult } from '../../../src/domain/members/join'
import { paths } from '../../../src/domain/shared/paths'
import { ledgerDocs, liveCardToken, memberDoc, receiptId, type Client } from './club'
import { admin, newClient } from './emulators'

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
export const codeOf = async (uid: string) => String((await memberDoc(uid)).referralCode)

/**
 * A user with a chosen e-mail who joins the club (with a referral code or none) and whose phone
 * has its card key. `verified` is what Firebase Auth says about the mailbox.
 */
export async function joinAs(email: string, referralCode: string | null, options: { name?: string; verified?: boolean } = {}) {
  await admin().auth.createUser({ email, password: 'secret-123', emailVerified: options.verified ?? true })
  const client = await newClient({ signIn: { email, password: 'secret-123' } })
  const joined = await client.call<JoinClubInput, JoinClubResult>('joinClub', {
    name: options.name ?? 'Friend Person',
    interests: [],
    language: 'en',
    marketingConsent: false,
    referralCode,
  })
  const { key } = await client.call<object, CardKeyResult>('getCardKey', {})
  const bytes = fromBase64(key)
  return {
    ...client,
    uid: client.uid!,
    memberNo: joined.memberNo,
    /**
     * The card's live QR. A token is good for one purchase, so successive purchases take the
     * neighbouring time steps the server still accepts (one before, now, one after).
     */
    cardToken: () => liveCardToken(bytes, joined.memberNo),
    tokenAt: (at: Date) => createCardToken(bytes, joined.memberNo, at),
  }
}

export type Friend = Awaited<ReturnType<typeof joinAs>>

/** A till of its own per test, so the per-till daily limits of one test never touch another's. */
export const tillId = () => `till-${unique()}`

/** The friend's card scanned at the till, and a purchase recorded against it. */
export async function scannedPurchase(staff: Client, friend: Friend, amount: number, till: string) {
  const receipt = receiptId()
  const token = await friend.cardToken()
  const result = await staff.call<RecordPurchaseInput, PurchaseResult>('recordPurchase', { token, amount, receiptId: receipt, tillId: till })
  return { ...result, receiptId: receipt }
}

export async function referralOf(friendUid: string): Promise<DocumentData> {
  return (await admin().db.doc(paths.referral(friendUid)).get()).data() ?? {}
}

export async function ledgerSum(uid: string): Promise<number> {
  return (await ledgerDocs(uid)).reduce((sum, entry) => sum + Number(entry.points), 0)
}

export async function reasons(uid: string): Promise<string[]> {
  return (await ledgerDocs(uid)).map((entry) => String(entry.reason)).sort()
}
