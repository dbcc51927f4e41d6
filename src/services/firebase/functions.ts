import { FirebaseError } from 'firebase/app'
import { httpsCallable } from 'firebase/functions'
import { toAppErrorCode } from '@/domain/errors'
import { AppError } from '../errors'
import type { JoinClubInput, JoinClubResult } from '@/domain/join'
import type {
  CardKeyResult,
  CheckInResult,
  CounterKeyResult,
  MemberAtTill,
  PurchaseResult,
  RedeemResult,
  UseCouponResult,
} from '@/domain/callable-results'
import type {
  CheckInInput,
  PartnerIdInput,
  LookupMemberInput,
  RecordPurchaseInput,
  RedeemRewardInput,
  UseCouponInput,
} from '@/domain/callable-schemas'
import { functions } from './app'


async function call<I, O>(name: string, data: I): Promise<O> {
  try {
    const result = await httpsCallable<I, O>(functions, name)(data)
    return result.data
  } catch (error) {
    if (error instanceof FirebaseError) {
      const details = (error as FirebaseError & { details?: { fields?: { path: string }[]; reason?: string } }).details
      throw new AppError(
        toAppErrorCode(error.code),
        error.message,
        details?.fields?.map((f) => f.path) ?? [],
        details?.reason ?? null,
      )
    }
    throw new AppError('internal', String(error))
  }
}

export function joinClub(input: JoinClubInput): Promise<JoinClubResult> {
  return call<JoinClubInput, JoinClubResult>('joinClub', input)
}

export function redeemReward(input: RedeemRewardInput): Promise<RedeemResult> {
  return call<RedeemRewardInput, RedeemResult>('redeemReward', input)
}


export function getCardKey(): Promise<CardKeyResult> {
  return call('getCardKey', {})
}

export function rotateCardKey(): Promise<CardKeyResult> {
  return call('rotateCardKey', {})
}

export function lookupMember(input: LookupMemberInput): Promise<MemberAtTill> {
  return call('lookupMember', input)
}

export function recordPurchase(input: RecordPurchaseInput): Promise<PurchaseResult> {
  return call('recordPurchase', input)
}

export function acceptCoupon(input: UseCouponInput): Promise<UseCouponResult> {
  return call('useCoupon', input)
}

export function checkIn(input: CheckInInput): Promise<CheckInResult> {
  return call('checkIn', input)
}

export function getCounterKey(input: PartnerIdInput): Promise<CounterKeyResult> {
  return call('getCounterKey', input)
}

