import { onRequest } from 'firebase-functions/v2/https'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requestOrigin } from '../lib/share-page'
import { badgePage } from './badge-page'

/** `/b/<code>/<badge>` (a Hosting rewrite): a shared badge's page with social preview tags. */
export const badgeLanding = onRequest(async (req, res) => {
  const firestore = db()
  const html = await badgePage(firestore, await loadClubConfig(firestore), {
    path: req.path,
    origin: requestOrigin(req),
    acceptLanguage: req.headers['accept-language'],
  })
  // A badge is never taken back, but the holder's name can change: a short shared cache is enough.
  res.set('Cache-Control', 'public, max-age=300, s-maxage=600')
  res.set('Vary', 'Accept-Language')
  res.status(200).type('html').send(html)
})
