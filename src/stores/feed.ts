import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { CounterShard } from '@/domain/community/posts'
import type { AddCommentResult, CreatePostResult, ReportContentInput, ReportContentResult } from '@/domain/community/schemas'
import { AppError, isTransient } from '@/domain/shared/errors'
import { intentRequestId, settleIntent } from '@/services/device-storage'
import {
  addComment,
  createPost,
  deletePost,
  fetchFeedPage,
  fetchLiked,
  fetchMyReports,
  reportContent,
  setLiked,
  watchComments,
  watchCounts,
  watchFeed,
  watchPinned,
  watchPost,
  type FeedComment,
  type FeedCursor,
  type FeedPost,
} from '@/services/firebase/community-api'
import { useSessionStore } from './session'

const PAGE_SIZE = 10
const POST_INTENT = 'feed-post'
const COMMENT_INTENT = 'feed-comment'

/**
 * The club feed: the first page live, older pages on demand, pinned announcements, each shown
 * post's counts (live, summed from its shards) and whether the member liked it. A like shows at
 * once (the local cache applies the batch before the server confirms) and is undone if refused.
 */
export const useFeedStore = defineStore('feed', () => {
  const session = useSessionStore()
  const firstPage = ref<FeedPost[]>([])
  const older = ref<FeedPost[]>([])
  const pinned = ref<FeedPost[]>([])
  const counts = ref<Record<string, CounterShard>>({})
  const liked = ref<Record<string, boolean>>({})
  const loaded = ref(false)
  const loadingMore = ref(false)
  const error = shallowRef<unknown>(null)
  // Shallow: a cursor is a Firestore snapshot and must not become a reactive proxy.
  const firstNext = shallowRef<FeedCursor | null>(null)
  const olderNext = shallowRef<FeedCursor | null>(null)
  const cursor = computed(() => (older.value.length === 0 ? firstNext.value : olderNext.value))
  const hasMore = computed(() => cursor.value !== null)
  const current = ref<FeedPost | null | undefined>(undefined)
  const comments = ref<FeedComment[]>([])
  const postStops: (() => void)[] = []
  const stops: (() => void)[] = []
  const countStops = new Map<string, () => void>()

  function stopAll(): void {
    for (const stop of stops.splice(0)) stop()
    for (const stop of countStops.values()) stop()
    countStops.clear()
  }

  /** Counts and the member's like for each post on screen, fetched once per post. */
  function follow(posts: readonly FeedPost[]): void {
    const uid = session.user?.uid
    for (const post of posts) {
      if (countStops.has(post.id)) continue
      countStops.set(post.id, watchCounts(post.id, (c) => (counts.value = { ...counts.value, [post.id]: c }), () => undefined))
      // A like tapped before this answer arrives is newer than it: the answer must not undo it.
      if (uid) void fetchLiked(post.id, uid).then((yes) => !(post.id in liked.value) && (liked.value = { ...liked.value, [post.id]: yes }), () => undefined)
    }
  }

  /** Starts following the feed (the feed screen calls it; idempotent). */
  function start(): void {
    if (stops.length > 0) return
    stops.push(
      watchFeed(
        PAGE_SIZE,
        (page) => {
          firstPage.value = page.posts
          firstNext.value = page.next
          loaded.value = true
          follow(page.posts)
        },
        (e) => {
          error.value = e
          loaded.value = true
        },
      ),
      watchPinned((posts) => {
        pinned.value = posts
        follow(posts)
      }, () => undefined),
    )
  }

  watch(
    () => session.user?.uid,
    () => {
      stopAll()
      firstPage.value = []
      older.value = []
      pinned.value = []
      counts.value = {}
      liked.value = {}
      loaded.value = false
      firstNext.value = olderNext.value = null
      closePost()
    },
  )

  /** Pinned announcements first, then the rest newest first, each post once. */
  const posts = computed(() => {
    const seen = new Set(pinned.value.map((p) => p.id))
    return [...pinned.value, ...[...firstPage.value, ...older.value].filter((p) => !seen.has(p.id) && (seen.add(p.id), true))]
  })

  async function loadMore(): Promise<void> {
    const after = cursor.value
    if (!after || loadingMore.value) return
    loadingMore.value = true
    try {
      const page = await fetchFeedPage(after, PAGE_SIZE)
      older.value = [...older.value, ...page.posts]
      olderNext.value = page.next
      follow(page.posts)
    } finally {
      loadingMore.value = false
    }
  }

  /** One post's page: the post and its comments, live (`current` is null when it is not visible). */
  function openPost(postId: string): void {
    closePost()
    postStops.push(
      watchPost(postId, (post) => {
        current.value = post
        if (post) follow([post])
      }, (e) => (error.value = e)),
      watchComments(postId, (list) => (comments.value = list), () => undefined),
    )
  }

  function closePost(): void {
    for (const stop of postStops.splice(0)) stop()
    current.value = undefined
    comments.value = []
  }

  async function toggleLike(postId: string): Promise<void> {
    const uid = session.user?.uid
    if (!uid) return
    const want = !liked.value[postId]
    const before = counts.value[postId]
    liked.value = { ...liked.value, [postId]: want }
    try {
      await setLiked(postId, uid, want)
    } catch (e) {
      liked.value = { ...liked.value, [postId]: !want }
      if (before) counts.value = { ...counts.value, [postId]: before }
      throw e
    }
  }

  /**
   * Sends under one request id per intent (this text, about this store) until the server settles
   * it: a retry after a lost answer gets the first post back instead of posting twice, and an
   * edited draft is a new intent.
   */
  async function settled<T>(kind: string, subject: string, send: (requestId: string) => Promise<T>): Promise<T> {
    const requestId = intentRequestId(kind, subject)
    try {
      const result = await send(requestId)
      settleIntent(kind, subject)
      return result
    } catch (e) {
      if (!(e instanceof AppError && isTransient(e.code))) settleIntent(kind, subject)
      throw e
    }
  }

  function publish(text: string, partnerId: string | null, photoIds: readonly string[] = [], competitionId: string | null = null): Promise<CreatePostResult> {
    return settled(POST_INTENT, `${competitionId ?? ''}|${partnerId ?? ''}|${photoIds.join(',')}|${text}`, (requestId) =>
      createPost({
        requestId,
        text,
        ...(partnerId ? { partnerId } : {}),
        ...(photoIds.length > 0 ? { photoIds: [...photoIds] } : {}),
        ...(competitionId ? { competitionId } : {}),
      }),
    )
  }

  function comment(postId: string, text: string): Promise<AddCommentResult> {
    return settled(COMMENT_INTENT, `${postId}|${text}`, (requestId) => addComment({ requestId, postId, text }))
  }

  const myReports = ref<{ id: string; postId: string; outcome: string }[]>([])
  /**
   * What became of the member's reports sent from this screen, by post: kept here rather than in
   * the form, because a report that hides the post takes the post and its form off the page.
   */
  const reported = ref<Record<string, 'sent' | 'hidden'>>({})

  async function report(input: ReportContentInput): Promise<ReportContentResult> {
    const result = await reportContent(input)
    reported.value = { ...reported.value, [input.postId]: result.hidden ? 'hidden' : 'sent' }
    void loadMyReports().catch(() => undefined)
    return result
  }

  /** The member's reports with their outcomes: how a reporter hears back. */
  async function loadMyReports(): Promise<void> {
    const uid = session.user?.uid
    if (uid) myReports.value = await fetchMyReports(uid)
  }

  async function remove(postId: string, commentId?: string): Promise<void> {
    await deletePost({ postId, ...(commentId ? { commentId } : {}) })
  }

  return {
    posts,
    counts,
    liked,
    loaded,
    loadingMore,
    hasMore,
    error,
    current,
    comments,
    start,
    stop: stopAll,
    loadMore,
    openPost,
    closePost,
    toggleLike,
    publish,
    comment,
    report,
    remove,
    myReports,
    reported,
    loadMyReports,
    follow,
  }
})
