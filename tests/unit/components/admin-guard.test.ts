// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DEVICE_KEYS } from '@/services/device-storage'

// Firebase answers with the session this device remembers (or none), as it would on a reload.
vi.mock('@/services/firebase', async () => {
  const { DEVICE_KEYS: keys } = await import('@/services/device-storage')
  return {
    watchSession: (callback: (user: unknown) => void) => {
      const stored = localStorage.getItem(keys.cache('session'))
      queueMicrotask(() => callback(stored ? JSON.parse(stored) : null))
      return () => {}
    },
  }
})
// Who is a member is the member store's answer; the guard's own decisions are what is tested here.
const member = vi.hoisted(() => ({ status: 'ready' as 'ready' | 'missing', loaded: async () => {} }))
vi.mock('@/stores/member', () => ({ useMemberStore: () => member }))
// The screens themselves are not under test: every route renders an empty component.
vi.mock('@/views/WalletView.vue', () => ({ default: { render: () => null } }))
vi.mock('@/views/StaffView.vue', () => ({ default: { render: () => null } }))
vi.mock('@/views/JoinView.vue', () => ({ default: { render: () => null } }))
vi.mock('@/views/SignInView.vue', () => ({ default: { render: () => null } }))
vi.mock('@/views/NotFoundView.vue', () => ({ default: { render: () => null } }))
// The console's route tree as the guard loads it, without its screens (their own tests cover them).
vi.mock('@/router/admin-routes', () => {
  const screen = { render: () => null }
  return {
    loadAdminMessages: async () => {},
    adminRoutes: {
      path: '/admin',
      component: screen,
      meta: { admin: true },
      children: [
        { path: '', name: 'admin', component: screen },
        { path: 'members', name: 'admin-members', component: screen },
        { path: 'held', name: 'admin-held', component: screen },
        { path: 'members/:uid', name: 'admin-member', component: screen },
      ],
    },
  }
})

type Role = 'member' | 'staff' | 'admin'

async function routerAs(role: Role | null) {
  vi.resetModules()
  localStorage.clear()
  if (role) {
    localStorage.setItem(
      DEVICE_KEYS.cache('session'),
      JSON.stringify({ uid: `${role}-1`, email: `${role}@example.test`, role, partnerId: role === 'staff' ? 'cafe-shachar' : null }),
    )
  }
  setActivePinia(createPinia())
  const { router } = await import('@/router')
  return router
}

async function land(role: Role | null, path: string) {
  const router = await routerAs(role)
  await router.push(path)
  return router.currentRoute.value
}

beforeEach(() => {
  member.status = 'ready'
})

describe('the console’s guard', () => {
  it('lets an operator in, to any screen of the console, deep links too', async () => {
    expect((await land('admin', '/admin')).name).toBe('admin')
    expect((await land('admin', '/admin/members')).name).toBe('admin-members')
    const page = await land('admin', '/admin/members/dana-uid')
    expect(page.name).toBe('admin-member')
    expect(page.params.uid).toBe('dana-uid')
  })

  it('opens on the console for an operator, never on the join form', async () => {
    member.status = 'missing'
    expect((await land('admin', '/')).fullPath).toBe('/admin')
    expect((await land('admin', '/join')).fullPath).toBe('/admin')
    expect((await land('admin', '/history')).fullPath).toBe('/admin')
  })

  it('sends a member to the card and staff to their till', async () => {
    expect((await land('member', '/admin/members')).name).toBe('wallet')
    expect((await land('staff', '/admin')).name).toBe('staff')
    expect((await land('staff', '/admin/members/dana-uid')).name).toBe('staff')
  })

  it('asks a visitor to sign in first, and comes back to the console after', async () => {
    const route = await land(null, '/admin/held')
    expect(route.name).toBe('sign-in')
    expect(route.query.redirect).toBe('/admin/held')
  })
})
