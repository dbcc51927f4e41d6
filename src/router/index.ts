import { loadAllMessages } from '@/i18n'
import { START_LOCATION, createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { bootState } from '@/boot/state'
import { useMemberStore } from '@/stores/member'
import { useSessionStore } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for signed-out visitors (sign-in, sign-up). */
    guest?: boolean
    /** Signed in, but not yet a member (the join form). */
    joining?: boolean
    /** Signed in and joined. */
    member?: boolean
    /** Partner-store staff (custom claim role: staff). */
    staff?: boolean
    /** Staff or club operators (an event's door screen). */
    door?: boolean
    /** Club operators (custom claim role: admin): the console and its screens. */
    admin?: boolean
  }
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'wallet', component: () => import('@/views/WalletView.vue'), meta: { member: true } },
    { path: '/history', name: 'history', component: () => import('@/views/HistoryView.vue'), meta: { member: true } },
    { path: '/tiers', name: 'tiers', component: () => import('@/views/TiersView.vue'), meta: { member: true } },
    { path: '/rewards', name: 'rewards', component: () => import('@/views/RewardsView.vue'), meta: { member: true } },
    { path: '/coupons', name: 'coupons', component: () => import('@/views/CouponsView.vue'), meta: { member: true } },
    { path: '/refer', name: 'refer', component: () => import('@/views/ReferView.vue'), meta: { member: true } },
    { path: '/partners', name: 'partners', component: () => import('@/views/PartnersView.vue'), meta: { member: true } },
    {
      path: '/partners/:id',
      name: 'partner',
      component: () => import('@/views/PartnerView.vue'),
      meta: { member: true },
      props: true,
    },
    {
      path: '/partners/:id/review',
      name: 'partner-review',
      component: () => import('@/views/ReviewView.vue'),
      meta: { member: true },
      props: true,
    },
    { path: '/earn', name: 'earn', component: () => import('@/views/earn/EarnView.vue'), meta: { member: true } },
    { path: '/earn/impact', name: 'impact', component: () => import('@/views/earn/ImpactView.vue'), meta: { member: true } },
    { path: '/profile', name: 'profile', component: () => import('@/views/earn/ProfileView.vue'), meta: { member: true } },
    { path: '/household', name: 'household', component: () => import('@/views/HouseholdView.vue'), meta: { member: true } },
    { path: '/household/join', name: 'household-join', component: () => import('@/views/HouseholdJoinView.vue'), meta: { member: true } },
    { path: '/offers', name: 'offers', component: () => import('@/views/offers/OffersView.vue'), meta: { member: true } },
    { path: '/inbox/:view(settings)?', name: 'inbox', component: () => import('@/views/InboxView.vue'), meta: { member: true }, props: true },
    { path: '/plans', name: 'plans', component: () => import('@/views/PlansView.vue'), meta: { member: true } },
    {
      path: '/earn/survey/:surveyId',
      name: 'survey',
      component: () => import('@/views/earn/SurveyView.vue'),
      props: true,
      meta: { member: true },
    },
    {
      path: '/earn/hunt/:huntId',
      name: 'hunt',
      component: () => import('@/views/earn/HuntView.vue'),
      props: true,
      meta: { member: true },
    },
    { path: '/community', name: 'community', component: () => import('@/views/community/FeedView.vue'), meta: { member: true } },
    // Static segments outrank `:postId`, so these never read as a post.
    { path: '/community/events', name: 'events', component: () => import('@/views/community/EventsView.vue'), meta: { member: true } },
    {
      path: '/community/events/:id',
      name: 'event',
      component: () => import('@/views/community/EventView.vue'),
      props: true,
      meta: { member: true },
    },
    {
      path: '/community/events/:id/door',
      name: 'event-door',
      component: () => import('@/views/community/EventDoorView.vue'),
      props: true,
      meta: { door: true },
    },
    {
      path: '/community/competitions/:competitionId',
      name: 'competition',
      component: () => import('@/views/community/CompetitionView.vue'),
      props: true,
      meta: { member: true },
    },
    {
      path: '/community/:postId',
      name: 'post',
      component: () => import('@/views/community/PostView.vue'),
      props: true,
      meta: { member: true },
    },
    { path: '/check-in', name: 'check-in', component: () => import('@/views/CheckInView.vue'), meta: { member: true } },
    { path: '/staff', name: 'staff', component: () => import('@/views/StaffView.vue'), meta: { staff: true } },
    // A screen-mode store's counter device: the rotating visit code, signed on the device. Its
    // staff open it, or an operator for a store chosen in the console (`?partner=`), as at a door.
    { path: '/counter', name: 'counter', component: () => import('@/views/CounterView.vue'), meta: { door: true } },
    // A printable poster; the signed code travels in the link, so it needs no sign-in.
    {
      path: '/poster/:partnerId',
      name: 'poster',
      component: () => import('@/views/PosterView.vue'),
      props: true,
    },
    // Stands for the console until its routes are added (the guard loads them for an admin), so
    // the card route carries nothing of the console, not even the list of its screens.
    { path: '/admin/:pathMatch(.*)*', name: 'admin-pending', component: () => import('@/views/NotFoundView.vue'), meta: { admin: true } },
    { path: '/sign-in', name: 'sign-in', component: () => import('@/views/SignInView.vue'), meta: { guest: true } },
    { path: '/sign-up', name: 'sign-up', component: () => import('@/views/SignUpView.vue'), meta: { guest: true } },
    { path: '/join', name: 'join', component: () => import('@/views/JoinView.vue'), meta: { joining: true } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
  ],
})

/** Only same-app paths are followed after sign-in, never another origin. */
export function safeRedirect(route: RouteLocationNormalized, fallback = '/'): string {
  const target = route.query.redirect
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : fallback
}

router.beforeEach(async (to, from) => {
  // An invitation in the link (rare) is remembered through sign-up; its checks load only then.
  if (to.query.ref !== undefined) (await import('@/composables/use-referral-invite')).rememberInvite(to.query)
  const session = useSessionStore()
  await session.ready
  if (to.path === '/' && !session.user) {
    // Visitors get the club's landing page, static in index.html and shown without the app: a
    // fresh page load brings it (the boot script starts no app on / without a session on the
    // device). Not when this very page already shows it, or it would load itself forever.
    if (from !== START_LOCATION || bootState()?.mode !== 'landing') window.location.assign(to.fullPath)
    return false
  }
  const needsUser = to.meta.member || to.meta.joining || to.meta.staff || to.meta.door || to.meta.admin
  if (needsUser && !session.user) {
    return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (to.meta.guest && session.user) return safeRedirect(to)
  // Staff accounts work the till; the member screens are for members.
  if (session.user?.role === 'staff' && (to.meta.member || to.meta.joining)) return { name: 'staff' }
  // An operator's account is not a member's: it opens on the console, never on the join form.
  if (session.user?.role === 'admin' && (to.meta.member || to.meta.joining)) return '/admin'
  if (to.meta.admin) {
    if (session.user?.role !== 'admin') return { name: session.user?.role === 'staff' ? 'staff' : 'wallet' }
    if (router.hasRoute('admin')) return true
    const { adminRoutes } = await import('./admin-routes')
    router.addRoute(adminRoutes)
    // Matched again now that the console's own routes exist.
    return to.fullPath
  }
  if (to.meta.staff) return session.user?.role === 'staff' ? true : { name: 'wallet' }
  if (to.meta.door) return session.user?.role === 'staff' || session.user?.role === 'admin' ? true : { name: 'wallet' }
  if (!needsUser) return true

  const member = useMemberStore()
  await member.loaded()
  // When loading failed the member route shows the error with a retry, so let it through.
  if (to.meta.member && member.status === 'missing') {
    return { name: 'join', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (to.meta.joining && member.status === 'ready') return safeRedirect(to)
  return true
})

// The card shows only the `core` messages (loaded before the first paint); every other screen
// waits for the rest of its language, a few kilobytes that the service worker keeps.
router.beforeResolve(async (to) => {
  if (to.meta.admin) await (await import('./admin-routes')).loadAdminMessages()
  else if (to.name !== 'wallet') await loadAllMessages()
})
