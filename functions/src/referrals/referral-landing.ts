import { onRequest } from 'firebase-functions/v2/https'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requestOrigin } from '../lib/share-page'
import { referralLanding as render } from './landing'

/** `/r/<code>` (a Hosting rewrite): the shared link's landing page with social preview tags. */
export const referralLanding = onRequest(async (req, res) => {
  const firestore = db()
  const html = await render(firestore, await loadClubConfig(firestore), {
    path: req.path,
    origin: requestOrigin(req),
    acceptLanguage: req.headers['accept-language'],
    userAgent: req.headers['user-agent'],
    // Hosting puts the visitor first in x-forwarded-for; req.ip is the last proxy's view.
    clientIp: String(req.headers['x-forwarded-for'] ?? req.ip ?? '').split(',')[0]!.trim() || undefined,
  })
  // The networks cache their previews themselves; the CDN must not, or visitors would go uncounted.
  res.set('Cache-Control', 'private, max-age=300')
  res.set('Vary', 'Accept-Language')
  res.status(200).type('html').send(html)
})
