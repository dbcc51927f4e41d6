// Segments and offers: the scoring run writes segments and groups (and a rerun is a no-op), a
// second purchase within 7 days earns its bonus once, and an offer reaches its target but never a
// held-out or untargeted member.
import { doc, updateDoc } from 'firebase/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PurchaseResult } from '../../src/domain/contracts/callable-results'
import { OfferSchema, isHeldOut, type ListMyOffersResult, type Offer } from '../../src/domain/offers/offers'
import { localDate } from '../../src/domain/shared/calendar'
import { paths } from '../../src/domain/shared/paths'
import { runSegmentScoring } from '../../functions/src/offers/score-run'
import { offerReport } from '../../functions/src/offers/report'
import { recordPurchase } from '../../functions/src/purchases/record'
import { demoConfig, demoPartners } from '../../scripts/demo-club'
import { seedClubData } from '../../scripts/seed-club'
import { firestoreOf } from './support/community'
import { joinedMember, ledgerDocs, memberDoc, memberSince, receiptId, scanned, type Client } from './support/club'
import { admin, clearEmulators, closeAdmin, failureCode, roleClient } from './support/emulators'

const DAY = 86_400_000
const market = demoPartners.find((p) => p.id === 'super-hashchuna')!
let staff: Client

beforeAll(async () => {
  await clearEmulators()
  await seedClubData(admin().db)
  staff = await roleClient({ role: 'staff', partnerId: 'cafe-shachar' })
})

afterAll(async () => {
  await closeAdmin()
})

async function publish(offer: Partial<Offer> & Pick<Offer, 'id' | 'kind'>) {
  const full = OfferSchema.parse({
    title: { he: 'הטבה', en: 'An offer' },
    body: { he: 'טקסט', en: 'Text' },
    target: { segments: [], interests: [], tiers: [] },
    window: { type: 'dates', startsAt: new Date(Date.now() - DAY).toISOString(), endsAt: new Date(Date.now() + 30 * DAY).toISOString() },
    active: true,
    ...offer,
  })
  await admin().db.doc(paths.offer(full.id)).set(full)
}

const pastPurchase = (uid: string, amount: number, daysAgo: number) =>
  recordPurchase(admin().db, {
    uid,
    partner: market,
    amount,
    receiptId: receiptId(),
    staff: { uid: `staff-${uid}`, email: null, memberUid: null, tillId: 'till-offers-0001' },
    config: demoConfig,
    at: new Date(Date.now() - daysAgo * DAY),
  })

const myOffers = async (member: Client) => (await member.call<object, ListMyOffersResult>('listMyOffers', {})).offers.map((o) => o.id)

describe('the segment scoring run', () => {
  it('scores members from their purchase aggregates, writes only changes, and a rerun of the day does nothing', async () => {
    const champion = await memberSince(400, 'Champion Member')
    for (let i = 0; i < 8; i += 1) await pastPurchase(champion.uid, 300, 2 + i * 20)
    const sleeper = await memberSince(400, 'Sleeping Member')
    await pastPurchase(sleeper.uid, 40, 300)
    expect((await memberDoc(champion.uid)).purchaseStats.lastOn).toBe(localDate(new Date(Date.now() - 2 * DAY), demoConfig.timeZone))

    const now = new Date()
    const first = await runSegmentScoring(admin().db, demoConfig, now, { pageSize: 2 })
    expect(first.complete).toBe(true)
    expect(first.pages).toBeGreaterThan(1)
    expect((await memberDoc(champion.uid))).toMatchObject({ segment: 'champions', rfm: { r: 5, f: 4, m: 4 } })
    expect((await memberDoc(sleeper.uid))).toMatchObject({ segment: 'hibernating', rfm: { r: 1, f: 1, m: 1 } })
    const run = (await admin().db.doc(paths.segmentRun(first.day)).get()).data()
    expect(run).toMatchObject({ done: true })

    const again = await runSegmentScoring(admin().db, demoConfig, now)
    expect(again).toMatchObject({ membersScored: 0, documentsWritten: 0 })

    // The member's own app cannot put itself in a segment.
    const code = await failureCode(updateDoc(doc(firestoreOf(sleeper), paths.member(sleeper.uid)), { segment: 'champions' }))
    expect(code).toBe('permission-denied')
    expect((await memberDoc(sleeper.uid)).segment).toBe('hibernating')
  })
})

describe('offers', () => {
  it('reach the targeted member, never a held-out or an untargeted one, and the report counts both groups', async () => {
    const offer = { id: 'books-week', kind: 'recognition' as const, target: { segments: [], interests: ['books'], tiers: [] }, holdOutPercent: 50 }
    await publish(offer)
    const readers: (Client & { uid: string })[] = []
    let shown: (Client & { uid: string }) | undefined
    let heldOut: (Client & { uid: string }) | undefined
    while (!shown || !heldOut) {
      const reader = await joinedMember('Book Reader', { interests: ['books'] })
      readers.push(reader)
      if (await isHeldOut(offer, reader.uid)) heldOut ??= reader
      else shown ??= reader
    }
    const other = await joinedMember('Coffee Drinker', { interests: ['coffee'] })

    expect(await myOffers(shown)).toContain('books-week')
    expect(await myOffers(heldOut)).not.toContain('books-week')
    expect(await myOffers(other)).not.toContain('books-week')

    // Tomorrow's run (a new day) puts each targeted member in a group; the report counts them.
    const tomorrow = new Date(Date.now() + DAY)
    await runSegmentScoring(admin().db, demoConfig, tomorrow)
    expect((await memberDoc(shown.uid)).offers['books-week'].group).toBe('exposed')
    expect((await memberDoc(heldOut.uid)).offers['books-week'].group).toBe('control')
    expect((await memberDoc(other.uid)).offers?.['books-week']).toBeUndefined()
    const row = (await offerReport(admin().db, demoConfig, tomorrow)).rows.find((r) => r.offerId === 'books-week')!
    const controls = (await Promise.all(readers.map((r) => isHeldOut({ id: 'books-week', holdOutPercent: 50 }, r.uid)))).filter(Boolean).length
    expect(row).toMatchObject({ targeted: readers.length, heldOut: controls })
    expect(row.lift).toMatchObject({ exposed: { members: readers.length - controls }, control: { members: controls } })
  })

  it('pays a second purchase within 7 days once, through the ledger, and nothing on a retry', async () => {
    await publish({ id: 'buy-again', kind: 'second-purchase', bonusPoints: 40 })
    const member = await joinedMember('Returning Member')
    const buy = async (input: Awaited<ReturnType<typeof scanned>>) => staff.call<typeof input, PurchaseResult>('recordPurchase', input)

    await buy(await scanned(member, 30))
    const bonusEntries = async () => (await ledgerDocs(member.uid)).filter((e) => e.reason === 'second_purchase')
    expect(await bonusEntries()).toHaveLength(0)

    const second = await scanned(member, 20)
    await buy(second)
    const before = (await memberDoc(member.uid)).balance
    // The till retries the same receipt (a lost answer): the same purchase, no second bonus.
    const replay = await buy({ ...(await scanned(member, 20)), receiptId: second.receiptId })
    expect(replay.replayed).toBe(true)
    const entries = await bonusEntries()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ points: 40, source: 'offer', ref: 'buy-again' })
    expect((await memberDoc(member.uid)).balance).toBe(before)
  })
})
