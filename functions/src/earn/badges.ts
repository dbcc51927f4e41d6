import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions'
import { earnedBadges, factsStillNeeded, type BadgeFact, type BadgeFacts, type BadgeId } from '../../../src/domain/earn/badges'
import { paths } from '../../../src/domain/shared/paths'

/** gRPC ALREADY_EXISTS: the badge document was created first by another trigger. */
const ALREADY_EXISTS = 6

/**
 * Grants the badges these facts earn, each once: a badge is a document with a fixed id, created
 * only if absent (`create` fails for all but the first of parallel triggers), so repeated or
 * parallel triggers grant a badge once and keep its first moment. Returns the badges granted now.
 * Callable by any server path that produces a fact, e.g. `grantBadges(db, uid, { huntsFinished: 1 })`
 * or `{ reviews: 1 }`.
 */
export async function grantBadges(db: Firestore, uid: string, facts: Partial<BadgeFacts>, at: Date = new Date()): Promise<BadgeId[]> {
  const due = earnedBadges(facts)
  if (due.length === 0) return []
  const refs = due.map((id) => db.doc(paths.badge(uid, id)))
  // Most triggers find their badges already there: one read, no write.
  const snaps = await db.getAll(...refs)
  const created = await Promise.all(
    snaps.map(async (snap, i) => {
      if (snap.exists) return null
      try {
        await refs[i]!.create({ id: due[i], earnedAt: Timestamp.fromDate(at) })
        return due[i]!
      } catch (error) {
        if ((error as { code?: unknown }).code === ALREADY_EXISTS) return null
        throw error
      }
    }),
  )
  return created.filter((id): id is BadgeId => id !== null)
}

/** The badges a member already has (ids). */
async function badgesOf(db: Firestore, uid: string): Promise<string[]> {
  const snap = await db.collection(paths.badges(uid)).select().get()
  return snap.docs.map((doc) => doc.id)
}

/**
 * Measures from the ledger the visit and purchase facts still needed for a badge: counts by
 * aggregation, and the different partners only while that badge is missing.
 */
async function measureVisitFacts(db: Firestore, uid: string, needed: readonly BadgeFact[]): Promise<Partial<BadgeFacts>> {
  const ledger = db.collection(paths.ledger(uid))
  const facts: Partial<BadgeFacts> = {}
  const jobs: Promise<void>[] = []
  if (needed.includes('purchases')) {
    jobs.push(ledger.where('reason', '==', 'purchase').count().get().then((snap) => void (facts.purchases = snap.data().count)))
  }
  if (needed.includes('visits')) {
    jobs.push(ledger.where('reason', '==', 'check_in').count().get().then((snap) => void (facts.visits = snap.data().count)))
  }
  if (needed.includes('partnersVisited')) {
    jobs.push(
      ledger
        .where('reason', 'in', ['purchase', 'check_in'])
        .select('partnerId')
        .get()
        .then((snap) => {
          facts.partnersVisited = new Set(snap.docs.map((doc) => doc.get('partnerId')).filter((id) => typeof id === 'string')).size
        }),
    )
  }
  await Promise.all(jobs)
  return facts
}

const VISIT_FACTS: readonly BadgeFact[] = ['purchases', 'visits', 'partnersVisited']

/** The purchase and visit milestones a member's ledger has reached, granted once (the seed uses it as is). */
export async function visitBadges(db: Firestore, uid: string, at?: Date): Promise<BadgeId[]> {
  const needed = factsStillNeeded(await badgesOf(db, uid)).filter((fact) => VISIT_FACTS.includes(fact))
  if (needed.length === 0) return []
  return grantBadges(db, uid, await measureVisitFacts(db, uid, needed), at)
}

/**
 * After a purchase or a visit: the milestones they can complete. Outside the ledger transaction
 * and never failing the operation that called it — a badge missed here is granted by the next
 * purchase or visit, which measures the same facts again.
 */
export async function grantVisitBadges(db: Firestore, uid: string): Promise<BadgeId[]> {
  try {
    return await visitBadges(db, uid)
  } catch (error) {
    logger.error('badges not granted', { uid, error: String(error) })
    return []
  }
}
