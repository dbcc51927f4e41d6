import { doc, onSnapshot } from 'firebase/firestore'
import type { ClubConfig } from '@/domain/shared/club-config'
import { paths } from '@/domain/shared/paths'
import { db } from './app'
import { clubConfigConverter } from './converters'

/** Live club configuration (name, tiers, interests …). Returns the unsubscribe. */
export function watchClubConfig(
  onChange: (config: ClubConfig | null) => void,
  onError: (error: Error) => void,
): () => void {
  return onSnapshot(
    doc(db, paths.clubConfig()).withConverter(clubConfigConverter),
    (snap) => onChange(snap.exists() ? snap.data() : null),
    onError,
  )
}
