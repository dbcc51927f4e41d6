// Eco actions at the till, as the tests' staff devices confirm them from a member's live card.
import type { DocumentData } from 'firebase-admin/firestore'
import type { CardKeyResult } from '../../../src/domain/contracts/callable-results'
import { createCardToken } from '../../../src/domain/cards/card-token'
import type { ConfirmEcoActionInput, ConfirmEcoActionResult, EcoPolicy } from '../../../src/domain/earn/eco'
import { fromBase64 } from '../../../src/domain/shared/crypto'
import { COLLECTIONS, idOf, paths } from '../../../src/domain/shared/paths'
import { demoConfig } from '../../../scripts/demo-club'
import { joinedMember, ledgerDocs, liveCardToken, memberDoc, requestId, TEST_TILL, type Client } from './club'
import { admin } from './emulators'

const keys = new Map<string, Uint8Array>()

/** The member's phone fetches its card key once (which marks the member document), before any scan. */
export async function cardReady<M extends Client & { memberNo: string }>(member: M): Promise<M> {
  if (!keys.has(member.uid!)) keys.set(member.uid!, fromBase64((await member.call<object, CardKeyResult>('getCardKey', {})).key))
  return member
}

/** A member who joined and opened the card (so the card key exists). */
export async function ecoMember(name?: string) {
  return cardReady(await joinedMember(name))
}

/** A live code of the member's card, as the phone would show it (each one different). */
export async function liveToken(member: Client & { memberNo: string }, offsetMs?: number): Promise<string> {
  const uid = member.uid!
  const key = keys.get(uid) ?? (await cardReady(member), keys.get(uid)!)
  if (offsetMs !== undefined) return createCardToken(key, member.memberNo, Date.now() + offsetMs)
  // From the same record of shown codes as the purchases' (support/club.ts), so no two collide.
  return liveCardToken(key, member.memberNo)
}

export function confirmEco(staff: Client, input: ConfirmEcoActionInput): Promise<ConfirmEcoActionResult> {
  return staff.call<ConfirmEcoActionInput, ConfirmEcoActionResult>('confirmEcoAction', input)
}

/** The till's input for a fresh scan of the member's card. */
export async function ecoInput(member: Client & { memberNo: string }, actionId: string, request = requestId()): Promise<ConfirmEcoActionInput> {
  return { token: await liveToken(member), actionId, requestId: request, tillId: TEST_TILL }
}

/** Sets the club's eco policy (the demo's, changed where given). */
export async function ecoPolicy(changes: Partial<EcoPolicy> = {}): Promise<void> {
  await admin().db.doc(paths.clubConfig()).update({ eco: { ...demoConfig.eco, ...changes } })
}

/** Everything a refused confirmation must leave as it was: the member, the ledger, the counters. */
export async function ecoSnapshot(uid: string, staffUid: string): Promise<DocumentData> {
  const usage = await admin().db.collection(`${paths.member(uid)}/${COLLECTIONS.usage}`).get()
  const staffDays = await admin().db.collection(COLLECTIONS.staffUsage).get()
  return {
    member: await memberDoc(uid),
    ledger: (await ledgerDocs(uid)).map((e) => e.id).sort(),
    usage: usage.docs.map((d) => [d.id, d.data()]),
    staff: staffDays.docs.filter((d) => d.id.startsWith(idOf(staffUid))).map((d) => [d.id, d.data()]),
  }
}
