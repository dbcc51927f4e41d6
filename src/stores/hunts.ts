import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { huntWindow, normaliseAnswer, rankFinishers, type ClaimClueResult, type Hunt, type HuntFinisher, type HuntProgress } from '@/domain/earn/hunts'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import { claimClue, getHuntCode, watchHuntFinishers, watchHuntProgress, watchHunts } from '@/services/firebase/earn-api'
import { followAccount } from './follow-account'

const LEADERBOARD_SIZE = 20
const INTENT = 'hunt-clue'

/** Treasure hunts: the club's hunts, the member's progress, a hunt's leaderboard and answering. */
export const useHuntsStore = defineStore('hunts', () => {
  const hunts = ref<Hunt[]>([])
  const progress = ref<Record<string, HuntProgress>>({})
  const loaded = ref(false)
  const finishers = ref<HuntFinisher[]>([])
  let stopBoard: (() => void) | null = null

  followAccount(
    (uid) => [
      watchHunts(
        (next) => {
          hunts.value = next
          loaded.value = true
        },
        () => (loaded.value = true),
      ),
      watchHuntProgress(
        uid,
        (next) => (progress.value = Object.fromEntries(next.map((p) => [p.huntId, p]))),
        () => undefined,
      ),
    ],
    () => {
      hunts.value = []
      progress.value = {}
      loaded.value = false
    },
  )

  /** Open hunts and those still to come, soonest ending first; ended ones only once played. */
  const current = computed(() => {
    const now = Date.now()
    return hunts.value
      .filter((h) => huntWindow(h, now) !== 'ended' || progress.value[h.id])
      .sort((a, b) => a.endsAt - b.endsAt)
  })

  function hunt(id: string): Hunt | null {
    return hunts.value.find((h) => h.id === id) ?? null
  }

  function solved(id: string): number {
    return progress.value[id]?.solved ?? 0
  }

  /** Follows one hunt's leaderboard (the hunt screen), until `stopLeaderboard`. */
  function followLeaderboard(huntId: string): void {
    stopLeaderboard()
    stopBoard = watchHuntFinishers(huntId, LEADERBOARD_SIZE, (next) => (finishers.value = rankFinishers(next)), () => undefined)
  }

  function stopLeaderboard(): void {
    stopBoard?.()
    stopBoard = null
    finishers.value = []
  }

  /**
   * Answers a clue. One request id per (clue, answer) intent, kept until the server settles it: a
   * retry after a lost answer gets the first answer back instead of counting as another try.
   */
  async function answer(huntId: string, clueIndex: number, text: string): Promise<ClaimClueResult> {
    const subject = `${huntId}:${clueIndex}:${normaliseAnswer(text)}`
    const requestId = intentRequestId(INTENT, subject)
    try {
      const result = await claimClue({ huntId, clueIndex, answer: text, requestId })
      settleIntent(INTENT, subject)
      return result
    } catch (error) {
      if (error instanceof AppError && !isTransient(error.code)) settleIntent(INTENT, subject)
      throw error
    }
  }

  /** Today's code of a clue at the caller's store (the counter screen). */
  function todaysCode(huntId: string, clueIndex: number) {
    return getHuntCode({ huntId, clueIndex })
  }

  return { hunts, current, progress, loaded, finishers, hunt, solved, followLeaderboard, stopLeaderboard, answer, todaysCode }
})
