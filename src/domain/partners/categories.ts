/** The kinds of partner store, a list of its own so screens that only show them need no schema library. */
export const PARTNER_CATEGORIES = ['cafe', 'supermarket', 'gas-station', 'toy-store', 'bookstore', 'pharmacy'] as const
export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number]
