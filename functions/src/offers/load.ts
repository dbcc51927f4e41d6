import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions/v2'
import { OfferSchema, type Offer, type OfferAudience } from '../../../src/domain/offers/offers'
import { SEGMENTS, type Segment } from '../../../src/domain/offers/rfm'
import { COLLECTIONS } from '../../../src/domain/shared/paths'

/** The active offers; one that no longer parses is left out (and logged), never guessed at. */
export async function loadActiveOffers(db: Firestore): Promise<Offer[]> {
  const snap = await db.collection(COLLECTIONS.offers).where('active', '==', true).get()
  const offers: Offer[] = []
  for (const doc of snap.docs) {
    const parsed = OfferSchema.safeParse({ ...doc.data(), id: doc.id })
    if (parsed.success) offers.push(parsed.data)
    else logger.warn('offer does not parse', { offerId: doc.id, issues: parsed.error.issues.length })
  }
  return offers
}

/** What targeting reads of a member document. */
export function audienceOf(member: DocumentSnapshot): OfferAudience {
  const segment = member.get('segment')
  const interests = member.get('interests')
  return {
    segment: (SEGMENTS as readonly string[]).includes(segment) ? (segment as Segment) : null,
    interests: Array.isArray(interests) ? interests.filter((i): i is string => typeof i === 'string') : [],
    tierId: String(member.get('tierId') ?? ''),
  }
}
