/**
 * Why staff typed the member number instead of scanning the card (typed purchases are flagged).
 * Apart from the schemas so the till's screen lists them without bringing zod into the app.
 */
export const TYPED_REASONS = ['phone-unavailable', 'phone-battery', 'qr-unreadable', 'app-not-installed', 'wallet-pass'] as const
export type TypedReason = (typeof TYPED_REASONS)[number]

/**
 * What staff choose from when they type a number. A wallet pass (Google or Apple) shows the bare
 * member number as its QR — a pass is static, so it cannot carry the rotating code — and the till
 * takes that scan as a typed number with the reason `wallet-pass`: looked up, flagged and capped
 * like one, never as a scanned card.
 */
export const STAFF_TYPED_REASONS = TYPED_REASONS.filter((reason) => reason !== 'wallet-pass')

/**
 * Why a purchase is refunded at the till: a refund always names one, kept on the receipt, the
 * ledger entry and the audit log. Listed here so the till's refund form needs no zod.
 */
export const REFUND_REASONS = ['returned', 'wrong-amount', 'wrong-customer', 'cancelled'] as const
export type RefundReason = (typeof REFUND_REASONS)[number]
