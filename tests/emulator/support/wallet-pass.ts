// Wallet pass fixtures: the club's flags, its (self-made, test-only) issuer credentials in
// `secrets/walletPasses`, and readers for what `getWalletPass` answers.
import { execFileSync } from 'node:child_process'
import { createPublicKey, verify } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GOOGLE_SAVE_URL_PREFIX, type WalletPassResult } from '../../../src/domain/members/wallet-pass'
import type { WalletCredentials } from '../../../src/domain/members/wallet-pass-schema'
import { paths } from '../../../src/domain/shared/paths'
import { admin } from './emulators'

export async function setWalletFlags(flags: { google: boolean; apple: boolean }): Promise<void> {
  await admin().db.doc(paths.clubConfig()).update({ walletPasses: flags })
}

export async function setWalletCredentials(credentials: WalletCredentials | null): Promise<void> {
  const ref = admin().db.doc(paths.walletCredentials())
  if (credentials) await ref.set(credentials)
  else await ref.delete()
}

/** The loyalty object of a save link, after checking its RS256 signature with `publicKeyPem`. */
export function verifiedLoyaltyObject(result: WalletPassResult, publicKeyPem: string) {
  if (result.kind !== 'google') throw new Error(`expected a Google pass, got ${result.kind}`)
  if (!result.saveUrl.startsWith(GOOGLE_SAVE_URL_PREFIX)) throw new Error(`not a save link: ${result.saveUrl}`)
  const [header, body, signature] = result.saveUrl.slice(GOOGLE_SAVE_URL_PREFIX.length).split('.')
  const genuine = verify('RSA-SHA256', Buffer.from(`${header}.${body}`), createPublicKey(publicKeyPem), Buffer.from(signature!, 'base64url'))
  if (!genuine) throw new Error('the save link’s signature does not verify')
  return JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')).payload.loyaltyObjects[0]
}

let unzipped = 0

/** `pass.json` of an Apple pass, after checking its signature chains to the test CA (`dir/wwdr.pem`). */
export function verifiedPassJson(result: WalletPassResult, dir: string) {
  if (result.kind !== 'apple') throw new Error(`expected an Apple pass, got ${result.kind}`)
  const out = join(dir, `pass-${++unzipped}`)
  mkdirSync(out)
  writeFileSync(join(out, 'card.pkpass'), Buffer.from(result.base64, 'base64'))
  execFileSync('unzip', ['-q', 'card.pkpass', '-d', 'files'], { cwd: out })
  execFileSync(
    'openssl',
    ['smime', '-verify', '-binary', '-inform', 'DER', '-in', 'files/signature', '-content', 'files/manifest.json', '-CAfile', join(dir, 'wwdr.pem'), '-purpose', 'any', '-out', '/dev/null'],
    { cwd: out, stdio: 'pipe' },
  )
  return JSON.parse(readFileSync(join(out, 'files', 'pass.json'), 'utf8'))
}
