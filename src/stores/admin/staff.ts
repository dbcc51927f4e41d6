import { defineStore } from 'pinia'
import { ref } from 'vue'
import { AUDIT_PAGE_SIZE, type AuditEntry, type GrantStaffResult, type StaffAccount } from '@/domain/admin/staff'
import type { GrantStaffInput } from '@/domain/admin/staff-schema'
import type { AppError } from '@/domain/shared/errors'
import {
  fetchAuditPage,
  grantStaff,
  revokeStaff,
  watchStaffAccounts,
  type AuditCursor,
} from '@/services/firebase/admin-staff-api'

/** The console's staff accounts: the live list, grant and revoke. */
export const useAdminStaffStore = defineStore('admin-staff', () => {
  const accounts = ref<StaffAccount[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const failure = ref<AppError | null>(null)
  let stop: (() => void) | null = null

  function watch(partnerId: string | null) {
    stop?.()
    status.value = 'loading'
    failure.value = null
    stop = watchStaffAccounts(
      partnerId,
      (next) => {
        // Active accounts first, then by e-mail: the list an operator scans for a name.
        accounts.value = [...next].sort((a, b) => Number(b.active) - Number(a.active) || (a.email ?? a.uid).localeCompare(b.email ?? b.uid))
        status.value = 'ready'
      },
      (error) => {
        failure.value = error
        status.value = 'error'
      },
    )
  }

  function stopWatching() {
    stop?.()
    stop = null
    status.value = 'idle'
  }

  /** Throws an AppError the screen translates (`account-not-found`, `account-is-admin`, …). */
  function grant(input: GrantStaffInput): Promise<GrantStaffResult> {
    return grantStaff(input)
  }

  async function revoke(uid: string): Promise<void> {
    await revokeStaff({ uid })
  }

  return { accounts, status, failure, watch, stopWatching, grant, revoke }
})

/**
 * One view of the audit log (the whole club, a member's or a store's), paged newest first. Each
 * audit list on screen has its own: the members screen embeds one beside the console's log.
 */
export function useAuditLog() {
  const entries = ref<AuditEntry[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const failure = ref<AppError | null>(null)
  const more = ref(false)
  let cursor: AuditCursor | null = null
  let filter: { memberUid?: string | null; partnerId?: string | null } = {}
  let generation = 0

  async function load(next: { memberUid?: string | null; partnerId?: string | null }) {
    filter = next
    cursor = null
    entries.value = []
    more.value = false
    await page(++generation)
  }

  async function loadMore() {
    if (status.value === 'loading' || !more.value) return
    await page(generation)
  }

  async function page(asked: number) {
    status.value = 'loading'
    failure.value = null
    try {
      const result = await fetchAuditPage(filter, AUDIT_PAGE_SIZE, cursor)
      // A newer filter was asked for meanwhile: this page belongs to the old one.
      if (asked !== generation) return
      entries.value = [...entries.value, ...result.entries]
      cursor = result.next
      more.value = result.next !== null
      status.value = 'ready'
    } catch (error) {
      if (asked !== generation) return
      failure.value = error as AppError
      status.value = 'error'
    }
  }

  return { entries, status, failure, more, load, loadMore }
}
