/** Ids the club gives things (partners, rewards, tiers, interests): lowercase, digits, dashes. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/

/**
 * Builds a document id from parts so that no input can make two different parts lists collide:
 * each part is percent-encoded (it then holds no `~`, `.` or `/`) and the parts are joined by `~`.
 * Receipt numbers, request ids and the like come from outside; `idOf('purchase', 'a', 'b~c')`
 * can never equal `idOf('purchase', 'a~b', 'c')`, and no id is `.`, `..` or holds a `/`.
 */
export function idOf(...parts: (string | number)[]): string {
  return parts
    .map((part) =>
      encodeURIComponent(String(part)).replace(/[~.!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('~')
}

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
  birthdayGifts: 'birthdayGifts',
  usage: 'usage',
  cardKeys: 'cardKeys',
  cardScans: 'cardScans',
  secrets: 'secrets',
  partnerSecrets: 'partnerSecrets',
  referrals: 'referrals',
  receipts: 'receipts',
  couponUses: 'couponUses',
  staffUsage: 'staffUsage',
  referralSettlements: 'referralSettlements',
  referralOpens: 'referralOpens',
  surveys: 'surveys',
  surveyResponses: 'responses',
  surveyStarts: 'starts',
  surveyStats: 'stats',
  reviews: 'reviews',
  reviewAuthors: 'reviewAuthors',
  reviewStats: 'reviewStats',
  reviewShards: 'shards',
  charities: 'charities',
  charityShards: 'shards',
  donations: 'donations',
  hunts: 'hunts',
  huntFinishers: 'finishers',
  huntSecrets: 'huntSecrets',
  huntClaims: 'huntClaims',
  huntTries: 'huntTries',
  badges: 'badges',
  reserveDuty: 'reserveDuty',
  photos: 'photos',
  photoVariants: 'variants',
  photoUsage: 'photoUsage',
  posts: 'posts',
  postLikes: 'likes',
  postComments: 'comments',
  postCounters: 'counters',
  community: 'community',
  reports: 'reports',
  moderationLog: 'moderationLog',
  events: 'events',
  eventAttendees: 'attendees',
  eventSecrets: 'eventSecrets',
  competitions: 'competitions',
  competitionEntrants: 'entrants',
  competitionVotes: 'votes',
  configDrafts: 'configDrafts',
  configVersions: 'configVersions',
  configHistory: 'configHistory',
  audit: 'audit',
  staffAccounts: 'staffAccounts',
  clubReports: 'clubReports',
  offers: 'offers',
  promoCodes: 'promoCodes',
  offerStats: 'offerStats',
  segmentRuns: 'segmentRuns',
  reportMonths: 'months',
  reportActivity: 'activity',
  tillLog: 'tillLog',
  inbox: 'inbox',
  messageLog: 'messageLog',
  messageWeeks: 'messageWeeks',
  pushTokens: 'pushTokens',
  messageFanouts: 'messageFanouts',
  householdInvites: 'householdInvites',
  household: 'household',
  plans: 'plans',
  payments: 'payments',
  testPayments: 'testPayments',
  messageTemplates: 'messageTemplates',
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
  /** A member's birthday gift of one gift year, points or coupon (server-only; the id from idOf). */
  birthdayGift: (uid: string, giftYear: number) => `${COLLECTIONS.birthdayGifts}/${idOf(uid, giftYear)}`,
  /** How often a member has used an earning rule (caps per day / month / once). */
  usage: (uid: string, ruleId: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.usage}/${ruleId}`,
  /** A member's card key (server-only; the member fetches it through getCardKey). */
  cardKey: (uid: string) => `${COLLECTIONS.cardKeys}/${uid}`,
  /** One accepted card token: a token is good for one scan. */
  cardScan: (memberNo: string, step: number, code: string) => `${COLLECTIONS.cardScans}/${idOf(memberNo, step, code)}`,
  /** A receipt number at a partner: unique across the club, whoever the member is (server-only). */
  receipt: (partnerId: string, receiptId: string) => `${COLLECTIONS.receipts}/${idOf(partnerId, receiptId)}`,
  /** Who accepted a coupon, with which request id (server-only: the member must not read it). */
  couponUse: (code: string) => `${COLLECTIONS.couponUses}/${code}`,
  /** A staff account's counters for one club day: purchases, sums, typed and offline scans, lookups. */
  staffDay: (staffUid: string, day: string) => `${COLLECTIONS.staffUsage}/${idOf(staffUid, day)}`,
  /** A staff account's eco confirmations for one club day (beside its purchase counters, server-only). */
  staffEcoDay: (staffUid: string, day: string) => `${COLLECTIONS.staffUsage}/${idOf(staffUid, day, 'eco')}`,
  posterKey: () => `${COLLECTIONS.secrets}/posterKey`,
  /** The club's Google Wallet and Apple Wallet issuer credentials (server-only). */
  walletCredentials: () => `${COLLECTIONS.secrets}/walletPasses`,
  /** A partner's counter key and current poster version (server-only). */
  partnerSecret: (partnerId: string) => `${COLLECTIONS.partnerSecrets}/${partnerId}`,
  /** The referral of one friend (the friend's uid): who brought them, and where it stands. */
  referral: (friendUid: string) => `${COLLECTIONS.referrals}/${friendUid}`,
  /** Which purchase qualified a referral (server-only: the referrer can read the referral itself). */
  referralSettlement: (friendUid: string) => `${COLLECTIONS.referralSettlements}/${friendUid}`,
  /** One visitor's first opening of a referral link on a club day (server-only, keyed by a hash). */
  referralOpen: (visitorHash: string) => `${COLLECTIONS.referralOpens}/${visitorHash}`,
  survey: (surveyId: string) => `${COLLECTIONS.surveys}/${surveyId}`,
  /** A photo's record: owner, status, type and size (server-only; served by the `photo` function). */
  photo: (photoId: string) => `${COLLECTIONS.photos}/${photoId}`,
  /** One variant's bytes (`full` or `thumb`), each in its own document (server-only). */
  photoVariant: (photoId: string, variant: string) => `${COLLECTIONS.photos}/${photoId}/${COLLECTIONS.photoVariants}/${variant}`,
  /** A member's uploads on a club day, for the daily cap (server-only; the id from idOf). */
  photoUsage: (usageId: string) => `${COLLECTIONS.photoUsage}/${usageId}`,
  /** A member's response to a survey (the member reads it; only the server writes it). */
  surveyResponse: (surveyId: string, uid: string) => `${COLLECTIONS.surveys}/${surveyId}/${COLLECTIONS.surveyResponses}/${uid}`,
  /** When the member first opened the survey, by the server's clock (server-only). */
  surveyStart: (surveyId: string, uid: string) => `${COLLECTIONS.surveys}/${surveyId}/${COLLECTIONS.surveyStarts}/${uid}`,
  /** One of a survey's counter shards (server-only; `getSurveyResults` sums them). */
  surveyStats: (surveyId: string) => `${COLLECTIONS.surveys}/${surveyId}/${COLLECTIONS.surveyStats}`,
  surveyStatsShard: (surveyId: string, index: number) => `${COLLECTIONS.surveys}/${surveyId}/${COLLECTIONS.surveyStats}/${index}`,
  /** A review as members see it (no uid; the id is a hash, see src/domain/earn/reviews.ts). */
  review: (reviewId: string) => `${COLLECTIONS.reviews}/${reviewId}`,
  /** Who wrote a review and with which request (server-only: the author stays anonymous). */
  reviewAuthor: (reviewId: string) => `${COLLECTIONS.reviewAuthors}/${reviewId}`,
  /** The author's own copy of a review, held ones too (read by its member, written by the server). */
  myReviews: (uid: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.reviews}`,
  myReview: (uid: string, reviewId: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.reviews}/${reviewId}`,
  /** One of a partner's rating shards (count and sum of stars of published reviews). */
  reviewShards: (partnerId: string) => `${COLLECTIONS.reviewStats}/${partnerId}/${COLLECTIONS.reviewShards}`,
  reviewShard: (partnerId: string, index: number) =>
    `${COLLECTIONS.reviewStats}/${partnerId}/${COLLECTIONS.reviewShards}/${index}`,
  charity: (charityId: string) => `${COLLECTIONS.charities}/${charityId}`,
  /** One of a charity's running-total counters (server-written, summed on read). */
  charityShard: (charityId: string, index: number) => `${COLLECTIONS.charities}/${charityId}/${COLLECTIONS.charityShards}/${index}`,
  /** A member's donation receipt, one per request id (server-written, read by its member). */
  donation: (uid: string, requestId: string) => `${COLLECTIONS.donations}/${idOf(uid, requestId)}`,
  hunt: (huntId: string) => `${COLLECTIONS.hunts}/${huntId}`,
  /** The hunt's leaderboard line of one finisher (written by the server, read by members). */
  huntFinisher: (huntId: string, uid: string) => `${COLLECTIONS.hunts}/${huntId}/${COLLECTIONS.huntFinishers}/${uid}`,
  huntFinishers: (huntId: string) => `${COLLECTIONS.hunts}/${huntId}/${COLLECTIONS.huntFinishers}`,
  /** A member's progress in a hunt (the member reads it, only the server writes it). */
  huntProgress: (uid: string, huntId: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.hunts}/${huntId}`,
  /** The hunt's key and answer digests (server-only). */
  huntSecret: (huntId: string) => `${COLLECTIONS.huntSecrets}/${huntId}`,
  /** The first answer to one claim request of a member, for retries (server-only). */
  huntClaim: (uid: string, huntId: string, requestId: string) => `${COLLECTIONS.huntClaims}/${idOf(uid, huntId, requestId)}`,
  /** A member's wrong answers to one clue in the last hour (server-only, so never reset by the member). */
  huntTries: (uid: string, huntId: string, clueIndex: number) => `${COLLECTIONS.huntTries}/${idOf(uid, huntId, clueIndex)}`,
  /** A member's badges (server-written, one document per badge id: granted once). */
  badges: (uid: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.badges}`,
  badge: (uid: string, badgeId: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.badges}/${badgeId}`,
  /** A member's reserve-duty declarations (server-only; the member document carries a summary). */
  reserveDuties: (uid: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.reserveDuty}`,
  reserveDuty: (uid: string, declarationId: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.reserveDuty}/${declarationId}`,
  /** A feed post (written by the server; members read published ones and their own). */
  post: (postId: string) => `${COLLECTIONS.posts}/${postId}`,
  /** A member's like of a post: their own document, created and deleted with a counter shard. */
  postLike: (postId: string, uid: string) => `${COLLECTIONS.posts}/${postId}/${COLLECTIONS.postLikes}/${uid}`,
  postComments: (postId: string) => `${COLLECTIONS.posts}/${postId}/${COLLECTIONS.postComments}`,
  postComment: (postId: string, commentId: string) => `${COLLECTIONS.posts}/${postId}/${COLLECTIONS.postComments}/${commentId}`,
  /** One of a post's like and comment counter shards (summed by readers). */
  postCounters: (postId: string) => `${COLLECTIONS.posts}/${postId}/${COLLECTIONS.postCounters}`,
  postCounter: (postId: string, index: number) => `${COLLECTIONS.posts}/${postId}/${COLLECTIONS.postCounters}/${index}`,
  /** A member's standing in the feed: recent post times (the pace), a mute, warnings (server-written, read by the member). */
  communityStanding: (uid: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.community}/standing`,
  /** One member's report of one post or comment (server-written; the reporter reads the outcome). */
  report: (reportId: string) => `${COLLECTIONS.reports}/${reportId}`,
  /** A photo competition (the operator's data; members read it). */
  competition: (competitionId: string) => `${COLLECTIONS.competitions}/${competitionId}`,
  /** A member's one entry in a competition: the post's id (server-written, read by the member). */
  competitionEntrant: (competitionId: string, uid: string) => `${COLLECTIONS.competitions}/${competitionId}/${COLLECTIONS.competitionEntrants}/${uid}`,
  /** A member's one vote in a competition (server-written, read by the member). */
  competitionVote: (competitionId: string, uid: string) => `${COLLECTIONS.competitions}/${competitionId}/${COLLECTIONS.competitionVotes}/${uid}`,
  /** One admin or staff action: who, what, when, which till (append-only, server-written, admins read). */
  auditEntry: (entryId: string) => `${COLLECTIONS.audit}/${entryId}`,
  /** A staff account's partner and whether it is active: the server's source of truth for the role (admins read). */
  staffAccount: (uid: string) => `${COLLECTIONS.staffAccounts}/${uid}`,
  /**
   * One thing a till did on a club day — a purchase, a refund, a coupon, an eco action — for the
   * till's "Today" list (server-only; the id from idOf, so a retry writes the same document).
   */
  tillLogEntry: (entryId: string) => `${COLLECTIONS.tillLog}/${entryId}`,
  /** An operator's unpublished change to one configuration item (key: idOf(kind, id); server-written, admins read). */
  configDraft: (itemKey: string) => `${COLLECTIONS.configDrafts}/${itemKey}`,
  /** A configuration item's live version counter, who published it and when (server-written, admins read). */
  configVersion: (itemKey: string) => `${COLLECTIONS.configVersions}/${itemKey}`,
  /** One published change of a configuration item, before and after (append-only, server-written, admins read). */
  configHistoryEntry: (entryId: string) => `${COLLECTIONS.configHistory}/${entryId}`,
  /** Every moderation decision, append-only (server-written, operators read). */
  moderationEntry: (entryId: string) => `${COLLECTIONS.moderationLog}/${entryId}`,
  /** A club event (operators write it; the server keeps its seat totals; members read published ones). */
  event: (eventId: string) => `${COLLECTIONS.events}/${eventId}`,
  eventAttendees: (eventId: string) => `${COLLECTIONS.events}/${eventId}/${COLLECTIONS.eventAttendees}`,
  /** One member's RSVP (server-written; the member reads their own). */
  eventAttendee: (eventId: string, uid: string) => `${COLLECTIONS.events}/${eventId}/${COLLECTIONS.eventAttendees}/${uid}`,
  /** The event's door key (server-only; the door screen fetches it through getEventDoorKey). */
  eventSecret: (eventId: string) => `${COLLECTIONS.eventSecrets}/${eventId}`,
  /** The reports' watermark and lease: how far the ledger has been folded, and which run holds it (server-written, admins read). */
  reportState: () => `${COLLECTIONS.clubReports}/state`,
  /** Member counts, the referral funnel and survey results as of the last refresh (server-written, admins read). */
  reportSummary: () => `${COLLECTIONS.clubReports}/summary`,
  /** One club month's ledger totals, club-wide and per partner (server-written, admins read). */
  reportMonths: () => `${COLLECTIONS.clubReports}/ledger/${COLLECTIONS.reportMonths}`,
  reportMonth: (month: string) => `${COLLECTIONS.clubReports}/ledger/${COLLECTIONS.reportMonths}/${month}`,
  /** A member's last activity, for the active-member counts (server-only). */
  reportActivities: () => `${COLLECTIONS.clubReports}/ledger/${COLLECTIONS.reportActivity}`,
  reportActivity: (uid: string) => `${COLLECTIONS.clubReports}/ledger/${COLLECTIONS.reportActivity}/${uid}`,
  /** A member's inbox (server-written; the member reads their own). */
  inbox: (uid: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.inbox}`,
  inboxMessage: (uid: string, messageId: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.inbox}/${messageId}`,
  /** Every dispatch decision, sent or held back, with its reason (server-only; the id from idOf). */
  messageLogEntry: (entryId: string) => `${COLLECTIONS.messageLog}/${entryId}`,
  /** Promotional messages delivered to a member in one club week, for the cap (server-only). */
  messageWeek: (uid: string, week: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.messageWeeks}/${week}`,
  /** A household invite by its random code: owner, expiry, who used it (server-only). */
  householdInvite: (code: string) => `${COLLECTIONS.householdInvites}/${code}`,
  /** The people in an owner's household, with what each earned (server-written, the owner reads). */
  householdMembers: (ownerUid: string) => `${COLLECTIONS.members}/${ownerUid}/${COLLECTIONS.household}`,
  householdMember: (ownerUid: string, uid: string) => `${COLLECTIONS.members}/${ownerUid}/${COLLECTIONS.household}/${uid}`,
  /** A member's devices that take push notifications, one per FCM token (server-only). */
  pushTokens: (uid: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.pushTokens}`,
  pushToken: (uid: string, tokenId: string) => `${COLLECTIONS.members}/${uid}/${COLLECTIONS.pushTokens}/${tokenId}`,
  /** How far one club announcement has been told to the members: a cursor the fan-out resumes from (server-only). */
  messageFanout: (fanoutId: string) => `${COLLECTIONS.messageFanouts}/${fanoutId}`,
  /** A membership plan the club offers (config kind `plan`; members read the active ones). */
  plan: (planId: string) => `${COLLECTIONS.plans}/${planId}`,
  /** One choosePlan request of a member, by its request id: its charge and result (server-only). */
  payment: (uid: string, requestId: string) => `${COLLECTIONS.payments}/${idOf(uid, requestId)}`,
  /** A charge the test payment provider made, by its idempotency key (server-only, emulator and tests). */
  testPayment: (key: string) => `${COLLECTIONS.testPayments}/${key}`,
  /** The club's own texts for one kind of inbox message (config kind `messageTemplate`). */
  messageTemplate: (kind: string) => `${COLLECTIONS.messageTemplates}/${kind}`,
  /** An offer to segments of the membership (config kind `offer`; read through `listMyOffers`). */
  offer: (offerId: string) => `${COLLECTIONS.offers}/${offerId}`,
  /** A promo code by its lower-case code (config kind `promoCode`, with its `uses`; server-only). */
  promoCode: (codeId: string) => `${COLLECTIONS.promoCodes}/${codeId}`,
  /** Purchases of an offer's exposed and control members in its first 14 days, one season (server-only). */
  offerStats: (offerId: string, from: string) => `${COLLECTIONS.offerStats}/${idOf(offerId, from)}`,
  /** The segment scoring run of one club day: its cursor, so a run cut short resumes (server-only). */
  segmentRun: (day: string) => `${COLLECTIONS.segmentRuns}/${day}`,
} as const

/**
 * Ledger entry ids that are fixed so the operation that writes them is idempotent. Every id that
 * holds an outside value is built by `idOf`, so a receipt number such as `x-debt` or `a~b` can
 * never reproduce another operation's id.
 */
export const LEDGER_IDS = {
  welcomeGift: 'welcome-gift',
  purchase: (partnerId: string, receiptId: string) => idOf('purchase', partnerId, receiptId),
  purchaseRefund: (purchaseEntryId: string) => idOf('refund', purchaseEntryId),
  debtRecovery: (creditEntryId: string) => idOf('debt', creditEntryId),
  redemption: (requestId: string) => idOf('redeem', requestId),
  donation: (requestId: string) => idOf('donate', requestId),
  expiry: (expiresOn: string) => idOf('expire', expiresOn),
  birthday: (year: number) => idOf('birthday', year),
  activity: (ruleId: string, actionId: string) => idOf('activity', ruleId, actionId),
  adjustment: (key: string) => idOf('adjust', key),
  checkIn: (partnerId: string, day: string) => idOf('checkin', partnerId, day),
  survey: (surveyId: string) => idOf('survey', surveyId),
  review: (reviewId: string) => idOf('review', reviewId),
  reviewClawback: (reviewId: string) => idOf('clawback-review', reviewId),
  visitStreak: (month: string) => idOf('streak', month),
  referralWelcome: 'referral-welcome',
  referralReward: (friendUid: string) => idOf('referral', friendUid),
  /** Both sides' rewards taken back when the qualifying purchase is refunded. */
  referralWelcomeClawback: 'clawback-referral-welcome',
  referralRewardClawback: (friendUid: string) => idOf('clawback-referral', friendUid),
  huntClue: (huntId: string, clueIndex: number) => idOf('hunt', huntId, clueIndex),
  huntFinished: (huntId: string) => idOf('hunt-finished', huntId),
  /** Attendance at a club event, paid once per member and event. */
  eventAttendance: (eventId: string) => idOf('event', eventId),
  ecoAction: (requestId: string) => idOf('eco', requestId),
  competitionPrize: (competitionId: string) => idOf('competition', competitionId),
  /** A second-purchase offer's bonus, once per offer and qualifying purchase (its ledger entry id). */
  secondPurchase: (offerId: string, purchaseEntryId: string) => idOf('offer', offerId, purchaseEntryId),
  /** A promo code's bonus, once per member and code. */
  promoCode: (codeId: string) => idOf('promo', codeId),
  /** A weekly-streak milestone, once per streak (named by its first week) and length. */
  weekStreak: (startWeek: string, weeks: number) => idOf('week-streak', startWeek, weeks),
  /**
   * The idempotency key of a streak update: no entry ever takes it (it has one part fewer than a
   * milestone's), so every visit is planned afresh and the streak state read in the same
   * transaction is what keeps a week from counting twice.
   */
  weekStreakVisit: (week: string) => idOf('week-streak', week),
} as const
