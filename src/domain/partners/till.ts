/**
 * Why staff typed the member number instead of scanning the card (typed purchases are flagged).
 * Apart from the schemas so the till's screen lists them without bringing zod into the app.
 */
export const TYPED_REASONS = ['phone-unavailable', 'phone-battery', 'qr-unreadable', 'app-not-installed'] as const
export type TypedReason = (typeof TYPED_REASONS)[number]
