import { createPrivateKey, sign } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'
import type { WalletCredentials } from '../../../src/domain/members/wallet-pass-schema'
import {
  applePassJson,
  googleLoyaltyObject,
  googleSaveClaims,
  googleSaveUrl,
  GOOGLE_SAVE_URL_MAX,
  type WalletMember,
} from '../../../src/domain/members/wallet-pass'
import type { ClubConfig, Tier } from '../../../src/domain/shared/club-config'

type GoogleCredentials = NonNullable<WalletCredentials['google']>
type AppleCredentials = NonNullable<WalletCredentials['apple']>

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

/** A compact JWS (RS256) over `claims` with the service account's key. */
export function signRs256(claims: object, privateKeyPem: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))
  const body = base64url(JSON.stringify(claims))
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${body}`), createPrivateKey(privateKeyPem))
  return `${header}.${body}.${base64url(signature)}`
}

/**
 * The "Save to Google Wallet" link. Names are at most 60 letters, but a letter can weigh up to 25
 * bytes (an emoji sequence) before base64, so a rare name could push the link past Google's limit;
 * such a name is cut, whole letters at a time, with an ellipsis: the member number beside it still
 * says whose card it is.
 */
export function googleWalletSaveUrl(member: WalletMember, tier: Tier, credentials: GoogleCredentials, now: Date): string {
  const link = (name: string) =>
    googleSaveUrl(
      signRs256(
        googleSaveClaims(googleLoyaltyObject({ ...member, name }, tier, credentials), credentials.serviceAccountEmail, now),
        credentials.privateKey,
      ),
    )
  const letters = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(member.name)].map((part) => part.segment)
  let url = link(member.name)
  while (url.length > GOOGLE_SAVE_URL_MAX && letters.length > 1) {
    // Every 4 characters of base64 over the limit are 3 bytes of name to drop (plus the ellipsis).
    let drop = Math.ceil(((url.length - GOOGLE_SAVE_URL_MAX) * 3) / 4) + 3
    while (drop > 0 && letters.length > 1) drop -= Buffer.byteLength(letters.pop()!)
    url = link(`${letters.join('').trimEnd()}…`)
  }
  if (url.length > GOOGLE_SAVE_URL_MAX) throw new Error(`Google Wallet link is ${url.length} characters`)
  return url
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/**
 * A square PNG in the tier's colour. Apple Wallet refuses a pass without `icon.png` (it shows it
 * in notifications); the club's logo is an SVG the app serves, which a pass cannot carry, so the
 * functions draw the icon instead of shipping a second copy of the brand.
 */
export function solidPng(size: number, hex: string): Buffer {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16))
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + size * 3)
  for (let x = 0; x < size; x++) row.set([r!, g!, b!], 1 + x * 3)
  const pixels = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(pixels)), pngChunk('IEND', Buffer.alloc(0))])
}

/**
 * The member's signed `.pkpass` (a zip of pass.json, icons, manifest.json and its PKCS#7
 * signature). passkit-generator and its node-forge and joi are loaded on the first Apple pass
 * only, so no other function's cold start pays for them.
 */
export async function appleWalletPass(
  member: WalletMember,
  tier: Tier,
  config: Pick<ClubConfig, 'name'>,
  credentials: AppleCredentials,
): Promise<Buffer> {
  const { PKPass } = await import('passkit-generator')
  const passJson = applePassJson(member, tier, config, credentials)
  const pass = new PKPass(
    {
      'pass.json': Buffer.from(JSON.stringify(passJson)),
      'icon.png': solidPng(29, tier.color),
      'icon@2x.png': solidPng(58, tier.color),
      'icon@3x.png': solidPng(87, tier.color),
    },
    {
      wwdr: credentials.wwdr,
      signerCert: credentials.signerCert,
      signerKey: credentials.signerKey,
      ...(credentials.signerKeyPassphrase ? { signerKeyPassphrase: credentials.signerKeyPassphrase } : {}),
    },
  )
  return pass.getAsBuffer()
}
