import type { ClubConfig, Tier } from '../shared/club-config'
import { localized, type Locale } from '../shared/locale'
import { formatMemberNumber } from '../cards/member-number'

/**
 * The member's card as a Google Wallet loyalty object and an Apple Wallet store card, built here
 * from the member document and the club configuration (pure: the functions sign, the tests
 * check the same content).
 *
 * Both passes carry the member number as their barcode, not the rotating card token: a pass is
 * static once it is in the wallet (nothing re-signs it every 30 seconds), so a token in it would
 * be refused at the till a minute later. The pass carries what the plastic card would: the member
 * number, which staff may type (a typed number is flagged and capped by the till's rules).
 */

export const WALLET_KINDS = ['google', 'apple'] as const
export type WalletKind = (typeof WALLET_KINDS)[number]

export interface GetWalletPassInput {
  kind: WalletKind
}

export type WalletPassResult =
  | { kind: 'google'; saveUrl: string }
  | { kind: 'apple'; mimeType: typeof PKPASS_MIME_TYPE; fileName: string; base64: string }

export const PKPASS_MIME_TYPE = 'application/vnd.apple.pkpass'

/** Google's "Save to Google Wallet" link: the signed JWT follows the last slash. */
export const GOOGLE_SAVE_URL_PREFIX = 'https://pay.google.com/gp/v/save/'
/** Google's limit for a save link (browsers and Google's servers cut longer ones). */
export const GOOGLE_SAVE_URL_MAX = 1800

/** What a pass needs of the member document. */
export interface WalletMember {
  memberNo: string
  name: string
  language: Locale
  balance: number
  tierId: string
}

/** The pass's own words, in the member's language (the server writes them into the pass). */
export const WALLET_PASS_LABELS: Record<Locale, { points: string; tier: string; memberNo: string; card: (club: string) => string }> = {
  he: { points: 'נקודות', tier: 'דרגה', memberNo: 'מספר חבר', card: (club) => `${club}: כרטיס חבר מועדון` },
  en: { points: 'Points', tier: 'Tier', memberNo: 'Member number', card: (club) => `${club} membership card` },
}

/** Ids the issuer accounts use: Google allows letters, digits, `.`, `_` and `-` after the issuer id. */
const GOOGLE_ID_SUFFIX = /^[\w.-]{1,64}$/

export interface GoogleWalletIds {
  issuerId: string
  /** The loyalty class the club created once in the Google Wallet console (its id after the issuer id). */
  classSuffix: string
}

/**
 * The smallest loyalty object that shows the card: everything shared by all members (logo,
 * colours, programme name) is in the club's class, created once, so the link stays short.
 */
export function googleLoyaltyObject(member: WalletMember, tier: Tier, ids: GoogleWalletIds) {
  if (!/^\d{1,25}$/.test(ids.issuerId) || !GOOGLE_ID_SUFFIX.test(ids.classSuffix)) {
    throw new Error('Google Wallet issuer id must be digits and the class suffix letters, digits, . _ -')
  }
  const labels = WALLET_PASS_LABELS[member.language]
  return {
    id: `${ids.issuerId}.${member.memberNo}`,
    classId: `${ids.issuerId}.${ids.classSuffix}`,
    state: 'ACTIVE',
    accountId: member.memberNo,
    accountName: member.name,
    loyaltyPoints: { label: labels.points, balance: { int: member.balance } },
    textModulesData: [{ id: 'tier', header: labels.tier, body: localized(tier.name, member.language) }],
    barcode: { type: 'QR_CODE', value: member.memberNo, alternateText: formatMemberNumber(member.memberNo) },
  }
}

export type GoogleLoyaltyObject = ReturnType<typeof googleLoyaltyObject>

/** The claims of a "Save to Google Wallet" JWT carrying one loyalty object. */
export function googleSaveClaims(object: GoogleLoyaltyObject, serviceAccountEmail: string, issuedAt: Date) {
  return {
    iss: serviceAccountEmail,
    aud: 'google',
    typ: 'savetowallet',
    iat: Math.floor(issuedAt.getTime() / 1000),
    payload: { loyaltyObjects: [object] },
  }
}

export function googleSaveUrl(jwt: string): string {
  return GOOGLE_SAVE_URL_PREFIX + jwt
}

export interface AppleWalletIds {
  passTypeIdentifier: string
  teamIdentifier: string
}

/** `#rrggbb` as Apple's `rgb(r, g, b)`. */
export function appleColor(hex: string): string {
  const value = /^#?([0-9a-f]{6})$/i.exec(hex)?.[1]
  if (!value) throw new Error(`not a #rrggbb colour: ${hex}`)
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(value.slice(at, at + 2), 16))
  return `rgb(${r}, ${g}, ${b})`
}

/** Black or white, whichever reads better on the tier's colour (WCAG relative luminance). */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const value = /^#?([0-9a-f]{6})$/i.exec(hex)?.[1] ?? '000000'
  const channel = (at: number) => {
    const c = parseInt(value.slice(at, at + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  return luminance > 0.179 ? '#000000' : '#ffffff'
}

/** `pass.json` of the member's Apple Wallet store card. */
export function applePassJson(member: WalletMember, tier: Tier, config: Pick<ClubConfig, 'name'>, ids: AppleWalletIds) {
  const labels = WALLET_PASS_LABELS[member.language]
  const club = localized(config.name, member.language)
  const foreground = textColorOn(tier.color)
  return {
    formatVersion: 1,
    passTypeIdentifier: ids.passTypeIdentifier,
    teamIdentifier: ids.teamIdentifier,
    // Member numbers are unique and never reused, so the number names the pass.
    serialNumber: member.memberNo,
    organizationName: club,
    description: labels.card(club),
    logoText: club,
    backgroundColor: appleColor(tier.color),
    foregroundColor: appleColor(foreground),
    labelColor: appleColor(foreground),
    sharingProhibited: true,
    storeCard: {
      primaryFields: [{ key: 'balance', label: labels.points, value: member.balance }],
      secondaryFields: [
        { key: 'name', value: member.name },
        { key: 'tier', label: labels.tier, value: localized(tier.name, member.language) },
      ],
      auxiliaryFields: [{ key: 'memberNo', label: labels.memberNo, value: formatMemberNumber(member.memberNo) }],
    },
    barcodes: [
      {
        format: 'PKBarcodeFormatQR',
        message: member.memberNo,
        messageEncoding: 'iso-8859-1',
        altText: formatMemberNumber(member.memberNo),
      },
    ],
  }
}

export type ApplePassJson = ReturnType<typeof applePassJson>

/** The `.pkpass` file name the app saves: ASCII only, the member number. */
export function applePassFileName(memberNo: string): string {
  return `card-${memberNo}.pkpass`
}
