// The ledger's invariants, checked member by member. Used by the tests after randomised workloads
// and runnable against the demo club: `npm run check:invariants` (emulators must be running).
import { isDeepStrictEqual } from 'node:util'
import type { Firestore } from 'firebase-admin/firestore'
import { localDate, monthOf, type LocalDate } from '../src/domain/shared/calendar'
import type { ClubConfig } from '../src/domain/shared/club-config'
import { ledgerSum } from '../src/domain/points/ledger'
import { nextExpiry, totalOpen, type ExpiryBuckets, type LotSlice } from '../src/domain/points/lots'
import { QUALIFYING_SOURCES } from '../src/domain/points/points'
import { dutySummaryOf, effectiveBuckets } from '../src/domain/earn/reserve-duty'
import { windowStart } from '../src/domain/points/qualifying'
import { COLLECTIONS, paths } from '../src/domain/shared/paths'
import { findTier } from '../src/domain/points/tiers'

export interface Violation {
  uid: string
  check: string
  detail: string
}

interface EntryRow {
  id: string
  points: number
  type: string
  source: string
  balanceAfter: number
  lots: LotSlice[]
  createdAt: Date
  amountShekels?: number
  reverses?: string
  reason?: string
  /** On reversals: points already spent that became debt. */
  shortfall?: number
}

function withoutZeros(buckets: ExpiryBuckets): ExpiryBuckets {
  return Object.fromEntries(Object.entries(buckets).filter(([, points]) => points !== 0))
}

/** Values, not their serialisation: `{ points, spend }` and `{ spend, points }` are the same. */
function same(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b)
}

export async function checkMember(db: Firestore, config: ClubConfig, uid: string): Promise<Violation[]> {
  const out: Violation[] = []
  const fail = (check: string, detail: string) => out.push({ uid, check, detail })
  const member = (await db.doc(paths.member(uid)).get()).data()
  if (!member) return [{ uid, check: 'exists', detail: 'member document missing' }]
  const snap = await db.collection(paths.ledger(uid)).get()
  const entries: EntryRow[] = snap.docs.map((doc) => ({
    id: doc.id,
    ...(doc.data() as Omit<EntryRow, 'id' | 'createdAt'>),
    createdAt: doc.get('createdAt').toDate(),
  }))

  const balance = Number(member.balance)
  const sum = ledgerSum(entries)
  if (balance !== sum) fail('balance = sum of ledger', `balance ${balance}, ledger ${sum}`)
  if (balance < 0) fail('balance ≥ 0', `balance ${balance}`)
  const debt = Number(member.pointsDebt ?? 0)
  if (debt < 0) fail('debt ≥ 0', `debt ${member.pointsDebt}`)
  // Debt arises only from reversals that could not take everything back, and is paid off only by
  // debt-recovery entries: the member's debt is the one minus the other.
  const owed = entries.reduce((total, e) => total + Number(e.shortfall ?? 0), 0)
  const repaid = entries.filter((e) => e.reason === 'debt_recovery').reduce((total, e) => total - e.points, 0)
  if (debt !== owed - repaid) fail('debt = shortfalls − recoveries', `debt ${debt}, shortfalls ${owed}, recovered ${repaid}`)
  // Points of purchases held for review: on the member, and nowhere in the ledger.
  const held = await db.collection(COLLECTIONS.receipts).where('uid', '==', uid).where('status', '==', 'pending').get()
  const pending = held.docs.reduce((total, doc) => total + Number(doc.get('points') ?? 0), 0)
  if (Number(member.pendingPoints ?? 0) !== pending) fail('pending points = held receipts', `member ${member.pendingPoints ?? 0}, receipts ${pending}`)
  // The card's coupon count, kept with every coupon change (a member from before it has none yet).
  if (member.activeCoupons !== undefined) {
    const active = (await db.collection(COLLECTIONS.coupons).where('uid', '==', uid).where('status', '==', 'active').count().get()).data().count
    if (member.activeCoupons !== active) fail('active coupons = coupons in status active', `member ${member.activeCoupons}, coupons ${active}`)
  }

  const buckets = withoutZeros(member.expiryBuckets ?? {})
  if (totalOpen(buckets) !== balance) fail('balance = open lots', `lots ${totalOpen(buckets)}, balance ${balance}`)
  const rebuilt: ExpiryBuckets = {}
  for (const entry of entries) {
    const sign = entry.points >= 0 ? 1 : -1
    for (const lot of entry.lots ?? []) rebuilt[lot.expiresOn] = (rebuilt[lot.expiresOn] ?? 0) + sign * lot.points
  }
  if (!same(withoutZeros(rebuilt), buckets)) {
    fail('lots = ledger lots', `member ${JSON.stringify(buckets)} vs ledger ${JSON.stringify(withoutZeros(rebuilt))}`)
  }
  // Reserve duty moves a lot's last day without touching the lot (src/domain/earn/reserve-duty.ts).
  const next = nextExpiry(effectiveBuckets(buckets, dutySummaryOf(member.reserveDuty).pauses, config.pointsExpiryMonths))
  if (!same(member.nextExpiry ?? null, next)) fail('next expiry', `${JSON.stringify(member.nextExpiry)} vs ${JSON.stringify(next)}`)
  if (member.nextExpiryOn !== (next?.expiresOn ?? '9999-12-31')) fail('next expiry date', String(member.nextExpiryOn))

  const credits = entries.filter((e) => e.points > 0 && (e.type === 'earn' || e.type === 'adjust'))
  const lifetime = credits.reduce((total, e) => total + e.points, 0)
  if (Number(member.lifetimePoints) !== lifetime) fail('lifetime = credits', `${member.lifetimePoints} vs ${lifetime}`)

  // Running balances follow the order in which entries were written.
  entries.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
  let running = 0
  for (const entry of entries) {
    running += entry.points
    if (entry.balanceAfter !== running) {
      fail('running balance', `${entry.id}: balanceAfter ${entry.balanceAfter}, expected ${running}`)
      break
    }
  }

  if (!findTier(String(member.tierId), config.tiers)) fail('tier exists', String(member.tierId))

  // Qualifying months agree with qualifying entries, minus refunds, within the window.
  const current = monthOf(localDate(member.updatedAt.toDate(), config.timeZone))
  const start = windowStart(current)
  const months: Record<string, { points: number; spend: number }> = {}
  const byId = new Map(entries.map((e) => [e.id, e]))
  const add = (month: string, points: number, spend: number) => {
    if (month < start || month > current) return
    const m = (months[month] ??= { points: 0, spend: 0 })
    m.points += points
    m.spend = Math.round((m.spend + spend) * 100) / 100
  }
  for (const entry of entries) {
    const month = monthOf(localDate(entry.createdAt, config.timeZone) as LocalDate)
    if (entry.type === 'earn' && QUALIFYING_SOURCES.includes(entry.source as never)) add(month, entry.points, entry.amountShekels ?? 0)
    if (entry.type === 'reversal' && entry.reverses) {
      const original = byId.get(entry.reverses)
      // Only a qualifying credit counted toward the tier; taking back a referral reward never did.
      if (original && QUALIFYING_SOURCES.includes(original.source as never)) {
        add(monthOf(localDate(original.createdAt, config.timeZone)), -original.points, -(original.amountShekels ?? 0))
      }
    }
  }
  const stored = Object.fromEntries(
    Object.entries(member.qualifyingMonths ?? {}).filter(([m, v]) => m >= start && ((v as { points: number }).points || (v as { spend: number }).spend)),
  )
  const expected = Object.fromEntries(Object.entries(months).filter(([, v]) => v.points || v.spend))
  if (!same(stored, expected)) {
    fail('qualifying months', `member ${JSON.stringify(stored)} vs ledger ${JSON.stringify(expected)}`)
  }
  return out
}

/** Checks every member (or the given ones) and every reward's stock. */
export async function checkInvariants(db: Firestore, config: ClubConfig, uids?: string[]): Promise<Violation[]> {
  const ids = uids ?? (await db.collection(COLLECTIONS.members).select().get()).docs.map((doc) => doc.id)
  const out: Violation[] = []
  for (const uid of ids) out.push(...(await checkMember(db, config, uid)))
  const rewards = await db.collection(COLLECTIONS.rewards).get()
  for (const reward of rewards.docs) {
    const stock = reward.get('stock')
    if (stock !== null && stock < 0) out.push({ uid: '-', check: 'stock ≥ 0', detail: `${reward.id}: ${stock}` })
  }
  return out
}
