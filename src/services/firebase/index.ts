// The app's only door to Firebase: views and stores import from here, never from `firebase/*`.
// Nothing here loads the SDKs up front: each call brings in ./sdk on first use, so the card paints
// from what the device remembers while Firebase loads behind it.
export { AppError, AuthFailure, type AuthFailureReason } from '../errors'
export type { SessionUser } from './auth'
export type { Coupon, ReferredFriend } from './converters'
export type { LedgerPage, PageCursor } from './ledger'
export type { ProfilePatch } from './members'

type Sdk = typeof import('./sdk')
let loading: Promise<Sdk> | null = null
let gate: Promise<unknown> = Promise.resolve()

/**
 * Holds the SDKs back until `until` settles: a card painted from the device needs nothing from
 * them, and compiling them would only delay the app's first screen. Call before any other call.
 */
export function loadFirebaseAfter(until: Promise<unknown>): void {
  gate = until
}

/** Loads the SDKs once, on the first call that needs them (after the gate, if one is set). */
export function loadFirebase(): Promise<Sdk> {
  loading ??= gate.then(() => import('./sdk'))
  return loading
}

export function later<A extends unknown[], R>(pick: (sdk: Sdk) => (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => pick(await loadFirebase())(...args)
}

/** A subscription whose unsubscribe works before and after the SDK has arrived. */
export function watching<A extends unknown[]>(pick: (sdk: Sdk) => (...args: A) => () => void) {
  return (...args: A): (() => void) => {
    let stop: (() => void) | null = null
    let cancelled = false
    void loadFirebase().then((sdk) => {
      if (!cancelled) stop = pick(sdk)(...args)
    })
    return () => {
      cancelled = true
      stop?.()
    }
  }
}

export const signIn = later((sdk) => sdk.signIn)
export const signUp = later((sdk) => sdk.signUp)
export const signOut = later((sdk) => sdk.signOut)
export const renewSession = later((sdk) => sdk.renewSession)
export const clearCachedData = later((sdk) => sdk.clearCachedData)
export const watchSession = watching((sdk) => sdk.watchSession)
export const watchClubConfig = watching((sdk) => sdk.watchClubConfig)
export const watchMember = watching((sdk) => sdk.watchMember)
export const watchCoupons = watching((sdk) => sdk.watchCoupons)
export const watchPartners = watching((sdk) => sdk.watchPartners)
export const watchReferredFriends = watching((sdk) => sdk.watchReferredFriends)
export const watchRewards = watching((sdk) => sdk.watchRewards)
export const fetchLedgerPage = later((sdk) => sdk.fetchLedgerPage)
export const updateProfile = later((sdk) => sdk.updateProfile)
export const acceptCoupon = later((sdk) => sdk.acceptCoupon)
export const confirmEcoAction = later((sdk) => sdk.confirmEcoAction)
export const checkIn = later((sdk) => sdk.checkIn)
export const getCardKey = later((sdk) => sdk.getCardKey)
export const getCounterKey = later((sdk) => sdk.getCounterKey)
export const joinClub = later((sdk) => sdk.joinClub)
export const lookupMember = later((sdk) => sdk.lookupMember)
export const recordPurchase = later((sdk) => sdk.recordPurchase)
export const redeemReward = later((sdk) => sdk.redeemReward)
export const rotateCardKey = later((sdk) => sdk.rotateCardKey)
