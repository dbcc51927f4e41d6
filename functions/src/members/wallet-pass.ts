import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https'
import { CALLABLES } from '../../../src/domain/contracts/callables'
import { GetWalletPassInputSchema, WalletCredentialsSchema, type WalletCredentials } from '../../../src/domain/members/wallet-pass-schema'
import { applePassFileName, PKPASS_MIME_TYPE, type WalletKind, type WalletMember } from '../../../src/domain/members/wallet-pass'
import { effectiveTier, type TierBoost } from '../../../src/domain/points/tiers'
import { localDate } from '../../../src/domain/shared/calendar'
import { isLocale } from '../../../src/domain/shared/locale'
import { paths } from '../../../src/domain/shared/paths'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { callerOf } from '../lib/roles'
import { appleWalletPass, googleWalletSaveUrl } from './wallet-pass-build'

/**
 * A pass is a member's own card: staff and operators have no card to add (a staff person's own
 * member account signs in as a member).
 */
function requireMemberRole(request: Pick<CallableRequest, 'auth'>) {
  const caller = callerOf(request)
  if (caller.role !== 'member') {
    throw new HttpsError('permission-denied', 'Wallet passes are for members.', { reason: 'members-only' })
  }
  return caller
}

function notConfigured(kind: WalletKind): HttpsError {
  return new HttpsError('failed-precondition', `The club does not issue ${kind} wallet passes.`, { reason: 'wallet-not-configured' })
}

/**
 * The issuer's credentials live server-only in `secrets/walletPasses` (rules deny every client),
 * like the club's other keys, and are read per call so a club that adds or renews a certificate
 * needs no redeploy. The same document is how the emulator tests supply a self-made test key and
 * certificate: that runs the whole signing path, and deleting it gives the unconfigured answer.
 */
async function walletCredentials(): Promise<WalletCredentials> {
  const snap = await db().doc(paths.walletCredentials()).get()
  if (!snap.exists) return {}
  const parsed = WalletCredentialsSchema.safeParse(snap.data())
  if (!parsed.success) throw new HttpsError('failed-precondition', 'The wallet credentials are invalid.', { reason: 'wallet-not-configured' })
  return parsed.data
}

/** `getWalletPass`: the signed-in member's card as a Google Wallet link or an Apple Wallet `.pkpass`. */
export const getWalletPass = callable(
  CALLABLES.getWalletPass,
  { input: GetWalletPassInputSchema, authorize: requireMemberRole },
  async ({ kind }, { uid }) => {
    const [config, memberSnap] = await Promise.all([loadClubConfig(db()), db().doc(paths.member(uid)).get()])
    if (!memberSnap.exists) throw new HttpsError('failed-precondition', 'Join the club first.', { reason: 'not-a-member' })
    if (!config.walletPasses[kind]) throw notConfigured(kind)
    const credentials = await walletCredentials()

    const now = new Date()
    const language = memberSnap.get('language')
    const member: WalletMember = {
      memberNo: String(memberSnap.get('memberNo')),
      name: String(memberSnap.get('name')),
      language: isLocale(language) ? language : config.defaultLocale,
      balance: Number(memberSnap.get('balance') ?? 0),
      tierId: String(memberSnap.get('tierId')),
    }
    const tier = effectiveTier(
      member.tierId,
      memberSnap.get('tierBoost') as TierBoost | undefined,
      config.tiers,
      localDate(now, config.timeZone),
    )

    if (kind === 'google') {
      if (!credentials.google) throw notConfigured(kind)
      return { kind, saveUrl: googleWalletSaveUrl(member, tier, credentials.google, now) }
    }
    if (!credentials.apple) throw notConfigured(kind)
    const file = await appleWalletPass(member, tier, config, credentials.apple)
    return { kind, mimeType: PKPASS_MIME_TYPE, fileName: applePassFileName(member.memberNo), base64: file.toString('base64') }
  },
)
