import { execFileSync } from 'node:child_process'
import { createHash, createPublicKey, verify } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appleColor,
  applePassFileName,
  applePassJson,
  GOOGLE_SAVE_URL_MAX,
  GOOGLE_SAVE_URL_PREFIX,
  googleLoyaltyObject,
  textColorOn,
  type WalletMember,
} from '../../src/domain/members/wallet-pass'
import { GetWalletPassInputSchema, WalletCredentialsSchema } from '../../src/domain/members/wallet-pass-schema'
import { ClubConfigSchema } from '../../src/domain/shared/club-config'
import { appleWalletPass, googleWalletSaveUrl, solidPng } from '../../functions/src/members/wallet-pass-build'
import { demoConfig } from '../../scripts/demo-club'
import { makeTestWalletCredentials, TEST_PASS_TYPE_ID, TEST_TEAM_ID, type TestWalletCredentials } from './support/wallet-credentials'

const gold = demoConfig.tiers.find((tier) => tier.id === 'gold')!
const dana: WalletMember = { memberNo: '10000009', name: 'Dana Levi', language: 'en', balance: 1240, tierId: 'gold' }
// 40 letters and spaces of Hebrew: two bytes each in UTF-8, the heaviest name a link carries.
const longHebrewName = 'אביגיל שושנה בת־שבע רוזנבלום־אברהמי כהן'.padEnd(40, 'א')
const now = new Date('2026-11-27T10:00:00Z')

let test: TestWalletCredentials
beforeAll(() => {
  test = makeTestWalletCredentials()
})
afterAll(() => test.cleanup())

function decodeJwt(url: string) {
  expect(url.startsWith(GOOGLE_SAVE_URL_PREFIX)).toBe(true)
  const jwt = url.slice(GOOGLE_SAVE_URL_PREFIX.length)
  const [header, body, signature] = jwt.split('.')
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')),
    claims: JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')),
    verifiesWith: (publicKeyPem: string) =>
      verify('RSA-SHA256', Buffer.from(`${header}.${body}`), createPublicKey(publicKeyPem), Buffer.from(signature!, 'base64url')),
  }
}

describe('Google Wallet save link', () => {
  it('is an RS256 JWT that verifies offline with the service account key and carries one loyalty object', () => {
    const url = googleWalletSaveUrl(dana, gold, test.credentials.google, now)
    const jwt = decodeJwt(url)
    expect(jwt.header).toEqual({ alg: 'RS256', typ: 'JWT' })
    expect(jwt.verifiesWith(test.googlePublicKeyPem)).toBe(true)
    expect(jwt.claims).toEqual({
      iss: 'wallet-test@moadon-test.iam.gserviceaccount.com',
      aud: 'google',
      typ: 'savetowallet',
      iat: now.getTime() / 1000,
      payload: {
        loyaltyObjects: [
          {
            id: '3388000000012345678.10000009',
            classId: '3388000000012345678.moadon-club',
            state: 'ACTIVE',
            accountId: '10000009',
            accountName: 'Dana Levi',
            loyaltyPoints: { label: 'Points', balance: { int: 1240 } },
            textModulesData: [{ id: 'tier', header: 'Tier', body: 'Gold' }],
            // The member number, not the rotating card token: a saved pass never changes.
            barcode: { type: 'QR_CODE', value: '10000009', alternateText: '1000 0009' },
          },
        ],
      },
    })
  })

  it('does not verify with another key, nor after its claims are changed', () => {
    const other = makeTestWalletCredentials()
    try {
      const url = googleWalletSaveUrl(dana, gold, test.credentials.google, now)
      expect(decodeJwt(url).verifiesWith(other.googlePublicKeyPem)).toBe(false)
      const [header, body, signature] = url.slice(GOOGLE_SAVE_URL_PREFIX.length).split('.')
      const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'))
      claims.payload.loyaltyObjects[0].loyaltyPoints.balance.int = 999_999
      const forged = `${GOOGLE_SAVE_URL_PREFIX}${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
      expect(decodeJwt(forged).verifiesWith(test.googlePublicKeyPem)).toBe(false)
    } finally {
      other.cleanup()
    }
  })

  it('stays under 1,800 characters with a 40-character Hebrew name, keeping the whole name', () => {
    expect([...longHebrewName]).toHaveLength(40)
    const member: WalletMember = { ...dana, name: longHebrewName, language: 'he', balance: 2_147_000_000 }
    const url = googleWalletSaveUrl(member, gold, test.credentials.google, now)
    expect(url.length).toBeLessThanOrEqual(GOOGLE_SAVE_URL_MAX)
    const object = decodeJwt(url).claims.payload.loyaltyObjects[0]
    expect(object.accountName).toBe(longHebrewName)
    expect(object.loyaltyPoints.label).toBe('נקודות')
    expect(object.textModulesData[0]).toEqual({ id: 'tier', header: 'דרגה', body: 'גולד' })
  })

  it('cuts only a name that would push the link past the limit, whole letters at a time', () => {
    // 60 letters is the most a name may have, but each of these emoji sequences is 25 bytes.
    const family = '👨‍👩‍👧‍👦'
    const heavy = family.repeat(60)
    const url = googleWalletSaveUrl({ ...dana, name: heavy, language: 'he' }, gold, test.credentials.google, now)
    expect(url.length).toBeLessThanOrEqual(GOOGLE_SAVE_URL_MAX)
    const name: string = decodeJwt(url).claims.payload.loyaltyObjects[0].accountName
    expect(name.endsWith('…')).toBe(true)
    expect(name.slice(0, -1).split(family).every((rest) => rest === '')).toBe(true)
    expect(name.length).toBeGreaterThan(family.length * 20)
  })

  it('refuses issuer and class ids that are not Google ids', () => {
    expect(() => googleLoyaltyObject(dana, gold, { issuerId: '33.88', classSuffix: 'club' })).toThrow()
    expect(() => googleLoyaltyObject(dana, gold, { issuerId: '3388', classSuffix: 'club/../x' })).toThrow()
  })
})

describe('Apple Wallet pass.json', () => {
  it('is a store card with balance, tier, member number and the member number as its QR', () => {
    const pass = applePassJson(dana, gold, demoConfig, { passTypeIdentifier: TEST_PASS_TYPE_ID, teamIdentifier: TEST_TEAM_ID })
    expect(pass).toMatchObject({
      formatVersion: 1,
      passTypeIdentifier: TEST_PASS_TYPE_ID,
      teamIdentifier: TEST_TEAM_ID,
      serialNumber: '10000009',
      organizationName: demoConfig.name.en,
      sharingProhibited: true,
      storeCard: {
        primaryFields: [{ key: 'balance', label: 'Points', value: 1240 }],
        secondaryFields: [
          { key: 'name', value: 'Dana Levi' },
          { key: 'tier', label: 'Tier', value: 'Gold' },
        ],
        auxiliaryFields: [{ key: 'memberNo', label: 'Member number', value: '1000 0009' }],
      },
      barcodes: [{ format: 'PKBarcodeFormatQR', message: '10000009', messageEncoding: 'iso-8859-1', altText: '1000 0009' }],
    })
    expect(pass.backgroundColor).toBe(appleColor(gold.color))
  })

  it('speaks the member’s language', () => {
    const pass = applePassJson({ ...dana, language: 'he' }, gold, demoConfig, { passTypeIdentifier: TEST_PASS_TYPE_ID, teamIdentifier: TEST_TEAM_ID })
    expect(pass.organizationName).toBe(demoConfig.name.he)
    expect(pass.storeCard.primaryFields[0]!.label).toBe('נקודות')
    expect(pass.storeCard.secondaryFields[1]).toEqual({ key: 'tier', label: 'דרגה', value: 'גולד' })
  })

  it('writes colours as Apple wants them and picks readable text', () => {
    expect(appleColor('#d4a017')).toBe('rgb(212, 160, 23)')
    expect(() => appleColor('gold')).toThrow()
    expect(textColorOn('#ffffff')).toBe('#000000')
    expect(textColorOn('#1a1a2e')).toBe('#ffffff')
    expect(applePassFileName('10000009')).toBe('card-10000009.pkpass')
  })
})

describe('Apple Wallet .pkpass', () => {
  it('is a zip whose manifest hashes every file and whose signature is a valid detached PKCS#7 of the manifest', async () => {
    const file = await appleWalletPass(dana, gold, demoConfig, test.credentials.apple)
    const out = join(test.dir, 'unzipped')
    mkdirSync(out)
    writeFileSync(join(test.dir, 'card.pkpass'), file)
    execFileSync('unzip', ['-q', join(test.dir, 'card.pkpass'), '-d', out])

    const files = readdirSync(out).sort()
    expect(files).toEqual(['icon.png', 'icon@2x.png', 'icon@3x.png', 'manifest.json', 'pass.json', 'signature'])

    const pass = JSON.parse(readFileSync(join(out, 'pass.json'), 'utf8'))
    expect(pass.passTypeIdentifier).toBe(TEST_PASS_TYPE_ID)
    expect(pass.teamIdentifier).toBe(TEST_TEAM_ID)
    expect(pass.storeCard.primaryFields[0]).toMatchObject({ key: 'balance', value: 1240 })
    expect(pass.storeCard.secondaryFields[1]).toMatchObject({ key: 'tier', value: 'Gold' })
    expect(pass.storeCard.auxiliaryFields[0]).toMatchObject({ key: 'memberNo', value: '1000 0009' })
    expect(pass.barcodes[0]).toMatchObject({ format: 'PKBarcodeFormatQR', message: '10000009' })

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<string, string>
    const hashed = files.filter((name) => name !== 'manifest.json' && name !== 'signature')
    expect(Object.keys(manifest).sort()).toEqual(hashed)
    for (const name of hashed) {
      expect(manifest[name], name).toBe(createHash('sha1').update(readFileSync(join(out, name))).digest('hex'))
    }

    const verifySignature = (content: string, ca: string) =>
      execFileSync(
        'openssl',
        ['smime', '-verify', '-binary', '-inform', 'DER', '-in', join(out, 'signature'), '-content', content, '-CAfile', ca, '-purpose', 'any', '-out', '/dev/null'],
        { stdio: 'pipe' },
      )
    // Signed by the Pass Type ID certificate, which chains to the (test) WWDR certificate.
    expect(() => verifySignature(join(out, 'manifest.json'), join(test.dir, 'wwdr.pem'))).not.toThrow()
    const signerOut = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-in', join(out, 'signature'), '-print_certs', '-noout'], { encoding: 'utf8' })
    expect(signerOut).toContain(`Pass Type ID: ${TEST_PASS_TYPE_ID}`)

    // Any change to the manifest breaks the signature.
    const tampered = join(test.dir, 'tampered-manifest.json')
    writeFileSync(tampered, JSON.stringify({ ...manifest, 'pass.json': '0'.repeat(40) }))
    expect(() => verifySignature(tampered, join(test.dir, 'wwdr.pem'))).toThrow()
  })

  it('draws valid PNG icons in the tier colour', () => {
    const image = PNG.sync.read(solidPng(29, '#8a6100'))
    expect([image.width, image.height]).toEqual([29, 29])
    expect([...image.data.subarray(0, 4)]).toEqual([0x8a, 0x61, 0x00, 255])
    expect([...image.data.subarray(-4)]).toEqual([0x8a, 0x61, 0x00, 255])
  })
})

describe('wallet pass input and configuration', () => {
  it('takes only the kind', () => {
    expect(GetWalletPassInputSchema.safeParse({ kind: 'google' }).success).toBe(true)
    expect(GetWalletPassInputSchema.safeParse({ kind: 'samsung' }).success).toBe(false)
    expect(GetWalletPassInputSchema.safeParse({ kind: 'apple', uid: 'someone-else' }).success).toBe(false)
  })

  it('accepts the self-made credentials and refuses a half-filled one', () => {
    expect(WalletCredentialsSchema.safeParse(test.credentials).success).toBe(true)
    expect(WalletCredentialsSchema.safeParse({}).success).toBe(true)
    expect(WalletCredentialsSchema.safeParse({ apple: { passTypeIdentifier: TEST_PASS_TYPE_ID } }).success).toBe(false)
  })

  it('keeps passes off for a club configuration written before they existed', () => {
    const older: Record<string, unknown> = { ...demoConfig }
    delete older.walletPasses
    expect(ClubConfigSchema.parse(older).walletPasses).toEqual({ google: false, apple: false })
  })
})
