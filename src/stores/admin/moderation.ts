import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ModerationDecision } from '@/domain/community/posts'
import {
  featurePost,
  fetchHeldReviews,
  fetchModerationLog,
  fetchModerationQueue,
  fetchRecentPosts,
  moderateContent,
  moderateReview,
  type ModerationLogEntry,
  type QueuedContent,
  type QueuedReview,
} from '@/services/firebase/admin-api'

export type { ModerationLogEntry, QueuedContent, QueuedReview }

/** The moderation queue: reported, held and hidden posts and comments, held reviews, the log. */
export const useAdminModerationStore = defineStore('admin-moderation', () => {
  const content = ref<QueuedContent[]>([])
  const reviews = ref<QueuedReview[]>([])
  const recent = ref<QueuedContent[]>([])
  const log = ref<ModerationLogEntry[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')

  async function load() {
    status.value = 'loading'
    try {
      ;[content.value, reviews.value, recent.value, log.value] = await Promise.all([
        fetchModerationQueue(),
        fetchHeldReviews(),
        fetchRecentPosts(),
        fetchModerationLog(),
      ])
      status.value = 'ready'
    } catch {
      status.value = 'error'
    }
  }

  async function decide(item: QueuedContent, decision: ModerationDecision, note: string, days?: number) {
    const result = await moderateContent({
      postId: item.postId,
      ...(item.commentId ? { commentId: item.commentId } : {}),
      decision,
      note,
      ...(decision === 'mute' ? { days: days ?? 7 } : {}),
    })
    content.value = content.value.filter((c) => !(c.postId === item.postId && c.commentId === item.commentId))
    log.value = await fetchModerationLog()
    return result
  }

  async function decideReview(item: QueuedReview, approve: boolean, note: string) {
    const result = await moderateReview({ reviewId: item.reviewId, decision: approve ? 'approve' : 'remove', note })
    reviews.value = reviews.value.filter((r) => r.reviewId !== item.reviewId)
    return result
  }

  async function feature(postId: string) {
    return featurePost({ postId })
  }

  return { content, reviews, recent, log, status, load, decide, decideReview, feature }
})
