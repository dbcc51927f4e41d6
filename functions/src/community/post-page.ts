import type { Firestore } from 'firebase-admin/firestore'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { localized } from '../../../src/domain/shared/locale'
import { paths } from '../../../src/domain/shared/paths'
import { cleanText } from '../../../src/domain/shared/text'
import type { PhotoStore } from '../photos/photo-store'
import { prefixed, renderSharePage, visitorLocale } from '../lib/share-page'

const TEXT = {
  he: {
    by: (name: string, club: string) => `${name} ${prefixed('ב', club)}`,
    generic: (club: string) => `הקהילה של ${club}`,
    invite: (club: string) => `מצטרפים ${prefixed('ל', club)} בחינם וקוראים, כותבים וצוברים נקודות.`,
    open: 'לפוסט במועדון',
  },
  en: {
    by: (name: string, club: string) => `${name} at ${club}`,
    generic: (club: string) => `The ${club} community`,
    invite: (club: string) => `Join ${club} for free to read, post and earn points.`,
    open: 'Open in the club',
  },
} as const

const EXCERPT = 200

export interface PostPageRequest {
  path: string
  origin: string
  acceptLanguage: string | undefined
}

/**
 * `/s/<post id>`: a shared post's page. A published post shows its author (first name and
 * initial, or the club for an announcement), its opening words and its first photo; anything else
 * (unknown, held, hidden, removed) gets the club's generic page, with no hint which.
 */
export async function postPage(db: Firestore, photos: PhotoStore, config: ClubConfig, request: PostPageRequest): Promise<string> {
  const locale = visitorLocale(request.acceptLanguage, config)
  const t = TEXT[locale]
  const club = localized(config.name, locale)
  const [prefix, postId, ...rest] = request.path.split('/').filter(Boolean)
  const snap = prefix === 's' && postId && /^[0-9a-f]{32}$/.test(postId) && rest.length === 0 ? await db.doc(paths.post(postId)).get() : null
  const published = snap?.exists && snap.get('status') === 'published' ? snap : null
  if (!published) {
    return renderSharePage({
      locale,
      siteName: club,
      title: t.generic(club),
      description: t.invite(club),
      canonical: `${request.origin}/sign-up`,
      image: { path: '/brand/og-referral.png', width: 1200, height: 630 },
      origin: request.origin,
      target: '/sign-up',
      button: t.open,
      testId: 'post-open-app',
    })
  }
  const author = published.get('kind') === 'announcement' ? club : cleanText(String(published.get('authorName') ?? ''))
  const text = cleanText(String(published.get('text') ?? ''), { multiline: true })
  const graphemes = [...new Intl.Segmenter(locale).segment(text)].map((s) => s.segment)
  const description = graphemes.length > EXCERPT ? `${graphemes.slice(0, EXCERPT).join('').trimEnd()}…` : text
  const [photoId] = (published.get('photoIds') as string[] | undefined) ?? []
  const photo = photoId ? await photos.get(photoId) : null
  return renderSharePage({
    locale,
    siteName: club,
    title: t.by(author, club),
    description: description || t.invite(club),
    canonical: `${request.origin}/s/${published.id}`,
    image: photo?.status === 'attached' ? { path: `/p/${photo.id}`, width: photo.width, height: photo.height } : { path: '/brand/og-referral.png', width: 1200, height: 630 },
    origin: request.origin,
    target: `/community/${published.id}`,
    button: t.open,
    testId: 'post-open-app',
  })
}
