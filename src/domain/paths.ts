/** Every Firestore path the product uses, in one place (client, functions, rules tests, seed). */
export const COLLECTIONS = {
  config: 'config',
  members: 'members',
  ledger: 'ledger',
  partners: 'partners',
  rewards: 'rewards',
  memberNumbers: 'memberNumbers',
  referralCodes: 'referralCodes',
  coupons: 'coupons',
  usage: 'usage',
  cardKeys: 'cardKeys',
  cardScans: 'cardScans',
  secrets: 'secrets',
  referrals: 'referrals',
} as const

export const CLUB_CONFIG_DOC = 'club'

export const paths = {
  clubConfig: () => `${COLLECTIONS.config}/${CLUB_CONFIG_DOC}`,
  member: (uid: string) => `${COLLECTIONS.members}/${uid}`,
  ledger: (uid: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.ledger}`,
  ledgerEntry: (uid: string, entryId: string) =>
    `${COLLECTIONS.members}/${uid}/${COLLECTIONS.ledger}/${entryId}`,
  partner: (partnerId: string) => `${COLLECTIONS.partners}/${partnerId}`,
  reward: (rewardId: string) => `${COLLECTIONS.rewards}/${rewardId}`,
  memberNumber: (memberNo: string) => `${COLLECTIONS.memberNumbers}/${memberNo}`,
  referralCode: (code: string) => `${COLLECTIONS.referralCodes}/${code}`,
  coupon: (code: string) => `${COLLECTIONS.coupons}/${code}`,
  /** How often a member has used an earning rule (caps per day / month / once). */
  usage: (uid: string, ruleId: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.usage}/${ruleId}`,
  /** A member's card key (server-only; the member fetches it through getCardKey). */
  cardKey: (uid: string) => `${COLLECTIONS.cardKeys}/${uid}`,
  /** One accepted card token: a token is good for one scan. */
  cardScan: (memberNo: string, step: number, code: string) => `${COLLECTIONS.cardScans}/${memberNo}-${step}-${code}`,
  posterKey: () => `${COLLECTIONS.secrets}/posterKey`,
  /** The referral of one friend (the friend's uid): who brought them, and where it stands. */
  referral: (friendUid: string) => `${COLLECTIONS.referrals}/${friendUid}`,
} as const

/** Ledger entry ids that are fixed so the operation that writes them is idempotent. */
export const LEDGER_IDS = {
  welcomeGift: 'welcome-gift',
  purchase: (partnerId: string, receiptId: string) => `purchase-${partnerId}-${receiptId}`,
  purchaseRefund: (purchaseEntryId: string) => `refund-${purchaseEntryId}`,
  debtRecovery: (creditEntryId: string) => `${creditEntryId}-debt`,
  redemption: (requestId: string) => `redeem-${requestId}`,
  expiry: (expiresOn: string) => `expire-${expiresOn}`,
  birthday: (year: number) => `birthday-${year}`,
  activity: (ruleId: string, actionId: string) => `activity-${ruleId}-${actionId}`,
  adjustment: (key: string) => `adjust-${key}`,
  checkIn: (partnerId: string, day: string) => `checkin-${partnerId}-${day}`,
  visitStreak: (month: string) => `streak-${month}`,
  referralWelcome: 'referral-welcome',
  referralReward: (friendUid: string) => `referral-${friendUid}`,
} as const
