import type { Firestore } from 'firebase-admin/firestore'
import { logger } from 'firebase-functions'
import { onRequest } from 'firebase-functions/v2/https'
import { clubLandingOf, LANDING_LIMITS, type ClubLanding } from '../../../src/domain/members/club-landing'
import { PartnerSchema, type Partner } from '../../../src/domain/shared/club-config'
import { COLLECTIONS } from '../../../src/domain/shared/paths'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'

/** The club as visitors see it: the public configuration and the active partner stores. */
export async function clubLandingData(firestore: Firestore): Promise<ClubLanding> {
  const [config, partnerDocs] = await Promise.all([
    loadClubConfig(firestore),
    // Twice the page's share: a few inactive or broken stores must not crowd out active ones.
    firestore.collection(COLLECTIONS.partners).where('active', '==', true).limit(LANDING_LIMITS.partners * 2).get(),
  ])
  const partners = partnerDocs.docs
    .map((doc) => PartnerSchema.safeParse(doc.data()))
    .flatMap((parsed): Partner[] => (parsed.success ? [parsed.data] : []))
  return clubLandingOf(config, partners)
}

/**
 * `/club/landing.json` (a Hosting rewrite): what the visitors' landing page fills in. Public and
 * the same for everyone, so browsers and the CDN keep it for five minutes.
 */
export const clubLanding = onRequest(async (req, res) => {
  res.set('X-Content-Type-Options', 'nosniff')
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.set('Allow', 'GET, HEAD').status(405).end()
    return
  }
  let data: ClubLanding
  try {
    data = await clubLandingData(db())
  } catch (error) {
    // A club not configured yet (or a broken configuration) has nothing to show: the page keeps
    // its generic words, and nothing is cached.
    logger.error('club landing data unavailable', { error: String(error) })
    res.set('Cache-Control', 'no-store').status(503).json({ error: 'unavailable' })
    return
  }
  res.set('Cache-Control', 'public, max-age=300')
  res.status(200).json(data)
})
