// Club fixtures for the emulator tests: members who joined through the real callable.
import type { JoinClubInput, JoinClubResult } from '../../../src/domain/join'
import { paths } from '../../../src/domain/paths'
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
  return (await admin().db.collection(paths.ledger(uid)).get()).docs.map((doc) => ({ id: doc.id, ...doc.data() }))
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
