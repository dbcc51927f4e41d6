// The till's staff tools — refunds and the day's list — apart from ./index.ts: only the till's
// lazy route imports it, so none of it weighs on the card route (see scripts/size-report.mjs).
import { CALLABLES, type CallableInput } from '@/domain/contracts/callables'
import { call } from './functions'

/** A refund by receipt (staff: their own store, with the till and a reason); idempotent by the receipt. */
export const reversePurchase = (input: CallableInput<'reversePurchase'>) => call(CALLABLES.reversePurchase, input)
/** What this till (or this staff account) did today at its own store, newest first. */
export const listTillDay = (input: CallableInput<'listTillDay'>) => call(CALLABLES.listTillDay, input)
