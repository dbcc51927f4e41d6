import {
  assertFails,
  assertSucceeds,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing'
import {
  Timestamp,
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore'
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest'
import { MEMBER_PROFILE_FIELDS } from '@/domain/members/member'
import { paths } from '@/domain/shared/paths'
import { rulesTestEnvironment } from './support/rules'

// A project of its own, so clearing it never touches the functions tests' data.
const PROJECT_ID = 'demo-moadon-rules'
let env: RulesTestEnvironment

const memberDoc = (uid: string) => ({
  uid,
  memberNo: '51234675',
  name: 'Alice Levi',
  email: `${uid}@example.test`,
  birthday: '1990-01-01',
  interests: ['coffee'],
  language: 'he',
  consents: { marketing: false },
  preferences: {},
  tierId: 'silver',
  tierSince: Timestamp.now(),
  balance: 120,
  lifetimePoints: 120,
  referralCode: 'ABC2345',
  referredBy: null,
  joinedAt: Timestamp.now(),
  updatedAt: Timestamp.now(),
})

beforeAll(async () => {
  env = await rulesTestEnvironment(PROJECT_ID)
})

beforeEach(async () => {
  await env.clearFirestore()
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore()
    await setDoc(doc(db, paths.member('alice')), memberDoc('alice'))
    await setDoc(doc(db, paths.member('bob')), memberDoc('bob'))
    await setDoc(doc(db, paths.ledgerEntry('alice', 'welcome-gift')), { type: 'earn', points: 120 })
    await setDoc(doc(db, paths.clubConfig()), { name: { he: 'מועדון', en: 'Club' }, interestIds: ['coffee', 'books', 'kids'] })
    await setDoc(doc(db, paths.partner('cafe')), { name: { he: 'קפה', en: 'Café' } })
    await setDoc(doc(db, paths.reward('coffee')), { cost: 60 })
    await setDoc(doc(db, paths.memberNumber('51234675')), { uid: 'alice' })
    await setDoc(doc(db, paths.referralCode('ABC2345')), { uid: 'alice' })
    await setDoc(doc(db, paths.coupon('ALICE23456')), { uid: 'alice', status: 'active', rewardId: 'coffee' })
    await setDoc(doc(db, 'receipts/cafe~R1'), { uid: 'alice', amountShekels: 40 })
    await setDoc(doc(db, paths.usage('alice', 'review')), { total: 1 })
    await setDoc(doc(db, paths.cardKey('alice')), { key: 'c2VjcmV0', version: 1 })
    await setDoc(doc(db, paths.posterKey()), { key: 'c2VjcmV0' })
    await setDoc(doc(db, paths.partnerSecret('cafe')), { counterKey: 'c2VjcmV0', posterVersion: 1 })
    await setDoc(doc(db, paths.referral('bob')), { referrerUid: 'alice', friendUid: 'bob', friendFirstName: 'Bob', status: 'joined' })
  })
})

afterAll(async () => {
  await env.cleanup()
})

const alice = () => env.authenticatedContext('alice').firestore()
const bob = () => env.authenticatedContext('bob').firestore()
const staff = () => env.authenticatedContext('staff-1', { role: 'staff', partnerId: 'cafe' }).firestore()
const anonymous = () => env.unauthenticatedContext().firestore()

describe('members/{uid}', () => {
  it('allows a member to read their own document', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.member('alice'))))
  })
  it('denies reading another member', async () => {
    await assertFails(getDoc(doc(bob(), paths.member('alice'))))
  })
  it('denies a signed-out visitor', async () => {
    await assertFails(getDoc(doc(anonymous(), paths.member('alice'))))
  })
  it('denies staff reading a member document directly', async () => {
    await assertFails(getDoc(doc(staff(), paths.member('alice'))))
  })
  it('denies creating a member document from the client', async () => {
    const carol = env.authenticatedContext('carol').firestore()
    await assertFails(setDoc(doc(carol, paths.member('carol')), memberDoc('carol')))
  })
  it('denies deleting a member document', async () => {
    await assertFails(deleteDoc(doc(alice(), paths.member('alice'))))
  })

  it('allows the member to update profile fields with a server timestamp', async () => {
    await assertSucceeds(
      updateDoc(doc(alice(), paths.member('alice')), {
        name: 'Alice Cohen',
        interests: ['books', 'kids'],
        language: 'en',
        consents: { marketing: true },
        preferences: { reminders: false },
        updatedAt: serverTimestamp(),
      }),
    )
  })
  it('denies another member updating those same fields', async () => {
    await assertFails(updateDoc(doc(bob(), paths.member('alice')), { name: 'Mallory', updatedAt: serverTimestamp() }))
  })
  it('denies a profile update stamped with the client clock', async () => {
    await assertFails(updateDoc(doc(alice(), paths.member('alice')), { name: 'Alice', updatedAt: Timestamp.now() }))
  })
  it('denies an invalid language, name or consent', async () => {
    const ref = doc(alice(), paths.member('alice'))
    await assertFails(updateDoc(ref, { language: 'fr', updatedAt: serverTimestamp() }))
    await assertFails(updateDoc(ref, { name: 'A', updatedAt: serverTimestamp() }))
    await assertFails(updateDoc(ref, { name: 42, updatedAt: serverTimestamp() }))
    await assertFails(updateDoc(ref, { consents: { marketing: 'yes' }, updatedAt: serverTimestamp() }))
    await assertFails(updateDoc(ref, { consents: { marketing: true, sms: true }, updatedAt: serverTimestamp() }))
  })

  // Every field outside the profile whitelist, each on its own, is refused.
  const forbidden: Record<string, unknown> = {
    uid: 'bob',
    memberNo: '12345674',
    email: 'someone@else.test',
    birthday: '2000-01-01',
    tierId: 'platinum',
    tierSince: Timestamp.now(),
    balance: 1_000_000,
    lifetimePoints: 1_000_000,
    referralCode: 'ZZZ9999',
    referredBy: 'bob',
    joinedAt: Timestamp.now(),
    pointsDebt: 0,
    expiryBuckets: { '2099-12-31': 1_000_000 },
    qualifyingMonths: { '2026-11': { points: 5000, spend: 0 } },
    qualifying: { points: 5000, spend: 0 },
    nextExpiry: null,
    tierYearEnds: '2099-12-31',
    birthdayKey: '11-22',
    birthdayGiftYear: 0,
    birthdayCalendar: 'hebrew',
    birthdaySetAt: Timestamp.now(),
    birthdayGiftOn: '2000-01-01',
    referralStats: { opened: 0, joined: 99, qualified: 99, pointsEarned: 0 },
    tierBoost: { tierId: 'platinum', until: '2099-12-31' },
    referralQualified: true,
    cardKeyVersion: 7,
    activeCoupons: 99,
  }
  it.each(Object.entries(forbidden))('denies a member writing %s on their own document', async (field, value) => {
    if ((MEMBER_PROFILE_FIELDS as readonly string[]).includes(field)) throw new Error(`${field} is a profile field`)
    await assertFails(updateDoc(doc(alice(), paths.member('alice')), { [field]: value, updatedAt: serverTimestamp() }))
  })
})

describe('members/{uid}/ledger', () => {
  it('allows a member to read and list their own ledger', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.ledgerEntry('alice', 'welcome-gift'))))
    await assertSucceeds(getDocs(collection(alice(), paths.ledger('alice'))))
  })
  it("denies reading another member's ledger", async () => {
    await assertFails(getDocs(collection(bob(), paths.ledger('alice'))))
  })
  it("lets a household member read what they earned into the owner's ledger, and nothing else of it", async () => {
    const since = '2026-11-01T00:00:00.000Z'
    await env.withSecurityRulesDisabled(async (context) => {
      const db = context.firestore()
      await updateDoc(doc(db, paths.member('bob')), { household: { ownerUid: 'alice', ownerName: 'Alice', since } })
      await setDoc(doc(db, paths.member('carol')), { ...memberDoc('carol'), household: { ownerUid: 'alice', ownerName: 'Alice', since } })
      await setDoc(doc(db, paths.ledgerEntry('alice', 'household~bob~visit')), { type: 'earn', points: 10, earnedBy: 'bob' })
      await setDoc(doc(db, paths.ledgerEntry('alice', 'household~carol~visit')), { type: 'earn', points: 10, earnedBy: 'carol' })
    })
    const mine = query(collection(bob(), paths.ledger('alice')), where('earnedBy', '==', 'bob'))
    await assertSucceeds(getDocs(mine))
    await assertSucceeds(getDoc(doc(bob(), paths.ledgerEntry('alice', 'household~bob~visit'))))
    // Not the owner's own entries, nor another household member's, nor the whole ledger.
    await assertFails(getDoc(doc(bob(), paths.ledgerEntry('alice', 'welcome-gift'))))
    await assertFails(getDoc(doc(bob(), paths.ledgerEntry('alice', 'household~carol~visit'))))
    await assertFails(getDocs(collection(bob(), paths.ledger('alice'))))
    await assertFails(getDocs(query(collection(bob(), paths.ledger('alice')), where('earnedBy', '==', 'carol'))))
    // The link goes one way: the owner does not read a member's own ledger; a stranger reads nothing.
    await assertFails(getDocs(collection(alice(), paths.ledger('bob'))))
    await assertFails(getDocs(query(collection(staff(), paths.ledger('alice')), where('earnedBy', '==', 'staff-1'))))
    await assertFails(addDoc(collection(bob(), paths.ledger('alice')), { type: 'earn', points: 500, earnedBy: 'bob' }))
  })
  it('denies any client write to the ledger, own included', async () => {
    await assertFails(addDoc(collection(alice(), paths.ledger('alice')), { type: 'earn', points: 500 }))
    await assertFails(updateDoc(doc(alice(), paths.ledgerEntry('alice', 'welcome-gift')), { points: 5000 }))
    await assertFails(deleteDoc(doc(alice(), paths.ledgerEntry('alice', 'welcome-gift'))))
  })
})

describe('club data', () => {
  it('allows signed-in users to read configuration, partners and rewards', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.clubConfig())))
    await assertSucceeds(getDocs(collection(alice(), 'partners')))
    await assertSucceeds(getDoc(doc(staff(), paths.reward('coffee'))))
  })
  it('denies signed-out visitors', async () => {
    await assertFails(getDoc(doc(anonymous(), paths.clubConfig())))
    await assertFails(getDocs(collection(anonymous(), 'partners')))
    await assertFails(getDoc(doc(anonymous(), paths.reward('coffee'))))
  })
  it('denies every client write, staff included', async () => {
    await assertFails(setDoc(doc(alice(), paths.clubConfig()), { welcomeGift: { points: 100000 } }))
    await assertFails(updateDoc(doc(staff(), paths.partner('cafe')), { checkInPoints: 1000 }))
    await assertFails(setDoc(doc(alice(), paths.reward('free-car')), { cost: 1 }))
  })
})

describe('coupons', () => {
  it('allows a member to read and list their own coupons', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.coupon('ALICE23456'))))
    await assertSucceeds(getDocs(query(collection(alice(), 'coupons'), where('uid', '==', 'alice'))))
  })
  it("denies reading another member's coupon, or listing all coupons", async () => {
    await assertFails(getDoc(doc(bob(), paths.coupon('ALICE23456'))))
    await assertFails(getDocs(collection(bob(), 'coupons')))
    await assertFails(getDoc(doc(staff(), paths.coupon('ALICE23456'))))
  })
  it('denies every client write to coupons: no self-issued or self-used coupons', async () => {
    await assertFails(setDoc(doc(alice(), paths.coupon('FREE234567')), { uid: 'alice', status: 'active' }))
    await assertFails(updateDoc(doc(alice(), paths.coupon('ALICE23456')), { status: 'active', expiresAt: Timestamp.now() }))
    await assertFails(updateDoc(doc(staff(), paths.coupon('ALICE23456')), { status: 'used' }))
  })
})

describe('referrals', () => {
  it('lets the referrer read the friends they brought', async () => {
    await assertSucceeds(getDoc(doc(alice(), paths.referral('bob'))))
    await assertSucceeds(getDocs(query(collection(alice(), 'referrals'), where('referrerUid', '==', 'alice'))))
  })
  it('hides referrals from the friend and from everyone else', async () => {
    await assertFails(getDoc(doc(bob(), paths.referral('bob'))))
    await assertFails(getDocs(collection(bob(), 'referrals')))
    await assertFails(getDoc(doc(staff(), paths.referral('bob'))))
  })
  it('denies every client write: no self-made referrals or rewards', async () => {
    await assertFails(setDoc(doc(bob(), paths.referral('carol')), { referrerUid: 'bob', friendUid: 'carol', status: 'qualified' }))
    await assertFails(updateDoc(doc(alice(), paths.referral('bob')), { status: 'qualified' }))
    await assertFails(setDoc(doc(alice(), paths.referralCode('ALICE22')), { uid: 'alice', active: true }))
  })
  it('keeps which receipt qualified a friend, and the landing page’s visitor markers, server-only', async () => {
    await env.withSecurityRulesDisabled(async (context) => {
      const db = context.firestore()
      await setDoc(doc(db, paths.referralSettlement('bob')), { referrerUid: 'alice', friendUid: 'bob', partnerId: 'cafe', receiptId: 'R1' })
      await setDoc(doc(db, paths.referralOpen('a'.repeat(64))), { day: '2026-11-26' })
    })
    for (const db of [alice(), bob(), staff()]) {
      await assertFails(getDoc(doc(db, paths.referralSettlement('bob'))))
      await assertFails(getDoc(doc(db, paths.referralOpen('a'.repeat(64)))))
      await assertFails(setDoc(doc(db, paths.referralOpen('b'.repeat(64))), { day: '2026-11-26' }))
    }
  })
})

describe('server-only collections and everything else', () => {
  it("denies card keys to everyone, the key's owner included (the phone gets it from getCardKey)", async () => {
    await assertFails(getDoc(doc(alice(), paths.cardKey('alice'))))
    await assertFails(getDoc(doc(staff(), paths.cardKey('alice'))))
    await assertFails(setDoc(doc(alice(), paths.cardKey('alice')), { key: 'bWluZQ==', version: 9 }))
    await assertFails(setDoc(doc(staff(), paths.cardScan('51234675', 1, 'AAAAAAAAAA')), { uid: 'alice' }))
  })
  it('denies the poster key to every client', async () => {
    await assertFails(getDoc(doc(staff(), paths.posterKey())))
    await assertFails(setDoc(doc(alice(), paths.posterKey()), { key: 'Zm9yZ2Vk' }))
  })
  it('denies a partner’s counter key and poster version to every client, that store’s staff included', async () => {
    await assertFails(getDoc(doc(staff(), paths.partnerSecret('cafe'))))
    await assertFails(getDoc(doc(alice(), paths.partnerSecret('cafe'))))
    await assertFails(setDoc(doc(staff(), paths.partnerSecret('cafe')), { counterKey: 'Zm9yZ2Vk', posterVersion: 1 }))
    await assertFails(updateDoc(doc(alice(), paths.partnerSecret('cafe')), { posterVersion: 0 }))
  })
  it('denies receipts and earning-rule counters to every client', async () => {
    await assertFails(getDoc(doc(alice(), 'receipts/cafe~R1')))
    await assertFails(setDoc(doc(staff(), 'receipts/cafe~R2'), { uid: 'alice', amountShekels: 4000 }))
    await assertFails(getDoc(doc(alice(), paths.usage('alice', 'review'))))
    await assertFails(setDoc(doc(alice(), paths.usage('alice', 'review')), { total: 0 }))
  })
  it('denies reading or claiming member numbers and referral codes', async () => {
    await assertFails(getDoc(doc(alice(), paths.memberNumber('51234675'))))
    await assertFails(getDoc(doc(alice(), paths.referralCode('ABC2345'))))
    await assertFails(setDoc(doc(bob(), paths.referralCode('BOB2345')), { uid: 'bob' }))
  })
  it('denies unknown collections by default', async () => {
    await assertFails(setDoc(doc(alice(), 'anything/else'), { x: 1 }))
    await assertFails(getDoc(doc(alice(), 'anything/else')))
  })
})
