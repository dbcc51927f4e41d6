import { FirebaseError } from 'firebase/app'
import { httpsCallable } from 'firebase/functions'
import { CALLABLES, type CallableInput, type CallableName, type CallableResult } from '@/domain/contracts/callables'
import { toAppErrorCode } from '@/domain/shared/errors'
import { AppError } from '../errors'
import { functions } from './app'

/**
 * Calls a callable by its contract (`src/domain/contracts/callables.ts`): the name, the input and the
 * answer are the ones the function is held to. Failures become AppErrors with the server's
 * reason; a request that never got an answer is `internal` (or `deadline-exceeded`), which the
 * stores retry with the same request id.
 */
export async function call<N extends CallableName>(name: N, data: CallableInput<N>): Promise<CallableResult<N>> {
  try {
    const result = await httpsCallable<CallableInput<N>, CallableResult<N>>(functions, name)(data)
    return result.data
  } catch (error) {
    if (error instanceof FirebaseError) {
      const details = (error as FirebaseError & { details?: { fields?: { path: string }[]; reason?: string; issues?: unknown } }).details
      throw new AppError(
        toAppErrorCode(error.code),
        error.message,
        details?.fields?.map((f) => f.path) ?? [],
        details?.reason ?? null,
        issuesOf(details?.issues),
      )
    }
    throw new AppError('internal', String(error))
  }
}

/** The problems a refused item carries (`details.issues`: path and message each), whatever else is there. */
function issuesOf(list: unknown): { path: string; message: string }[] {
  if (!Array.isArray(list)) return []
  return list.flatMap((issue) =>
    issue && typeof issue === 'object' && typeof issue.path === 'string' && typeof issue.message === 'string' ? [{ path: issue.path, message: issue.message }] : [],
  )
}

export const joinClub = (input: CallableInput<'joinClub'>) => call(CALLABLES.joinClub, input)
export const redeemReward = (input: CallableInput<'redeemReward'>) => call(CALLABLES.redeemReward, input)
export const getCardKey = () => call(CALLABLES.getCardKey, {})
export const rotateCardKey = () => call(CALLABLES.rotateCardKey, {})
/** Typed member numbers only (rate-limited per staff account); a scanned card needs no lookup. */
export const lookupMember = (input: CallableInput<'lookupMember'>) => call(CALLABLES.lookupMember, input)
/** Once per purchase; the receipt id makes a retry answer what the first try recorded. */
export const recordPurchase = (input: CallableInput<'recordPurchase'>) => call(CALLABLES.recordPurchase, input)
/** The till accepts a member's coupon (`useCoupon`: one request id per acceptance, kept across retries). */
export const acceptCoupon = (input: CallableInput<'useCoupon'>) => call(CALLABLES.useCoupon, input)
/** The till confirms an eco action for a scanned card; the request id, kept across retries, makes a retry pay once. */
export const confirmEcoAction = (input: CallableInput<'confirmEcoAction'>) => call(CALLABLES.confirmEcoAction, input)
export const checkIn = (input: CallableInput<'checkIn'>) => call(CALLABLES.checkIn, input)
/** The profile reward, once: the server checks the stored profile (`profileGaps`). */
export const claimProfileReward = () => call(CALLABLES.claimProfileReward, {})
/** The member's birthday and its calendar, once (changes go through the club: `correctBirthday`). */
export const setBirthday = (input: CallableInput<'setBirthday'>) => call(CALLABLES.setBirthday, input)
/** An honour-based action (a share, a follow), paid within its rule's caps. */
export const claimAction = (input: CallableInput<'claimAction'>) => call(CALLABLES.claimAction, input)
/** Reserve duty the member declares; the request id, kept across retries, makes a retry declare once. */
export const declareReserveDuty = (input: CallableInput<'declareReserveDuty'>) => call(CALLABLES.declareReserveDuty, input)
export const getCounterKey = (input: CallableInput<'getCounterKey'>) => call(CALLABLES.getCounterKey, input)
/** Points to a charity; the request id, kept across retries, makes a retry answer with the first receipt. */
export const donatePoints = (input: CallableInput<'donatePoints'>) => call(CALLABLES.donatePoints, input)
/** Once per store and period; the request id, kept across retries, makes a retry answer what was recorded. */
export const submitReview = (input: CallableInput<'submitReview'>) => call(CALLABLES.submitReview, input)
/** A resized photo (full and thumbnail, base64); pending until a review or post attaches it. */
export const uploadPhoto = (input: CallableInput<'uploadPhoto'>) => call(CALLABLES.uploadPhoto, input)
export const claimClue = (input: CallableInput<'claimClue'>) => call(CALLABLES.claimClue, input)
export const getHuntCode = (input: CallableInput<'getHuntCode'>) => call(CALLABLES.getHuntCode, input)
/** The member opens a survey: the server notes the first time, for the minimum completion time. */
export const startSurvey = (input: CallableInput<'startSurvey'>) => call(CALLABLES.startSurvey, input)
/** Once per survey; the request id, kept across retries, makes a retry answer what was recorded. */
export const submitSurvey = (input: CallableInput<'submitSurvey'>) => call(CALLABLES.submitSurvey, input)
/** A post (or an operator's announcement); the request id, kept across retries, makes a retry answer with the first post. */
export const createPost = (input: CallableInput<'createPost'>) => call(CALLABLES.createPost, input)
export const addComment = (input: CallableInput<'addComment'>) => call(CALLABLES.addComment, input)
export const deletePost = (input: CallableInput<'deletePost'>) => call(CALLABLES.deletePost, input)
export const reportContent = (input: CallableInput<'reportContent'>) => call(CALLABLES.reportContent, input)
export const rsvpEvent = (input: CallableInput<'rsvpEvent'>) => call(CALLABLES.rsvpEvent, input)
export const checkInEvent = (input: CallableInput<'checkInEvent'>) => call(CALLABLES.checkInEvent, input)
export const getEventDoorKey = (input: CallableInput<'getEventDoorKey'>) => call(CALLABLES.getEventDoorKey, input)
/** One vote per competition; the request id, kept across retries, makes a retry answer as the first. */
export const voteEntry = (input: CallableInput<'voteEntry'>) => call(CALLABLES.voteEntry, input)
/** The member's card as a wallet pass: a Google Wallet save link, or an Apple Wallet `.pkpass` in base64. */
export const getWalletPass = (input: CallableInput<'getWalletPass'>) => call(CALLABLES.getWalletPass, input)
