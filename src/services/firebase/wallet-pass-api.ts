// Wallet passes — their door to Firebase, apart from ./index.ts: only the profile screen's lazy
// chunk imports it, so none of it weighs on the card route (see scripts/size-report.mjs).
import { later } from './index'

export const getWalletPass = later((sdk) => sdk.getWalletPass)
