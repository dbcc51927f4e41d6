import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { SubmitReviewResult } from '@/domain/earn/review-schema'
import { DEFAULT_REVIEW_POLICY, ratingSummary, reviewPeriod, visitedPartners, type ReviewPolicy } from '@/domain/earn/reviews'
import { localDate } from '@/domain/shared/calendar'
import { AppError, isTransient } from '@/domain/shared/errors'
import { DEFAULT_TIME_ZONE } from '@/domain/shared/platform'
import { intentRequestId, onForgetAll, settleIntent } from '@/services/device-storage'
import { fetchMyReviews, fetchPartnerReviews, fetchRatingShards, fetchVisitEntries, submitReview, type MyReview, type PublishedReview, type ReviewCursor } from '@/services/firebase/earn-api'
import { useClubStore } from './club'
import { useMemberStore } from './member'

const DAY_MS = 86_400_000
const INTENT = 'review'

interface PartnerReviews {
  reviews: PublishedReview[]
  next: ReviewCursor | null
  count: number
  average: number | null
}

/**
 * Reviews: a partner's published ones with its rating, and what the member may review — partners
 * with a verified visit in the window (from the member's own ledger) not yet reviewed this period.
 * The server decides again on submit; this only decides what to offer.
 */
export const useReviewsStore = defineStore('reviews', () => {
  const member = useMemberStore()
  const club = useClubStore()
  // Shallow: pages carry Firestore snapshots as cursors, which must not become reactive proxies.
  const byPartner = shallowRef<Record<string, PartnerReviews>>({})
  const visited = ref<string[] | null>(null)
  const mine = shallowRef<MyReview[]>([])
  const loading = ref(false)

  onForgetAll(() => {
    byPartner.value = {}
    visited.value = null
    mine.value = []
  })

  const policy = computed<ReviewPolicy>(() => club.config?.reviews ?? DEFAULT_REVIEW_POLICY)
  const period = () => reviewPeriod(localDate(new Date(), club.config?.timeZone ?? DEFAULT_TIME_ZONE), policy.value.periodDays)

  /** Partners reviewed in the current period (any status: a second review is refused). */
  const reviewedNow = computed(() => {
    const current = period()
    return new Set(mine.value.filter((r) => r.period === current).map((r) => r.partnerId))
  })

  /** Partners visited in the window and not reviewed yet this period, most recent visit first. */
  const toReview = computed(() => (visited.value ?? []).filter((id) => !reviewedNow.value.has(id)))

  function canReview(partnerId: string): boolean {
    return toReview.value.includes(partnerId)
  }

  function myReviewOf(partnerId: string): MyReview | null {
    const current = period()
    return mine.value.find((r) => r.partnerId === partnerId && r.period === current) ?? null
  }

  /** What the member may review: their recent visits and their own reviews. */
  async function loadEligibility(): Promise<void> {
    const uid = member.member?.uid
    if (!uid) return
    // A day more than the window: the server judges by the club day, this only offers.
    const since = new Date(Date.now() - (policy.value.visitWindowDays + 1) * DAY_MS)
    const [entries, reviews] = await Promise.all([fetchVisitEntries(uid, since), fetchMyReviews(uid)])
    visited.value = visitedPartners(entries, since)
    mine.value = reviews
  }

  async function loadPartner(partnerId: string, more = false): Promise<void> {
    const current = byPartner.value[partnerId]
    loading.value = true
    try {
      const [page, shards] = await Promise.all([
        fetchPartnerReviews(partnerId, { after: more ? current?.next : null }),
        more ? null : fetchRatingShards(partnerId),
      ])
      const rating = shards ? ratingSummary(shards) : { count: current?.count ?? 0, average: current?.average ?? null }
      byPartner.value = {
        ...byPartner.value,
        [partnerId]: { reviews: more && current ? [...current.reviews, ...page.reviews] : page.reviews, next: page.next, ...rating },
      }
    } finally {
      loading.value = false
    }
  }

  /**
   * Sends a review. One request id per store until a definitive answer, so a lost answer or a
   * crash asks the server about the same review, which answers what it recorded the first time.
   */
  async function submit(partnerId: string, stars: number, text: string, photoId?: string | null): Promise<SubmitReviewResult> {
    const requestId = intentRequestId(INTENT, partnerId)
    try {
      const result = await submitReview({ partnerId, stars, text, requestId, ...(photoId ? { photoId } : {}) })
      settleIntent(INTENT, partnerId)
      void loadEligibility().catch(() => undefined)
      if (result.status === 'published') void loadPartner(partnerId).catch(() => undefined)
      return result
    } catch (error) {
      if (!(error instanceof AppError && isTransient(error.code))) settleIntent(INTENT, partnerId)
      throw error
    }
  }

  return { byPartner, visited, mine, loading, policy, toReview, canReview, myReviewOf, loadEligibility, loadPartner, submit }
})
