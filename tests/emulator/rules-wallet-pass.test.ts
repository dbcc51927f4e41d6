// Wallet passes under the rules: members read whether the club offers them (the public club
// configuration), and no client — member, staff, operator or stranger — reads or writes the
// issuer credentials in `secrets/walletPasses`, which only the functions use.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing'
import { deleteDoc, doc, getDoc, setDoc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

const PROJECT_ID = 'demo-moadon-rules-wallet-pass'
let env: RulesTestEnvironment

// Shaped like the real document; not a key anyone could use.
const credentials = { google: { issuerId: '1', classSuffix: 'club', serviceAccountEmail: 'a@b.test', privateKey: 'PRIVATE KEY' } }

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

afterAll(async () => {
  await env.cleanup()
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore()
    await setDoc(doc(db, paths.clubConfig()), { walletPasses: { google: true, apple: false } })
    await setDoc(doc(db, paths.walletCredentials()), credentials)
  })
})

const member = () => env.authenticatedContext('alice').firestore()
const staff = () => env.authenticatedContext('staff-1', { role: 'staff', partnerId: 'cafe' }).firestore()
const operator = () => env.authenticatedContext('op', { role: 'admin' }).firestore()
const stranger = () => env.unauthenticatedContext().firestore()

describe('wallet pass configuration', () => {
  it('lets a signed-in member read which passes the club offers', async () => {
    const snap = await assertSucceeds(getDoc(doc(member(), paths.clubConfig())))
    expect(snap.get('walletPasses')).toEqual({ google: true, apple: false })
  })

  it('denies every client reading, writing or deleting the issuer credentials', async () => {
    for (const db of [member(), staff(), operator(), stranger()]) {
      const ref = doc(db, paths.walletCredentials())
      await assertFails(getDoc(ref))
      await assertFails(setDoc(ref, credentials))
      await assertFails(updateDoc(ref, { 'google.issuerId': '2' }))
      await assertFails(deleteDoc(ref))
    }
  })

  it('denies a member switching the passes on in the club configuration', async () => {
    await assertFails(updateDoc(doc(member(), paths.clubConfig()), { walletPasses: { google: true, apple: true } }))
  })
})
