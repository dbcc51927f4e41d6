import { onRequest } from 'firebase-functions/v2/https'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requestOrigin } from '../lib/share-page'
import { referralLanding as render } from './landing'

/** `/r/<code>` (a Hosting rewrite): a shared invitation, on to the club's landing page or as preview tags. */
export const referralLanding = onRequest(async (req, res) => {
  const firestore = db()
  const answer = await render(firestore, await loadClubConfig(firestore), {
    path: req.path,
    origin: requestOrigin(req),
    acceptLanguage: req.headers['accept-language'],
    userAgent: req.headers['user-agent'],
    // Hosting puts the visitor first in x-forwarded-for; req.ip is the last proxy's view.
    clientIp: String(req.headers['x-forwarded-for'] ?? req.ip ?? '').split(',')[0]!.trim() || undefined,
  })
  // People and preview robots get different answers, each counted or not: no shared cache.
  res.set('Vary', 'Accept-Language, User-Agent')
  if ('redirect' in answer) {
    res.set('Cache-Control', 'private, no-store')
    res.redirect(302, answer.redirect)
    return
  }
  // The networks cache their previews themselves; the CDN must not, or visitors would go uncounted.
  res.set('Cache-Control', 'private, max-age=300')
  res.status(200).type('html').send(answer.html)
})
