import { Timestamp, collection, limit, onSnapshot, orderBy, query, where, type DocumentData } from 'firebase/firestore'
import { HuntSchema, type Hunt, type HuntFinisher, type HuntProgress } from '@/domain/earn/hunts'
import { COLLECTIONS, paths } from '@/domain/shared/paths'
import { db } from './app'

type Unsubscribe = () => void

const RECENT_MS = 30 * 86_400_000

const millis = (value: unknown): number | null => (value instanceof Timestamp ? value.toMillis() : null)

function huntOf(id: string, data: DocumentData): Hunt | null {
  const parsed = HuntSchema.safeParse({ ...data, id, startsAt: millis(data.startsAt), endsAt: millis(data.endsAt) })
  return parsed.success ? parsed.data : null
}

function progressOf(huntId: string, data: DocumentData | undefined): HuntProgress | null {
  if (!data) return null
  return {
    huntId,
    solved: Number(data.solved ?? 0),
    points: Number(data.points ?? 0),
    startedAt: millis(data.startedAt),
    finishedAt: millis(data.finishedAt),
  }
}

/**
 * The club's hunts that are open, to come, or ended in the last 30 days, live (a club's history
 * of hunts is not read on every open); the screens pick what to show.
 */
export function watchHunts(onChange: (hunts: Hunt[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, COLLECTIONS.hunts), where('endsAt', '>=', Timestamp.fromMillis(Date.now() - RECENT_MS))),
    (snap) => onChange(snap.docs.map((d) => huntOf(d.id, d.data())).filter((h): h is Hunt => h !== null)),
    onError,
  )
}

/** The member's progress in every hunt they have started. */
export function watchHuntProgress(uid: string, onChange: (progress: HuntProgress[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    collection(db, `${paths.member(uid)}/${COLLECTIONS.hunts}`),
    (snap) => onChange(snap.docs.map((d) => progressOf(d.id, d.data())).filter((p): p is HuntProgress => p !== null)),
    onError,
  )
}

/** The first finishers of a hunt, by time. */
export function watchHuntFinishers(huntId: string, count: number, onChange: (finishers: HuntFinisher[]) => void, onError: (e: Error) => void): Unsubscribe {
  return onSnapshot(
    query(collection(db, paths.huntFinishers(huntId)), orderBy('finishedAt'), limit(count)),
    (snap) =>
      onChange(snap.docs.map((d) => ({ uid: d.id, name: String(d.get('name') ?? ''), finishedAt: millis(d.get('finishedAt')) ?? 0 }))),
    onError,
  )
}
