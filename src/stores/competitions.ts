import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { competitionPhase, type CompetitionView } from '@/domain/community/competitions'
import type { FeedPost } from '@/domain/community/posts'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { fetchMyCompetition, voteEntry, watchCompetitions, watchEntries } from '@/services/firebase/community-api'
import { useFeedStore } from './feed'
import { useSessionStore } from './session'

const VOTE_INTENT = 'competition-vote'

/**
 * Photo competitions: the club's list (with each one's phase now), one competition's entries
 * live with their vote counts, and the member's own entry and vote. Entering is a post with a
 * photo (the feed store); voting goes through `voteEntry`.
 */
export const useCompetitionsStore = defineStore('competitions', () => {
  const session = useSessionStore()
  const feed = useFeedStore()
  const list = ref<CompetitionView[]>([])
  const entries = ref<FeedPost[]>([])
  const mine = ref<{ entry: string | null; vote: string | null }>({ entry: null, vote: null })
  const now = ref(Date.now())
  let stopList: (() => void) | null = null
  let stopEntries: (() => void) | null = null

  watch(
    () => session.user?.uid,
    () => {
      stopList?.()
      stopEntries?.()
      stopList = stopEntries = null
      list.value = []
      entries.value = []
    },
  )

  function start(): void {
    now.value = Date.now()
    stopList ??= watchCompetitions((next) => (list.value = next), () => undefined)
  }

  const phaseOf = (c: CompetitionView) => competitionPhase(c, now.value, c.closed)

  /** Open and upcoming first (soonest deadline first), then the last closed ones. */
  const current = computed(() =>
    [...list.value]
      .filter((c) => phaseOf(c) !== 'closed' || now.value - c.voteUntil < 30 * 86_400_000)
      .sort((a, b) => Number(phaseOf(a) === 'closed') - Number(phaseOf(b) === 'closed') || a.voteUntil - b.voteUntil),
  )

  function competition(id: string): CompetitionView | null {
    return list.value.find((c) => c.id === id) ?? null
  }

  async function open(id: string): Promise<void> {
    start()
    stopEntries?.()
    entries.value = []
    stopEntries = watchEntries(id, (posts) => {
      entries.value = posts
      feed.follow(posts)
    }, () => undefined)
    const uid = session.user?.uid
    if (uid) mine.value = await fetchMyCompetition(id, uid)
  }

  /** Entries by votes once voting started (most first), by time before. */
  const ranked = computed(() => {
    const votes = (p: FeedPost) => feed.counts[p.id]?.votes ?? 0
    return [...entries.value].sort((a, b) => votes(b) - votes(a) || a.createdAt.getTime() - b.createdAt.getTime())
  })

  async function vote(competitionId: string, postId: string): Promise<void> {
    const subject = `${competitionId}|${postId}`
    const requestId = intentRequestId(VOTE_INTENT, subject)
    try {
      await voteEntry({ competitionId, postId, requestId })
      settleIntent(VOTE_INTENT, subject)
      mine.value = { ...mine.value, vote: postId }
    } catch (e) {
      if (!(e instanceof AppError && isTransient(e.code))) settleIntent(VOTE_INTENT, subject)
      throw e
    }
  }

  async function enter(competitionId: string, text: string, photoIds: readonly string[]) {
    const result = await feed.publish(text, null, photoIds, competitionId)
    mine.value = { ...mine.value, entry: result.postId }
    return result
  }

  return { list, current, entries, ranked, mine, now, start, phaseOf, competition, open, vote, enter }
})
