import type { DocumentData } from 'firebase-admin/firestore'
// Club fixtures for the emulator tests: members who joined through the real callable.
import type { CardKeyResult } from '../../../src/domain/contracts/callable-results'
import { createCardToken } from '../../../src/domain/cards/card-token'
import { fromBase64 } from '../../../src/domain/shared/crypto'
import type { JoinClubInput, JoinClubResult } from '../../../src/domain/members/join'
import { paths } from '../../../src/domain/shared/paths'
import { joinMember } from '../../../functions/src/members/join-member'
import { demoConfig } from '../../../scripts/demo-club'
import { admin, newClient } from './emulators'

export type Client = Awaited<ReturnType<typeof newClient>>

export async function joinedMember(name = 'Test Member', extra: Partial<JoinClubInput> = {}) {
  const client = await newClient()
  const joined = await client.call<JoinClubInput, JoinClubResult>('joinClub', {
    name,
    interests: ['coffee'],
    language: 'en',
    marketingConsent: false,
    ...extra,
  })
  return { ...client, uid: client.uid!, memberNo: joined.memberNo }
}

export async function memberDoc(uid: string) {
  return (await admin().db.doc(paths.member(uid)).get()).data()!
}

export async function ledgerDocs(uid: string) {
  return (await admin().db.collection(paths.ledger(uid)).get()).docs.map((doc) => ({ id: doc.id, ...doc.data() }) as { id: string } & DocumentData)
}

let receipts = 0
export function receiptId(): string {
  return `T${Date.now().toString(36)}${(++receipts).toString(36)}`
}

export function requestId(): string {
  return `req-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** The error code and the machine-readable reason a callable failed with. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; reason?: string }> {
  try {
    await promise
  } catch (error) {
    const e = error as { code?: string; details?: { reason?: string } }
    return { code: String(e.code).replace(/^functions\//, ''), reason: e.details?.reason }
  }
  throw new Error('expected the call to fail, and it succeeded')
}

/**
 * A member who joined `daysAgo` days ago, through the server's join code (with the clock set
 * back), signed in as a web client: for histories that start in the past.
 */
export async function memberSince(daysAgo: number, name = 'Long-time Member') {
  const email = `since${daysAgo}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.test`
  const user = await admin().auth.createUser({ email, password: 'secret-123' })
  const joined = await joinMember(admin().db, {
    uid: user.uid,
    email,
    input: { name, birthday: null, interests: ['coffee'], language: 'en', marketingConsent: false, referralCode: null },
    config: demoConfig,
    now: new Date(Date.now() - daysAgo * 86_400_000),
    random: Math.random,
  })
  const client = await newClient({ signIn: { email, password: 'secret-123' } })
  return { ...client, uid: user.uid, memberNo: joined.memberNo }
}

/** The till id the tests' staff devices send. */
export const TEST_TILL = 'test-till-0001'

const cardKeys = new Map<string, Uint8Array>()
const scans = new Map<string, number>()
// A card code is good for one purchase and lives for its 30-second step ± 1: a member can show
// the till three different live codes at most (now, the step before, the step after).
const LIVE_OFFSETS = [0, -30_000, 30_000]

/**
 * A purchase input as the till sends it after scanning the member's live card: the phone fetches
 * its card key once (getCardKey) and signs a fresh code for each purchase.
 */
export async function scanned(member: Client & { memberNo: string }, amount: number, receipt = receiptId()) {
  const uid = member.uid!
  let key = cardKeys.get(uid)
  if (!key) {
    key = fromBase64((await member.call<object, CardKeyResult>('getCardKey', {})).key)
    cardKeys.set(uid, key)
  }
  const n = scans.get(uid) ?? 0
  const offset = LIVE_OFFSETS[n]
  if (offset === undefined) throw new Error('a card shows at most three live codes at once; use another member')
  scans.set(uid, n + 1)
  return { token: await createCardToken(key, member.memberNo, Date.now() + offset), amount, receiptId: receipt, tillId: TEST_TILL }
}
