// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/domain/shared/errors'

const api = vi.hoisted(() => ({
  createPost: vi.fn(),
  addComment: vi.fn(),
  deletePost: vi.fn(),
  reportContent: vi.fn(),
  fetchFeedPage: vi.fn(),
  fetchLiked: vi.fn(async () => false),
  fetchMyReports: vi.fn(async () => []),
  setLiked: vi.fn(),
  watchFeed: vi.fn(() => () => {}),
  watchPinned: vi.fn(() => () => {}),
  watchPost: vi.fn(() => () => {}),
  watchComments: vi.fn(() => () => {}),
  watchCounts: vi.fn(() => () => {}),
  watchSession: vi.fn(() => () => {}),
}))
vi.mock('@/services/firebase', () => api)
vi.mock('@/services/firebase/earn-api', () => api)
vi.mock('@/services/firebase/community-api', () => api)

const { useFeedStore } = await import('@/stores/feed')
const { useSessionStore } = await import('@/stores/session')

function reload() {
  setActivePinia(createPinia())
  const session = useSessionStore()
  session.$patch({ user: { uid: 'member-1', email: 'm@example.test', emailVerified: true, role: 'member', partnerId: null } } as never)
  return useFeedStore()
}

const requestIds = (mock: ReturnType<typeof vi.fn>) => mock.mock.calls.map(([input]) => (input as { requestId: string }).requestId)

beforeEach(() => {
  localStorage.clear()
  api.createPost.mockReset()
  api.setLiked.mockReset()
})

describe('posting', () => {
  it('retries a post whose answer was lost with the same request id, through a reload', async () => {
    api.createPost.mockRejectedValueOnce(new AppError('internal', 'lost')).mockResolvedValue({ postId: 'p', status: 'published', flags: [], points: 5, replayed: true })
    await expect(reload().publish('Hello club', null)).rejects.toMatchObject({ code: 'internal' })
    await expect(reload().publish('Hello club', null)).resolves.toMatchObject({ replayed: true })
    const [first, second] = requestIds(api.createPost)
    expect(second).toBe(first)
  })

  it('makes an edited draft, or the same text after a definite answer, a new request', async () => {
    api.createPost.mockRejectedValueOnce(new AppError('resource-exhausted', 'too soon')).mockResolvedValue({ postId: 'p', status: 'published', flags: [], points: 0, replayed: false })
    const feed = reload()
    await expect(feed.publish('Hello club', null)).rejects.toMatchObject({ code: 'resource-exhausted' })
    await feed.publish('Hello club', null)
    await feed.publish('Hello club!', null)
    const [a, b, c] = requestIds(api.createPost)
    expect(new Set([a, b, c]).size).toBe(3)
  })
})

describe('liking', () => {
  it('shows a like at once, and takes it back when the write is refused', async () => {
    let refuse: (e: Error) => void = () => {}
    api.setLiked.mockImplementation(() => new Promise((_, reject) => (refuse = reject)))
    const feed = reload()
    const pending = feed.toggleLike('post-1')
    expect(feed.liked['post-1']).toBe(true)
    refuse(new AppError('permission-denied', 'hidden'))
    await expect(pending).rejects.toMatchObject({ code: 'permission-denied' })
    expect(feed.liked['post-1']).toBe(false)
    expect(api.setLiked).toHaveBeenCalledWith('post-1', 'member-1', true)
  })

  it('keeps a like tapped before the member\'s earlier like arrives: the late answer does not undo it', async () => {
    let answer: (liked: boolean) => void = () => {}
    api.fetchLiked.mockImplementationOnce(() => new Promise<boolean>((resolve) => (answer = resolve)))
    api.setLiked.mockResolvedValue(undefined)
    api.watchFeed.mockImplementationOnce(((_size: number, onPage: (page: { posts: { id: string }[]; next: null }) => void) => {
      onPage({ posts: [{ id: 'post-1' }], next: null })
      return () => {}
    }) as never)
    const feed = reload()
    feed.start()
    await feed.toggleLike('post-1')
    answer(false)
    await Promise.resolve()
    await Promise.resolve()
    expect(feed.liked['post-1']).toBe(true)
  })
})
