// Offers and promo codes: their door to Firebase, apart from ./index.ts. Only the offers screen's
// lazy chunk imports it, so none of it weighs on the card route.
import { CALLABLES, type CallableInput } from '@/domain/contracts/callables'
import { call } from './functions'

export const listMyOffers = () => call(CALLABLES.listMyOffers, {})
export const redeemPromoCode = (input: CallableInput<'redeemPromoCode'>) => call(CALLABLES.redeemPromoCode, input)
