// Self-made wallet credentials for tests, made fresh in a temporary folder on every run: an RSA key
// pair standing in for a Google service account, and an openssl test CA (standing in for Apple's
// WWDR certificate) that signs a Pass Type ID certificate. Nothing here is a real key, and none is
// committed.
import { execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WalletCredentials } from '../../../src/domain/members/wallet-pass-schema'

export const TEST_PASS_TYPE_ID = 'pass.test.moadon.card'
export const TEST_TEAM_ID = 'TESTTEAM01'

export interface TestWalletCredentials {
  credentials: Required<WalletCredentials>
  /** The Google key's public half, to verify the JWT offline. */
  googlePublicKeyPem: string
  /** A folder holding `wwdr.pem` (the test CA) for `openssl smime -verify`; removed by `cleanup`. */
  dir: string
  cleanup: () => void
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
}

export function makeTestWalletCredentials(): TestWalletCredentials {
  const google = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  const dir = mkdtempSync(join(tmpdir(), 'moadon-wallet-'))
  const subject = (cn: string) => `/CN=${cn}/O=Moadon tests/C=IL`
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'wwdr.key', '-out', 'wwdr.pem', '-days', '2', '-subj', subject('Moadon Test WWDR CA'))
  openssl(
    dir,
    'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'signer.key', '-out', 'signer.csr',
    '-subj', `/UID=${TEST_PASS_TYPE_ID}/CN=Pass Type ID: ${TEST_PASS_TYPE_ID}/OU=${TEST_TEAM_ID}/O=Moadon tests/C=IL`,
  )
  openssl(dir, 'x509', '-req', '-in', 'signer.csr', '-CA', 'wwdr.pem', '-CAkey', 'wwdr.key', '-CAcreateserial', '-out', 'signer.pem', '-days', '2')
  const read = (name: string) => readFileSync(join(dir, name), 'utf8')
  return {
    credentials: {
      google: {
        issuerId: '3388000000012345678',
        classSuffix: 'moadon-club',
        serviceAccountEmail: 'wallet-test@moadon-test.iam.gserviceaccount.com',
        privateKey: google.privateKey,
      },
      apple: {
        passTypeIdentifier: TEST_PASS_TYPE_ID,
        teamIdentifier: TEST_TEAM_ID,
        signerCert: read('signer.pem'),
        signerKey: read('signer.key'),
        wwdr: read('wwdr.pem'),
      },
    },
    googlePublicKeyPem: google.publicKey,
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
