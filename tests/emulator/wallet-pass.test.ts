// getWalletPass on the emulators. No real issuer account exists here, so the tests give the
// functions a self-made key and certificate (tests/unit/support/wallet-credentials.ts) through
// the same server-only document a club fills in production: the whole signing path runs, and
// removing the document gives the answer an unconfigured club gets.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PKPASS_MIME_TYPE, type GetWalletPassInput, type WalletPassResult } from '../../src/domain/members/wallet-pass'
import { seedClubData } from '../../scripts/seed-club'
import { failure, joinedMember, memberDoc, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, newClient, roleClient } from './support/emulators'
import { setWalletCredentials, setWalletFlags, verifiedLoyaltyObject, verifiedPassJson } from './support/wallet-pass'
import { makeTestWalletCredentials, TEST_PASS_TYPE_ID, type TestWalletCredentials } from '../unit/support/wallet-credentials'

let test: TestWalletCredentials
let noa: Client & { uid: string; memberNo: string }
let avi: Client & { uid: string; memberNo: string }

const pass = (client: Client, kind: GetWalletPassInput['kind']) => client.call<GetWalletPassInput, WalletPassResult>('getWalletPass', { kind })

beforeAll(async () => {
  test = makeTestWalletCredentials()
  await clearEmulators()
  await seedClubData(admin().db)
  ;[noa, avi] = await Promise.all([joinedMember('Noa Bar', { language: 'en' }), joinedMember('אבי כהן', { language: 'he' })])
})

beforeEach(async () => {
  await setWalletFlags({ google: true, apple: true })
  await setWalletCredentials(test.credentials)
})

afterAll(async () => {
  test.cleanup()
  await closeAdmin()
})

describe('getWalletPass', () => {
  it('gives a member a signed Google Wallet link to their own card, and never another member’s', async () => {
    const own = verifiedLoyaltyObject(await pass(noa, 'google'), test.googlePublicKeyPem)
    const member = await memberDoc(noa.uid)
    expect(own).toMatchObject({
      id: `${test.credentials.google.issuerId}.${noa.memberNo}`,
      classId: `${test.credentials.google.issuerId}.${test.credentials.google.classSuffix}`,
      state: 'ACTIVE',
      accountId: noa.memberNo,
      accountName: 'Noa Bar',
      loyaltyPoints: { label: 'Points', balance: { int: member.balance } },
      textModulesData: [{ id: 'tier', header: 'Tier', body: 'Silver' }],
      barcode: { type: 'QR_CODE', value: noa.memberNo },
    })

    const other = verifiedLoyaltyObject(await pass(avi, 'google'), test.googlePublicKeyPem)
    expect(other).toMatchObject({ accountId: avi.memberNo, accountName: 'אבי כהן', loyaltyPoints: { label: 'נקודות' } })
    expect(JSON.stringify(other)).not.toContain(noa.memberNo)
    expect(JSON.stringify(own)).not.toContain(avi.memberNo)
  })

  it('gives a member a signed Apple Wallet pass of their own card', async () => {
    const result = await pass(noa, 'apple')
    expect(result).toMatchObject({ kind: 'apple', mimeType: PKPASS_MIME_TYPE, fileName: `card-${noa.memberNo}.pkpass` })
    const json = verifiedPassJson(result, test.dir)
    const member = await memberDoc(noa.uid)
    expect(json).toMatchObject({
      passTypeIdentifier: TEST_PASS_TYPE_ID,
      serialNumber: noa.memberNo,
      storeCard: {
        primaryFields: [{ key: 'balance', value: member.balance }],
        secondaryFields: [{ key: 'name', value: 'Noa Bar' }, { key: 'tier', value: 'Silver' }],
      },
      barcodes: [{ format: 'PKBarcodeFormatQR', message: noa.memberNo }],
    })
    const theirs = verifiedPassJson(await pass(avi, 'apple'), test.dir)
    expect(theirs.serialNumber).toBe(avi.memberNo)
    expect(theirs.storeCard.secondaryFields[0].value).toBe('אבי כהן')
  })

  it('answers failed-precondition wallet-not-configured when the club has no credentials, or has not turned the pass on', async () => {
    await setWalletCredentials(null)
    for (const kind of ['google', 'apple'] as const) {
      expect(await failure(pass(noa, kind))).toEqual({ code: 'failed-precondition', reason: 'wallet-not-configured' })
    }
    await setWalletCredentials({ apple: test.credentials.apple })
    expect(await failure(pass(noa, 'google'))).toEqual({ code: 'failed-precondition', reason: 'wallet-not-configured' })
    expect((await pass(noa, 'apple')).kind).toBe('apple')

    await setWalletCredentials(test.credentials)
    await setWalletFlags({ google: false, apple: false })
    for (const kind of ['google', 'apple'] as const) {
      expect(await failure(pass(noa, kind))).toEqual({ code: 'failed-precondition', reason: 'wallet-not-configured' })
    }
  })

  it('refuses staff and operators (permission-denied), strangers (unauthenticated) and accounts that never joined', async () => {
    const [staff, operator] = await Promise.all([roleClient({ role: 'staff', partnerId: 'cafe-shachar' }), roleClient({ role: 'admin' })])
    for (const who of [staff, operator]) {
      expect(await failure(pass(who, 'google'))).toEqual({ code: 'permission-denied', reason: 'members-only' })
      expect(await failure(pass(who, 'apple'))).toEqual({ code: 'permission-denied', reason: 'members-only' })
    }
    const stranger = await newClient({ signUp: false })
    expect((await failure(pass(stranger, 'apple'))).code).toBe('unauthenticated')
    const notJoined = await newClient()
    expect(await failure(pass(notJoined, 'google'))).toEqual({ code: 'failed-precondition', reason: 'not-a-member' })
  })
})
