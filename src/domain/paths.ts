/** Every Firestore path the product uses, in one place (client, functions, rules tests, seed). */
export const COLLECTIONS = {
  config: 'config',
  members: 'members',
  ledger: 'ledger',
  partners: 'partners',
  rewards: 'rewards',
  memberNumbers: 'memberNumbers',
  referralCodes: 'referralCodes',
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
} as const

/** Ledger entry ids that are fixed so the operation that writes them is idempotent. */
export const LEDGER_IDS = {
  welcomeGift: 'welcome-gift',
} as const
