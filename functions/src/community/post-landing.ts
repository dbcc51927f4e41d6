import { onRequest } from 'firebase-functions/v2/https'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requestOrigin } from '../lib/share-page'
import { firestorePhotoStore } from '../photos/photo-store'
import { postPage } from './post-page'

/** `/s/<post>` (a Hosting rewrite): a shared post's page with social preview tags. */
export const postLanding = onRequest(async (req, res) => {
  const firestore = db()
  const html = await postPage(firestore, firestorePhotoStore(firestore), await loadClubConfig(firestore), {
    path: req.path,
    origin: requestOrigin(req),
    acceptLanguage: req.headers['accept-language'],
  })
  // A post may be hidden or deleted later: a short shared cache only.
  res.set('Cache-Control', 'public, max-age=60, s-maxage=300')
  res.set('Vary', 'Accept-Language')
  res.status(200).type('html').send(html)
})
