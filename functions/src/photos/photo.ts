import { onRequest } from 'firebase-functions/v2/https'
import { db } from '../lib/admin'
import { firestorePhotoStore } from './photo-store'
import { servePhoto } from './serve'

/** `/p/<photoId>` and `/p/<photoId>/thumb` (a Hosting rewrite): a visible photo's bytes (./serve.ts). */
export const photo = onRequest(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.set('Allow', 'GET, HEAD').status(405).end()
    return
  }
  const firestore = db()
  const answer = await servePhoto(firestore, firestorePhotoStore(firestore), {
    path: req.path,
    ifNoneMatch: typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : undefined,
  })
  res.set(answer.headers).status(answer.status)
  if (answer.status === 200 && req.method === 'GET') res.send(Buffer.from(answer.body))
  else res.end()
})
