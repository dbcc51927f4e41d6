// Every program that bundles or type-checks this file (functions, tests) needs the declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./mailchecker.d.ts" />
import { blacklist } from 'mailchecker'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { isDisposableEmail } from '../../../src/domain/referrals/referrals'

/**
 * Throwaway addresses: the maintained list of the `mailchecker` package (tens of thousands of
 * domains, bundled with the functions, no network) plus the club's own additions in
 * `config.referrals.disposableDomains`. A subdomain of a listed domain counts as listed.
 */
export function isThrowawayAddress(email: string | null, config: Pick<ClubConfig, 'referrals'>): boolean {
  return isDisposableEmail(email, blacklist(), config.referrals.disposableDomains)
}
