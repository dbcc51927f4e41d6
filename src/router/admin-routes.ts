import type { RouteComponent, RouteRecordRaw } from 'vue-router'
export { loadAdminMessages } from '@/i18n/admin'
import AdminHomeView from '@/views/admin/AdminHomeView.vue'
import AdminLayout from '@/views/admin/AdminLayout.vue'
import ConfigItemView from '@/views/admin/ConfigItemView.vue'
import ConfigView from '@/views/admin/ConfigView.vue'
import MembersView from '@/views/admin/MembersView.vue'
import MemberView from '@/views/admin/MemberView.vue'
import HeldView from '@/views/admin/HeldView.vue'
import PartnerToolsView from '@/views/admin/PartnerToolsView.vue'
import AnnouncementsView from '@/views/admin/AnnouncementsView.vue'
import ModerationView from '@/views/admin/ModerationView.vue'
import ReportsView from '@/views/admin/ReportsView.vue'
import SettlementView from '@/views/admin/SettlementView.vue'
import StaffView from '@/views/admin/StaffView.vue'
import AuditView from '@/views/admin/AuditView.vue'

/**
 * One entry per screen of the operator console: the `/admin` child route and its place in the
 * console's navigation.
 *
 * This module is itself the console's lazy chunk (the router imports it when an admin first opens
 * `/admin`), so screens are imported here statically, not as `() => import(...)`: a dynamic import
 * inside this chunk moves Vite's preload helper out of the card's chunks into one of its own, and
 * the card route pays for it (measured: +0.5 KB gzipped, over its budget). The whole console
 * loading at once is fine for an operator.
 */
export interface AdminSection {
  /** Relative to `/admin`, e.g. `members`. */
  path: string
  name: string
  /** The navigation label, a key in an admin message section (e.g. `admin.nav.members`). */
  labelKey: string
  /** The screen, imported statically (see above). */
  component: RouteComponent
}

export const ADMIN_SECTIONS: AdminSection[] = [
  { path: 'config', name: 'admin-config', labelKey: 'adminConfig.nav', component: ConfigView },
  { path: 'members', name: 'admin-members', labelKey: 'admin.nav.members', component: MembersView },
  { path: 'held', name: 'admin-held', labelKey: 'admin.nav.held', component: HeldView },
  { path: 'partners', name: 'admin-partners', labelKey: 'admin.nav.partners', component: PartnerToolsView },
  { path: 'moderation', name: 'admin-moderation', labelKey: 'admin.nav.moderation', component: ModerationView },
  { path: 'announce', name: 'admin-announce', labelKey: 'admin.nav.announce', component: AnnouncementsView },
  { path: 'reports', name: 'admin-reports', labelKey: 'adminReports.nav.reports', component: ReportsView },
  { path: 'settlement', name: 'admin-settlement', labelKey: 'adminReports.nav.settlement', component: SettlementView },
  { path: 'staff', name: 'admin-staff', labelKey: 'adminStaff.nav.staff', component: StaffView },
  { path: 'audit', name: 'admin-audit', labelKey: 'adminStaff.nav.audit', component: AuditView },
]

/** Screens reached from a section (a member's page), not listed in the navigation. */
export const ADMIN_DETAIL_ROUTES: RouteRecordRaw[] = [
  // `_new` is no item's id (ids are slugs), so it can name the form of a new one.
  { path: 'config/:kind/:id', name: 'admin-config-item', component: ConfigItemView, props: true },
  { path: 'members/:uid', name: 'admin-member', component: MemberView, props: true },
]

export const adminRoutes: RouteRecordRaw = {
  path: '/admin',
  component: AdminLayout,
  meta: { admin: true },
  children: [
    { path: '', name: 'admin', component: AdminHomeView },
    ...ADMIN_SECTIONS.map(({ path, name, component }) => ({ path, name, component })),
    ...ADMIN_DETAIL_ROUTES,
  ],
}
