import { collection, onSnapshot, Timestamp, type Unsubscribe } from 'firebase/firestore'
import { isBadgeId, type EarnedBadge } from '@/domain/earn/badges'
import { paths } from '@/domain/shared/paths'
import { db } from './app'

/** The member's badges, live (granted by the server only; a badge unknown to this app version is skipped). */
export function watchBadges(uid: string, onChange: (badges: EarnedBadge[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    collection(db, paths.badges(uid)),
    (snap) => {
      const badges: EarnedBadge[] = []
      for (const doc of snap.docs) {
        if (!isBadgeId(doc.id)) continue
        const at = doc.get('earnedAt')
        badges.push({ id: doc.id, earnedAt: at instanceof Timestamp ? at.toDate() : new Date(0) })
      }
      onChange(badges)
    },
    onError,
  )
}
