import type { DocumentData } from 'firebase-admin/firestore'
// Club fixtures for the emulator tests: members who joined through the real callable.
import type { CardKeyResult } from '../../../src/domain/contracts/callable-results'
import { CARD_STEP_SECONDS, createCardToken } from '../../../src/domain/cards/card-token'
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
const shownSteps = new Map<string, Set<number>>()
const STEP_MS = CARD_STEP_SECONDS * 1000

/**
 * A live card code the member's card has not shown before. A code is good for one scan and lives
 * for its 30-second step ± 1, so a card has three live codes at any moment: this step's, the next
 * one's (it lives longest, which a slow emulator needs) and the previous one's. Chosen by step, not
 * by offset from now, so two scans either side of a step boundary never get the same code.
 */
export async function liveCardToken(key: Uint8Array, memberNo: string): Promise<string> {
  const shown = shownSteps.get(memberNo) ?? new Set<number>()
  shownSteps.set(memberNo, shown)
  const now = Math.floor(Date.now() / STEP_MS)
  const step = [now, now + 1, now - 1].find((candidate) => !shown.has(candidate))
  if (step === undefined) throw new Error('a card shows at most three live codes at once; use another member')
  shown.add(step)
  return createCardToken(key, memberNo, step * STEP_MS + STEP_MS / 2)
}

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
  return { token: await liveCardToken(key, member.memberNo), amount, receiptId: receipt, tillId: TEST_TILL }
}
