import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { QueuedContent } from '@/services/firebase/admin-api'

const api = vi.hoisted(() => ({
  moderateContent: vi.fn(),
  moderateReview: vi.fn(),
  featurePost: vi.fn(),
  fetchModerationQueue: vi.fn(),
  fetchHeldReviews: vi.fn(),
  fetchRecentPosts: vi.fn(),
  fetchModerationLog: vi.fn(),
}))
vi.mock('@/services/firebase/admin-api', () => api)

const { useAdminModerationStore } = await import('@/stores/admin/moderation')

const item = (commentId: string | null): QueuedContent => ({
  postId: 'a'.repeat(32),
  commentId,
  text: 'Buy now!',
  authorUid: 'dana',
  authorName: 'Dana L.',
  status: 'hidden',
  flags: [],
  reports: [{ reason: 'spam', note: null }],
  createdAt: null,
})

beforeEach(async () => {
  setActivePinia(createPinia())
  for (const fn of Object.values(api)) fn.mockReset()
  api.fetchModerationQueue.mockResolvedValue([item(null), item('b'.repeat(32))])
  api.fetchHeldReviews.mockResolvedValue([])
  api.fetchRecentPosts.mockResolvedValue([])
  api.fetchModerationLog.mockResolvedValue([])
  api.moderateContent.mockResolvedValue({ status: 'removed', reportsClosed: 1, outcome: 'author-muted' })
})

describe('moderation decisions', () => {
  it('sends the days with a mute only, names the comment when it is one, and takes the item off the queue', async () => {
    const store = useAdminModerationStore()
    await store.load()
    await store.decide(store.content[1]!, 'mute', 'Advertising again', 14)
    expect(api.moderateContent).toHaveBeenLastCalledWith({ postId: 'a'.repeat(32), commentId: 'b'.repeat(32), decision: 'mute', note: 'Advertising again', days: 14 })
    await store.decide(store.content[0]!, 'warn', 'Please keep it civil', 14)
    expect(api.moderateContent).toHaveBeenLastCalledWith({ postId: 'a'.repeat(32), decision: 'warn', note: 'Please keep it civil' })
    expect(store.content).toEqual([])
    // The log is read again after each decision, so it shows at once.
    expect(api.fetchModerationLog).toHaveBeenCalledTimes(3)
  })

  it('keeps the item in the queue when the server refuses', async () => {
    const store = useAdminModerationStore()
    await store.load()
    api.moderateContent.mockRejectedValue(new Error('refused'))
    await expect(store.decide(store.content[0]!, 'delete', 'Spam')).rejects.toThrow('refused')
    expect(store.content).toHaveLength(2)
  })
})
