// Writes the demo club into the emulators through the same server code the functions use, so
// every seeded balance equals the sum of its ledger. Imported by the seed CLI and by tests.
import type { Auth } from 'firebase-admin/auth'
import type { Firestore } from 'firebase-admin/firestore'
import { ClubConfigSchema, PartnerSchema, RewardSchema, type ClubConfig } from '../src/domain/shared/club-config'
import { paths } from '../src/domain/shared/paths'
import { addDays, localDate } from '../src/domain/shared/calendar'
import { PlanSchema } from '../src/domain/members/plans-schema'
import { nextPlanCheckOn, reminderDates, termFor } from '../src/domain/members/plans'
import { runMaintenance } from '../functions/src/maintenance/run'
import { joinMember } from '../functions/src/members/join-member'
import { recordPurchase } from '../functions/src/purchases/record'
import { setUpStaffAccount } from '../functions/src/admin/staff/accounts'
import { submitReview } from '../functions/src/reviews/submit'
import { grantBadges, visitBadges } from '../functions/src/earn/badges'
import { recordStreakVisit } from '../functions/src/earn/streaks'
import { redeemReward } from '../functions/src/rewards/redeem'
import { donatePoints } from '../functions/src/earn/donate'
import { CharitySchema } from '../src/domain/earn/charities'
import { SurveySchema } from '../src/domain/earn/surveys-schema'
import {
  DEMO_PASSWORD,
  demoAdmin,
  demoCharities,
  demoDonations,
  demoConfig,
  demoMembers,
  demoPartners,
  demoPlanMembers,
  demoHousehold,
  demoPlans,
  demoRewards,
  demoReviews,
  demoSurveys,
  staffEmail,
} from './demo-club'

import { writeHunt } from '../functions/src/hunts/hunt-store'
import { DEMO_HUNT_ANSWERS, demoHunt } from './demo-hunt'
import { seedDemoEvents } from './demo-events'
import { seedDemoMessages } from './demo-messages'
import { seedDemoFeed } from './demo-feed'
import { seedDemoConfigDraft } from './demo-config'
import { seedDemoOffers } from './demo-offers'
import { seedPhoto } from './lib/seed-photo'
import { refreshReports } from '../functions/src/reports/refresh'
import { dispatchMessage, tierUpDedupeKey } from '../functions/src/messages/dispatch'
import { acceptHouseholdInvite, createHouseholdInvite } from '../functions/src/members/household'

const DAY = 24 * 60 * 60 * 1000

/** Validates and writes the club configuration, partners and rewards. */
export async function seedClubData(db: Firestore): Promise<ClubConfig> {
  const config = ClubConfigSchema.parse(demoConfig)
  const batch = db.batch()
  batch.set(db.doc(paths.clubConfig()), config)
  for (const partner of demoPartners) batch.set(db.doc(paths.partner(partner.id)), PartnerSchema.parse(partner))
  for (const reward of demoRewards) batch.set(db.doc(paths.reward(reward.id)), RewardSchema.parse(reward))
  for (const charity of demoCharities()) batch.set(db.doc(paths.charity(charity.id)), CharitySchema.parse(charity))
  for (const plan of demoPlans) batch.set(db.doc(paths.plan(plan.id)), PlanSchema.parse(plan))
  for (const survey of demoSurveys()) {
    const { id, ...data } = SurveySchema.parse(survey)
    batch.set(db.doc(paths.survey(id)), data)
  }
  await batch.commit()
  await writeHunt(db, demoHunt(), DEMO_HUNT_ANSWERS)
  return config
}

export interface SeededAccount {
  role: 'member' | 'staff' | 'admin'
  email: string
  password: string
  label: string
}

async function ensureUser(auth: Auth, uid: string, email: string, displayName: string) {
  try {
    await auth.getUser(uid)
  } catch {
    await auth.createUser({ uid, email, password: DEMO_PASSWORD, displayName, emailVerified: true })
  }
}

export async function seedDemoClub(db: Firestore, auth: Auth, now = new Date()): Promise<SeededAccount[]> {
  const config = await seedClubData(db)
  const accounts: SeededAccount[] = []
  const donations: { uid: string; i: number; donation: (typeof demoDonations)[number] }[] = []

  for (const demo of demoMembers) {
    const uid = `demo-${demo.email.split('@')[0]}`
    await ensureUser(auth, uid, demo.email, demo.name)
    await joinMember(db, {
      uid,
      email: demo.email,
      input: {
        name: demo.name,
        birthday: demo.birthdayThisMonth
          ? `${demo.birthdayThisMonth.year}-${localDate(now, config.timeZone).slice(5, 7)}-${String(demo.birthdayThisMonth.day).padStart(2, '0')}`
          : demo.birthday,
        interests: demo.interests,
        language: demo.language,
        marketingConsent: true,
        referralCode: null,
      },
      config,
      now: new Date(now.getTime() - demo.joinedDaysAgo * DAY),
      random: Math.random,
    })
    // Through the same server code as the callables, in date order, so every balance adds up.
    const events = [
      ...demo.purchases.map((purchase, i) => ({ daysAgo: purchase.daysAgo, purchase, i })),
      ...demo.redemptions.map((redemption, i) => ({ daysAgo: redemption.daysAgo, redemption, i })),
      ...demoReviews.filter((r) => r.email === demo.email).map((review, i) => ({ daysAgo: review.daysAgo, review, i })),
    ].sort((a, b) => b.daysAgo - a.daysAgo)
    for (const event of events) {
      const at = new Date(now.getTime() - event.daysAgo * DAY)
      if ('purchase' in event) {
        const partner = demoPartners.find((p) => p.id === event.purchase.partnerId)
        if (!partner) throw new Error(`unknown demo partner ${event.purchase.partnerId}`)
        const recorded = await recordPurchase(db, {
          uid,
          partner,
          amount: event.purchase.amount,
          receiptId: `${demo.email.split('@')[0]}-R${1000 + event.i}`,
          staff: { uid: `staff-${partner.id}`, email: null, memberUid: null, tillId: `demo-till-${partner.id}` },
          config,
          at,
        })
        // As recordPurchase does after a recorded purchase: the week of the visit counts (a
        // purchase held for the operator's review does not count until it is approved).
        if (recorded.status === 'recorded') await recordStreakVisit(db, uid, config, at, { backdate: true })
      } else if ('review' in event) {
        const { partnerId, stars, text, photo } = event.review
        const photoId = photo ? await seedPhoto(db, uid, photo, config, at) : undefined
        const input = { partnerId, stars, text, requestId: `demo-${uid}-review-${event.i}`, ...(photoId ? { photoId } : {}) }
        await submitReview(db, { uid, input, config, at })
      } else {
        await redeemReward(db, {
          uid,
          rewardId: event.redemption.rewardId,
          requestId: `demo-${uid}-redeem-${event.i}`,
          config,
          random: Math.random,
          at,
        })
      }
    }
    // Their milestones so far (first purchase, five different stores for Dana), as a purchase grants them.
    await visitBadges(db, uid)
    if (demoReviews.some((r) => r.email === demo.email)) await grantBadges(db, uid, { reviews: 1 })
    for (const [i, donation] of demoDonations.filter((d) => d.email === demo.email).entries()) donations.push({ uid, i, donation })
    accounts.push({ role: 'member', email: demo.email, password: DEMO_PASSWORD, label: demo.name })
  }

  for (const partner of demoPartners) {
    const uid = `staff-${partner.id}`
    const email = staffEmail(partner.id)
    await ensureUser(auth, uid, email, `${partner.name.en} staff`)
    // The server's record of the staff role, with the claims, as grantStaff leaves them.
    await setUpStaffAccount(db, auth, { uid, email, partnerId: partner.id, grantedBy: 'demo-admin' })
    accounts.push({ role: 'staff', email, password: DEMO_PASSWORD, label: partner.name.en })
  }

  // The feed's last two days come after every member's own history (so each ledger stays in
  // time order) and before the night's maintenance.
  await seedDemoFeed(db, config, now)
  // After every member's purchases (their history earned at the usual rate), before the night's
  // run, which sends Dana's first renewal reminder.
  await seedDemoPlans(db, config, now)
  // Lots earned over a year ago expire, as the nightly job would have done.
  await runMaintenance(db, config, now)
  // Today's donations come after the night's expiry, as they would have (a donation spends the
  // oldest points first, so made earlier it would have spent the points that expired).
  for (const { uid, i, donation } of donations) {
    await donatePoints(db, {
      uid,
      charityId: donation.charityId,
      points: donation.points,
      requestId: `demo-${uid}-donate-${i}`,
      config,
      random: Math.random,
    })
  }

  await seedDemoInbox(db)
  await seedDemoOffers(db, config, now)
  accounts.push(...(await seedDemoHousehold(db, auth, config, now)))

  await ensureUser(auth, 'demo-admin', demoAdmin.email, demoAdmin.name)
  await auth.setCustomUserClaims('demo-admin', { role: 'admin' })
  accounts.push({ role: 'admin', email: demoAdmin.email, password: DEMO_PASSWORD, label: demoAdmin.name })
  await seedDemoEvents(db, config, now)
  await seedDemoMessages(db, config, now)
  await seedDemoConfigDraft(db)
  // The operator's reports and settlement over everything above, as the nightly job would leave them.
  await refreshReports(db, config, { full: true, now })
  return accounts
}

export function demoAccounts(): SeededAccount[] {
  return [
    ...demoMembers.map((m) => ({ role: 'member' as const, email: m.email, password: DEMO_PASSWORD, label: m.name })),
    ...demoHousehold.members.map((m) => ({ role: 'member' as const, email: m.email, password: DEMO_PASSWORD, label: m.name })),
    ...demoPartners.map((p) => ({
      role: 'staff' as const,
      email: staffEmail(p.id),
      password: DEMO_PASSWORD,
      label: p.name.en,
    })),
    { role: 'admin', email: demoAdmin.email, password: DEMO_PASSWORD, label: demoAdmin.name },
  ]
}

/**
 * Members on a paid plan, as choosePlan leaves them (a demo payment reference instead of a
 * provider's), with `planCheckOn` at the reminder already due, so the seed's maintenance sends it.
 */
async function seedDemoPlans(db: Firestore, config: ClubConfig, now: Date) {
  const today = localDate(now, config.timeZone)
  for (const demo of demoPlanMembers) {
    const plan = demoPlans.find((candidate) => candidate.id === demo.planId)!
    const since = addDays(today, -demo.sinceDaysAgo)
    const term = termFor(plan, null, since)
    const membership = { id: plan.id, ...term, paidRef: `demo-${plan.id}`, earnMultiplier: plan.earnMultiplier }
    const due = term.expiresOn ? reminderDates(term.expiresOn).filter((reminder) => reminder.on <= today).at(-1)?.on : undefined
    await db.doc(paths.member(`demo-${demo.email.split('@')[0]}`)).update({ plan: membership, planCheckOn: due ?? nextPlanCheckOn(membership, today) })
  }
}

/**
 * Dana's inbox: her move up to her tier and the points of her latest purchase, through the
 * dispatcher as the functions send them (the tier-up under the trigger's own key, so a trigger
 * that saw the same change adds nothing).
 */
async function seedDemoInbox(db: Firestore) {
  const uid = `demo-${demoMembers[0]!.email.split('@')[0]}`
  const member = await db.doc(paths.member(uid)).get()
  const tierId = String(member.get('tierId'))
  const since = (member.get('tierSince') as { toDate: () => Date }).toDate()
  await dispatchMessage(db, { uid, kind: 'tier-up', params: { tierId }, dedupeKey: tierUpDedupeKey(tierId, since.getTime()), at: since })
  const [latest] = (await db.collection(paths.ledger(uid)).where('reason', '==', 'purchase').orderBy('createdAt', 'desc').limit(1).get()).docs
  if (latest) {
    const at = (latest.get('createdAt') as { toDate: () => Date }).toDate()
    await dispatchMessage(db, { uid, kind: 'points-arrived', params: { points: Number(latest.get('points')) }, dedupeKey: latest.id, at })
  }
}

/**
 * Dana's household, through the same server code as the callables: Noa joins the club, accepts
 * Dana's invite, and buys a coffee today, which goes into Dana's balance with Noa as its earner.
 */
async function seedDemoHousehold(db: Firestore, auth: Auth, config: ClubConfig, now: Date): Promise<SeededAccount[]> {
  const ownerUid = `demo-${demoHousehold.ownerEmail.split('@')[0]}`
  const accounts: SeededAccount[] = []
  for (const demo of demoHousehold.members) {
    const handle = demo.email.split('@')[0]!
    const uid = `demo-${handle}`
    await ensureUser(auth, uid, demo.email, demo.name)
    await joinMember(db, {
      uid,
      email: demo.email,
      input: { name: demo.name, birthday: null, interests: demo.interests, language: demo.language, marketingConsent: true, referralCode: null },
      config,
      now: new Date(now.getTime() - 7 * DAY),
      random: Math.random,
    })
    // Seeding again leaves a household as it is; a member taken out since is invited back.
    if (!(await db.doc(paths.member(uid)).get()).get('household')) {
      const invite = await createHouseholdInvite(db, { uid: ownerUid, requestId: `demo-household-${handle}-${now.getTime()}`, config })
      await acceptHouseholdInvite(db, { uid, code: invite.code, config })
    }
    const partner = demoPartners.find((p) => p.id === demo.purchase.partnerId)!
    await recordPurchase(db, {
      uid,
      partner,
      amount: demo.purchase.amount,
      receiptId: `${handle}-R1000`,
      staff: { uid: `staff-${partner.id}`, email: null, memberUid: null, tillId: `demo-till-${partner.id}` },
      config,
    })
    accounts.push({ role: 'member', email: demo.email, password: DEMO_PASSWORD, label: demo.name })
  }
  return accounts
}
