// The demo club that `npm start` seeds: configuration as data, validated by the domain schemas.
import { DEFAULT_PURCHASE_POLICY, type ClubConfig, type Partner, type Reward } from '../src/domain/shared/club-config'
import { DEFAULT_TIME_ZONE } from '../src/domain/shared/platform'
import { DEFAULT_COMMUNITY_POLICY } from '../src/domain/community/policy'
import { DEFAULT_STREAK_POLICY } from '../src/domain/earn/streak-policy'
import { DEFAULT_SEGMENT_POLICY } from '../src/domain/offers/rfm'
import type { Charity } from '../src/domain/earn/charities'
import type { Survey } from '../src/domain/earn/surveys'
import type { Plan } from '../src/domain/members/plans-schema'

export const DEMO_PASSWORD = 'moadon-demo'

const demoInterests: ClubConfig['interests'] = [
  { id: 'coffee', label: { he: 'קפה ומאפים', en: 'Coffee & pastries' } },
  { id: 'groceries', label: { he: 'קניות לבית', en: 'Groceries' } },
  { id: 'kids', label: { he: 'ילדים ומשחקים', en: 'Kids & toys' } },
  { id: 'books', label: { he: 'ספרים', en: 'Books' } },
  { id: 'health', label: { he: 'בריאות וטיפוח', en: 'Health & care' } },
  { id: 'car', label: { he: 'רכב ונסיעות', en: 'Car & travel' } },
  { id: 'events', label: { he: 'אירועים וסדנאות', en: 'Events & workshops' } },
  { id: 'eco', label: { he: 'קיימות', en: 'Sustainability' } },
]

export const demoConfig: ClubConfig = {
  name: { he: 'מועדון השכונה', en: 'Neighborhood Club' },
  tagline: { he: 'נקודות בכל קנייה, בכל החנויות השותפות', en: 'Points on every purchase, at every partner store' },
  logo: '/brand/logo.svg',
  currency: 'ILS',
  defaultLocale: 'he',
  interests: demoInterests,
  interestIds: demoInterests.map((interest) => interest.id),
  profileReward: { requireBirthday: true, minInterests: 3 },
  tierMeasure: 'points',
  tiers: [
    {
      id: 'silver',
      name: { he: 'סילבר', en: 'Silver' },
      color: '#5f6b76',
      threshold: 0,
      multiplier: 1,
      benefits: [
        { he: 'נקודה על כל שקל בכל החנויות השותפות', en: '1 point per shekel at every partner store' },
        { he: 'מתנת הצטרפות ומתנת יום הולדת', en: 'Welcome gift and birthday gift' },
      ],
    },
    {
      id: 'gold',
      name: { he: 'גולד', en: 'Gold' },
      color: '#8a6100',
      threshold: 1000,
      multiplier: 1.25,
      benefits: [
        { he: '25% יותר נקודות על כל קנייה', en: '25% more points on every purchase' },
        { he: 'גישה מוקדמת למבצעים לחברי המועדון', en: 'Early access to members-only offers' },
        { he: 'הטבות בלעדיות לגולד ומעלה', en: 'Rewards only for Gold and above' },
      ],
    },
    {
      id: 'platinum',
      name: { he: 'פלטינום', en: 'Platinum' },
      color: '#34495e',
      threshold: 3000,
      multiplier: 1.5,
      benefits: [
        { he: '50% יותר נקודות על כל קנייה', en: '50% more points on every purchase' },
        { he: 'הזמנות לסדנאות ולאירועים סגורים', en: 'Invitations to private workshops and events' },
        { he: 'שירות אישי בכל החנויות השותפות', en: 'Personal service at every partner store' },
      ],
    },
  ],
  timeZone: DEFAULT_TIME_ZONE,
  welcomeGift: { points: 50 },
  earning: {
    pointsPerShekel: 1,
    // Any day of the birthday month; a reward id here would give its coupon instead of points.
    birthdayGift: { points: 100, rewardId: null, window: 'month' },
    activities: [
      {
        id: 'profile-complete',
        label: { he: 'השלמת הפרופיל', en: 'Completing your profile' },
        points: 40,
        perDay: null,
        perMonth: null,
        once: true,
      },
      {
        id: 'share-referral',
        label: { he: 'שיתוף קישור ההזמנה', en: 'Sharing your invitation link' },
        points: 10,
        perDay: null,
        perMonth: 3,
        once: false,
      },
      {
        id: 'community-post',
        label: { he: 'הפוסט הראשון של היום בקהילה', en: 'Your first community post of the day' },
        points: 5,
        perDay: 1,
        perMonth: null,
        once: false,
      },
      {
        id: 'community-comment',
        label: { he: 'התגובה הראשונה של היום בקהילה', en: 'Your first comment of the day' },
        points: 2,
        perDay: 1,
        perMonth: null,
        once: false,
      },
      {
        id: 'community-featured',
        label: { he: 'פוסט שהמועדון בחר להציג', en: 'A post the club features' },
        points: 25,
        perDay: null,
        perMonth: null,
        once: false,
      },
      {
        id: 'follow-social',
        label: { he: 'מעקב אחרי המועדון ברשתות', en: 'Following the club on social media' },
        points: 15,
        perDay: null,
        perMonth: null,
        once: true,
      },
      {
        id: 'eco-cup',
        label: { he: 'הבאת כוס רב־פעמית', en: 'Bringing your own cup' },
        points: 5,
        perDay: 1,
        perMonth: null,
        once: false,
      },
    ],
  },
  socialLinks: [
    { network: 'instagram', url: 'https://www.instagram.com/moadon.demo' },
    { network: 'facebook', url: 'https://www.facebook.com/moadon.demo' },
  ],
  pointsExpiryMonths: 12,
  purchases: DEFAULT_PURCHASE_POLICY,
  couponValidityDays: 30,
  checkIn: { radiusMeters: 150, maxAccuracyMeters: 100, streakGoal: 5, streakBonusPoints: 100 },
  reviews: { points: 20, visitWindowDays: 30, periodDays: 90, minChars: 20, maxChars: 1000 },
  // A freeze for every 4 weeks in a row (at most 2, Duolingo's number); the daily streak stays off.
  streaks: DEFAULT_STREAK_POLICY,
  community: DEFAULT_COMMUNITY_POLICY,
  eco: {
    actions: [
      // The Earn hub shows the cup through the activity rule of the same id (same points and cap).
      { id: 'eco-cup', label: { he: 'כוס רב־פעמית', en: 'Own cup' }, points: 5, perDay: 1, partnerIds: null },
      {
        id: 'eco-packaging',
        label: { he: 'החזרת אריזה', en: 'Returned packaging' },
        points: 10,
        perDay: 2,
        partnerIds: ['super-hashchuna', 'hadar-pharm'],
      },
    ],
    staffDailyCap: 40,
  },
  photos: { dailyUploads: 20 },
  // No Google Wallet issuer account or Apple Pass Type ID in the demo: the buttons stay hidden
  // (a pass signed with a made-up key would be refused by the phone). README: wallet passes.
  walletPasses: { google: false, apple: false },
  segments: DEFAULT_SEGMENT_POLICY,
  // Household cards: Dana shares her balance with Noa (demoHousehold below).
  household: { enabled: true, maxMembers: 4 },
  // A point is worth 5 agorot (₪1 earns a point, so 5% back), what partners settle at.
  settlement: { pointValue: { agorot: 5, perPoints: 1 } },
  referrals: {
    enabled: true,
    friendWelcomePoints: 100,
    minQualifyingSpendShekels: 50,
    ladder: [
      { fromFriend: 1, points: 50, tierBoostMonths: 0 },
      { fromFriend: 2, points: 75, tierBoostMonths: 0 },
      { fromFriend: 5, points: 200, tierBoostMonths: 1 },
    ],
    monthlyCap: 10,
    velocityHold: { maxFriends: 3, minutes: 60 },
    refundWindowDays: 30,
    // The maintained list (the mailchecker package) has the well-known ones; this is the club's own.
    disposableDomains: ['tempmail.com'],
  },
}

const week = { he: 'א׳–ה׳ 07:00–21:00, ו׳ 07:00–14:00', en: 'Sun–Thu 07:00–21:00, Fri 07:00–14:00' }

export const demoPartners: Partner[] = [
  {
    id: 'cafe-shachar',
    name: { he: 'קפה שחר', en: 'Café Shachar' },
    category: 'cafe',
    address: { he: 'דיזנגוף 120, תל אביב', en: '120 Dizengoff St, Tel Aviv' },
    location: { lat: 32.0809, lng: 34.7738 },
    hours: week,
    earnMultiplier: 2,
    benefits: [{ he: '2 ₪ הנחה למביאים כוס רב־פעמית', en: '₪2 off when you bring your own cup' }],
    checkInPoints: 5,
    visitCode: { mode: 'screen' },
    maxReceiptShekels: null,
    active: true,
  },
  {
    id: 'super-hashchuna',
    name: { he: 'סופר השכונה', en: 'Neighborhood Market' },
    category: 'supermarket',
    address: { he: 'אבן גבירול 64, תל אביב', en: '64 Ibn Gabirol St, Tel Aviv' },
    location: { lat: 32.0823, lng: 34.7817 },
    hours: { he: 'א׳–ה׳ 07:00–23:00, ו׳ 07:00–15:00', en: 'Sun–Thu 07:00–23:00, Fri 07:00–15:00' },
    earnMultiplier: 1,
    benefits: [{ he: '5% הנחה על קנייה שנייה בתוך 7 ימים', en: '5% off a second purchase within 7 days' }],
    checkInPoints: 3,
    visitCode: { mode: 'printed' },
    maxReceiptShekels: null,
    active: true,
  },
  {
    id: 'delek-hatsafon',
    name: { he: 'דלק הצפון', en: 'Tsafon Fuel' },
    category: 'gas-station',
    address: { he: 'דרך נמיר 150, תל אביב', en: '150 Namir Rd, Tel Aviv' },
    location: { lat: 32.0975, lng: 34.7921 },
    hours: { he: 'פתוח 24 שעות, כל יום', en: 'Open 24 hours, every day' },
    earnMultiplier: 1,
    benefits: [{ he: '20% הנחה על שטיפת רכב', en: '20% off a car wash' }],
    checkInPoints: 3,
    visitCode: { mode: 'printed' },
    maxReceiptShekels: null,
    active: true,
  },
  {
    id: 'gan-toys',
    name: { he: 'צעצועי הגן', en: 'Gan Toys' },
    category: 'toy-store',
    address: { he: 'שדרות ירושלים 30, יפו', en: '30 Jerusalem Blvd, Jaffa' },
    location: { lat: 32.0516, lng: 34.7582 },
    hours: week,
    earnMultiplier: 1.5,
    benefits: [{ he: 'אריזת מתנה חינם לחברי המועדון', en: 'Free gift wrapping for members' }],
    checkInPoints: 5,
    visitCode: { mode: 'printed' },
    maxReceiptShekels: null,
    active: true,
  },
  {
    id: 'carmel-books',
    name: { he: 'ספרי הכרמל', en: 'Carmel Books' },
    category: 'bookstore',
    address: { he: 'שינקין 15, תל אביב', en: '15 Sheinkin St, Tel Aviv' },
    location: { lat: 32.0701, lng: 34.7735 },
    hours: week,
    earnMultiplier: 1.5,
    benefits: [{ he: 'מפגש סופרים חודשי לחברי המועדון', en: 'Monthly author meet-up for members' }],
    checkInPoints: 5,
    visitCode: { mode: 'printed' },
    maxReceiptShekels: null,
    active: true,
  },
  {
    id: 'hadar-pharm',
    name: { he: 'בית מרקחת הדר', en: 'Hadar Pharmacy' },
    category: 'pharmacy',
    address: { he: 'ארלוזורוב 90, תל אביב', en: '90 Arlozorov St, Tel Aviv' },
    location: { lat: 32.0874, lng: 34.7806 },
    hours: { he: 'א׳–ה׳ 08:00–22:00, ו׳ 08:00–14:00', en: 'Sun–Thu 08:00–22:00, Fri 08:00–14:00' },
    earnMultiplier: 1,
    benefits: [{ he: 'ייעוץ אישי של רוקח, בלי לחכות בתור', en: 'Personal pharmacist advice, no waiting in line' }],
    checkInPoints: 3,
    visitCode: { mode: 'printed' },
    maxReceiptShekels: null,
    active: true,
  },
]

const item = (r: Omit<Reward, 'kind' | 'valueShekels' | 'active'>): Reward => ({
  ...r,
  kind: 'item',
  valueShekels: null,
  active: true,
})

export const demoRewards: Reward[] = [
  item({
    id: 'free-coffee',
    name: { he: 'קפה הפוך', en: 'Latte' },
    description: { he: 'קפה הפוך בכל גודל, בקפה שחר', en: 'A latte in any size at Café Shachar' },
    cost: 60,
    partnerId: 'cafe-shachar',
    tierIds: [],
    stock: null,
    image: '/rewards/coffee.svg',
  }),
  item({
    id: 'coffee-pastry',
    name: { he: 'קפה ומאפה', en: 'Coffee and pastry' },
    description: { he: 'קפה ומאפה טרי מהבוקר', en: 'A coffee and a fresh morning pastry' },
    cost: 110,
    partnerId: 'cafe-shachar',
    tierIds: [],
    stock: null,
    image: '/rewards/pastry.svg',
  }),
  {
    id: 'voucher-20',
    name: { he: 'שובר 20 ₪', en: '₪20 voucher' },
    description: { he: 'שובר קנייה בסופר השכונה', en: 'Shopping voucher at Neighborhood Market' },
    kind: 'voucher',
    cost: 200,
    valueShekels: 20,
    partnerId: 'super-hashchuna',
    tierIds: [],
    stock: null,
    image: '/rewards/voucher.svg',
    active: true,
  },
  {
    id: 'voucher-50',
    name: { he: 'שובר 50 ₪', en: '₪50 voucher' },
    description: { he: 'שובר לכל חנות שותפה', en: 'Voucher for any partner store' },
    kind: 'voucher',
    cost: 450,
    valueShekels: 50,
    partnerId: null,
    tierIds: [],
    stock: null,
    image: '/rewards/voucher.svg',
    active: true,
  },
  item({
    id: 'car-wash',
    name: { he: 'שטיפת רכב', en: 'Car wash' },
    description: { he: 'שטיפה חיצונית בדלק הצפון', en: 'Exterior wash at Tsafon Fuel' },
    cost: 300,
    partnerId: 'delek-hatsafon',
    tierIds: [],
    stock: null,
    image: '/rewards/car-wash.svg',
  }),
  item({
    id: 'kids-book',
    name: { he: 'ספר ילדים', en: "Children's book" },
    description: { he: 'ספר ילדים לבחירה בספרי הכרמל', en: "A children's book of your choice at Carmel Books" },
    cost: 350,
    partnerId: 'carmel-books',
    tierIds: [],
    stock: 40,
    image: '/rewards/book.svg',
  }),
  item({
    id: 'board-game',
    name: { he: 'משחק קופסה משפחתי', en: 'Family board game' },
    description: { he: 'משחק קופסה לבחירה בצעצועי הגן', en: 'A board game of your choice at Gan Toys' },
    cost: 800,
    partnerId: 'gan-toys',
    tierIds: ['gold', 'platinum'],
    stock: 5,
    image: '/rewards/game.svg',
  }),
  item({
    id: 'care-kit',
    name: { he: 'ערכת טיפוח', en: 'Care kit' },
    description: { he: 'ערכת טיפוח פרימיום מבית מרקחת הדר', en: 'A premium care kit from Hadar Pharmacy' },
    cost: 500,
    partnerId: 'hadar-pharm',
    tierIds: ['platinum'],
    stock: 3,
    image: '/rewards/care.svg',
  }),
]

export interface DemoPurchase {
  partnerId: string
  amount: number
  daysAgo: number
}

export interface DemoMember {
  email: string
  redemptions: { rewardId: string; daysAgo: number }[]
  name: string
  birthday: string | null
  /** A birthday in the month the demo is seeded (year of birth, day), so the seed's maintenance run gives its gift. */
  birthdayThisMonth?: { year: number; day: number }
  interests: string[]
  language: 'he' | 'en'
  joinedDaysAgo: number
  purchases: DemoPurchase[]
}

/** Dana shops a lot (Gold, some points already expired, two rewards redeemed); Yossi joined recently. */
export const demoMembers: DemoMember[] = [
  {
    email: 'dana@moadon.test',
    name: 'דנה לוי',
    birthday: null,
    birthdayThisMonth: { year: 1988, day: 14 },
    interests: ['coffee', 'books', 'events'],
    language: 'he',
    joinedDaysAgo: 430,
    purchases: [
      { partnerId: 'super-hashchuna', amount: 268.4, daysAgo: 425 },
      { partnerId: 'cafe-shachar', amount: 52, daysAgo: 400 },
      { partnerId: 'super-hashchuna', amount: 342.5, daysAgo: 180 },
      { partnerId: 'cafe-shachar', amount: 38, daysAgo: 150 },
      { partnerId: 'carmel-books', amount: 129.9, daysAgo: 120 },
      { partnerId: 'super-hashchuna', amount: 287, daysAgo: 95 },
      { partnerId: 'delek-hatsafon', amount: 250, daysAgo: 60 },
      { partnerId: 'cafe-shachar', amount: 46, daysAgo: 31 },
      { partnerId: 'gan-toys', amount: 189, daysAgo: 12 },
      { partnerId: 'super-hashchuna', amount: 412.3, daysAgo: 3 },
      // Coffee in each of the last weeks: with the purchases 3 and 31 days ago, a weekly streak with a freeze.
      { partnerId: 'cafe-shachar', amount: 14, daysAgo: 10 },
      { partnerId: 'cafe-shachar', amount: 16, daysAgo: 17 },
      { partnerId: 'cafe-shachar', amount: 12, daysAgo: 24 },
      // Her morning coffee, every couple of weeks: a history long enough to page through.
      ...Array.from({ length: 24 }, (_, i) => ({ partnerId: 'cafe-shachar', amount: 6 + (i % 3) * 2, daysAgo: 410 - i * 17 })),
    ],
    redemptions: [
      { rewardId: 'free-coffee', daysAgo: 140 },
      { rewardId: 'voucher-20', daysAgo: 50 },
    ],
  },
  {
    email: 'yossi@moadon.test',
    name: 'Yossi Cohen',
    birthday: null,
    interests: ['car', 'groceries'],
    language: 'en',
    joinedDaysAgo: 20,
    purchases: [
      { partnerId: 'delek-hatsafon', amount: 180, daysAgo: 14 },
      { partnerId: 'hadar-pharm', amount: 64.9, daysAgo: 4 },
      // Above the review amount (₪2,000): held for the operator, so the console's queue has one.
      { partnerId: 'super-hashchuna', amount: 2450, daysAgo: 1 },
    ],
    redemptions: [],
  },
]

/**
 * Published reviews by the demo members, each a day after a scanned purchase at that store (the
 * visit that allows it), so partner pages show ratings. Dana's supermarket visit and Yossi's
 * pharmacy visit are left unreviewed: the Earn hub offers them.
 */
export const demoReviews: {
  email: string
  partnerId: string
  stars: number
  text: string
  daysAgo: number
  /** A photo from scripts/assets/ (a WebP and its thumbnail), uploaded as the app would. */
  photo?: { full: string; thumb: string }
}[] = [
  {
    email: 'dana@moadon.test',
    partnerId: 'cafe-shachar',
    stars: 5,
    text: 'הקפה הכי טוב בשכונה, והצוות תמיד מחייך. המאפים של הבוקר פשוט מושלמים.',
    daysAgo: 18,
    photo: { full: 'demo-review-photo.webp', thumb: 'demo-review-photo-thumb.webp' },
  },
  {
    email: 'dana@moadon.test',
    partnerId: 'gan-toys',
    stars: 4,
    text: 'מבחר גדול של משחקי קופסה ושירות סבלני. קצת צפוף בחנות בסופי שבוע.',
    daysAgo: 11,
  },
  {
    email: 'yossi@moadon.test',
    partnerId: 'delek-hatsafon',
    stars: 4,
    text: 'Quick service at the pump and a clean shop. The coffee machine could be better.',
    daysAgo: 13,
  },
]

export const demoAdmin = { email: 'admin@moadon.test', name: 'Club Operator' }

/** The club's plans: everyone starts on the free Club plan; Club Plus is paid yearly and earns half as much again. */
export const demoPlans: Plan[] = [
  {
    id: 'club',
    name: { he: 'מועדון', en: 'Club' },
    benefits: [
      { he: 'נקודות על כל קנייה בחנויות השותפות', en: 'Points on every purchase at the partner stores' },
      { he: 'מתנת יום הולדת', en: 'A birthday gift' },
    ],
    priceAgorot: 0,
    term: { kind: 'unlimited' },
    earnMultiplier: 1,
    active: true,
    order: 0,
  },
  {
    id: 'club-plus',
    name: { he: 'מועדון פלוס', en: 'Club Plus' },
    benefits: [
      { he: 'פי 1.5 נקודות על כל קנייה', en: '1.5 times the points on every purchase' },
      { he: 'כל ההטבות של מסלול מועדון', en: 'Everything in the Club plan' },
    ],
    priceAgorot: 9900,
    term: { kind: 'year' },
    earnMultiplier: 1.5,
    active: true,
    order: 1,
  },
]

/** Dana has been on Club Plus for 345 days: it ends in about three weeks, so its first reminder is due. */
/**
 * Dana's household: Noa has her own account and card, joined Dana's household through an invite,
 * and bought a coffee since, which went into the shared balance.
 */
export const demoHousehold = {
  ownerEmail: 'dana@moadon.test',
  members: [
    {
      email: 'noa@moadon.test',
      name: 'נועה לוי',
      interests: ['coffee', 'events', 'books'],
      language: 'he' as const,
      purchase: { partnerId: 'cafe-shachar', amount: 28 },
    },
  ],
}

export const demoPlanMembers = [{ email: 'dana@moadon.test', planId: 'club-plus', sinceDaysAgo: 345 }]

export function staffEmail(partnerId: string): string {
  return `staff.${partnerId}@moadon.test`
}

/**
 * The impact wallet's charities (invented for the demo) and one matching campaign: the
 * supermarket adds 50% to donations to the neighbors' table until Friday noon.
 */
export function demoCharities(now = new Date()): Charity[] {
  const daysToFriday = (5 - now.getUTCDay() + 7) % 7 || 7
  const friday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysToFriday, 10))
  return [
    {
      id: 'neighbors-table',
      name: { he: 'שולחן השכנים', en: 'The Neighbors’ Table' },
      description: {
        he: 'ארוחות חמות לקשישים שגרים לבד בשכונה, עם מתנדבים שמגיעים עד הבית (עמותה לדוגמה).',
        en: 'Hot meals for older neighbors who live alone, brought to the door by volunteers (a sample charity).',
      },
      logo: '/charities/neighbors-table.svg',
      minPoints: 50,
      pointValueShekels: 0.1,
      active: true,
      campaigns: [
        {
          id: 'super-match',
          partnerId: 'super-hashchuna',
          percent: 50,
          startsAt: new Date(now.getTime() - 86_400_000).toISOString(),
          until: friday.toISOString(),
          capPoints: 5000,
        },
      ],
    },
    {
      id: 'green-corner',
      name: { he: 'פינה ירוקה', en: 'Green Corner' },
      description: {
        he: 'גינות קהילתיות ועצי צל ברחובות השכונה (עמותה לדוגמה).',
        en: 'Community gardens and shade trees on the neighborhood’s streets (a sample charity).',
      },
      logo: '/charities/green-corner.svg',
      minPoints: 100,
      pointValueShekels: 0.1,
      active: true,
      campaigns: [],
    },
    {
      id: 'square-library',
      name: { he: 'ספריית הכיכר', en: 'The Square Library' },
      description: {
        he: 'פינות קריאה וספרים חדשים לילדים בגנים ובמקלטים (עמותה לדוגמה).',
        en: 'Reading corners and new books for children in kindergartens and shelters (a sample charity).',
      },
      logo: '/charities/square-library.svg',
      minPoints: 30,
      pointValueShekels: 0.1,
      active: true,
      campaigns: [],
    },
  ]
}

/** Dana has given once, this morning, so the impact screen opens with a receipt and totals. */
export const demoDonations = [{ email: 'dana@moadon.test', charityId: 'neighbors-table', points: 200 }]

/**
 * One member survey, open to everyone for two months from a week ago: a choice, several choices,
 * a 1–5 scale, an attention check, NPS, a question shown only to detractors (0–6), free text.
 */
export function demoSurveys(now = new Date()): Survey[] {
  const day = 86_400_000
  const option = (id: string, he: string, en: string) => ({ id, label: { he, en } })
  return [
    {
      id: 'club-feedback',
      status: 'published',
      title: { he: 'סקר קצר על המועדון', en: 'A short survey about the club' },
      intro: {
        he: 'כמה שאלות קצרות על החנויות השותפות ועל האפליקציה. התשובות עוזרות לנו להשתפר.',
        en: 'A few quick questions about our partner stores and the app. Your answers help us improve.',
      },
      points: 30,
      opensAt: new Date(now.getTime() - 7 * day),
      closesAt: new Date(now.getTime() + 60 * day),
      target: { tiers: [], interests: [] },
      minSeconds: 10,
      questions: [
        {
          id: 'frequency',
          type: 'single',
          required: true,
          title: { he: 'כל כמה זמן יוצא לך לקנות בחנויות השותפות?', en: 'How often do you shop at our partner stores?' },
          options: [option('weekly', 'כל שבוע', 'Every week'), option('monthly', 'כל חודש', 'Every month'), option('rarely', 'לעיתים רחוקות', 'Rarely')],
        },
        {
          id: 'stores',
          type: 'multi',
          required: true,
          min: 1,
          max: 6,
          title: { he: 'באילו חנויות שותפות ביקרת החודש?', en: 'Which partner stores did you visit this month?' },
          options: [
            option('cafe', 'בית קפה', 'Café'),
            option('supermarket', 'סופרמרקט', 'Supermarket'),
            option('gas', 'תחנת דלק', 'Gas station'),
            option('toys', 'חנות צעצועים', 'Toy store'),
            option('books', 'חנות ספרים', 'Bookstore'),
            option('pharmacy', 'בית מרקחת', 'Pharmacy'),
          ],
        },
        { id: 'app-ease', type: 'scale', required: true, title: { he: 'עד כמה קל להשתמש באפליקציה?', en: 'How easy is the app to use?' } },
        {
          id: 'attention',
          type: 'single',
          required: true,
          correct: 'blue',
          title: { he: 'כדי לוודא שהשאלות נקראות, יש לבחור כאן “כחול”.', en: 'To show you’re reading, choose “Blue” here.' },
          options: [option('red', 'אדום', 'Red'), option('blue', 'כחול', 'Blue'), option('green', 'ירוק', 'Green')],
        },
        {
          id: 'recommend',
          type: 'nps',
          required: true,
          title: { he: 'מה הסיכוי להמליץ על המועדון לחברים?', en: 'How likely are you to recommend the club to a friend?' },
        },
        {
          id: 'improve',
          type: 'text',
          required: true,
          minLength: 5,
          maxLength: 500,
          showIf: { questionId: 'recommend', in: [0, 1, 2, 3, 4, 5, 6] },
          title: { he: 'מה היה גורם לך לתת ציון גבוה יותר?', en: 'What would make you give a higher score?' },
        },
        {
          id: 'anything-else',
          type: 'text',
          required: false,
          minLength: 1,
          maxLength: 500,
          title: { he: 'עוד משהו שחשוב לך לספר לנו?', en: 'Anything else you’d like to tell us?' },
        },
      ],
    },
  ]
}
