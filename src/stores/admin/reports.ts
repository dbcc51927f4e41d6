import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MonthTotals } from '@/domain/reports/ledger-buckets'
import { REPORT_MONTHS, type RefreshReportsResult, type ReportSummary } from '@/domain/reports/reports'
import { addMonthsToMonth, localDate } from '@/domain/shared/calendar'
import { DEFAULT_TIME_ZONE } from '@/domain/shared/platform'
import type { Settlement } from '@/domain/reports/settlement'
import { fetchReportMonths, fetchReportSummary, getSettlement, refreshReports } from '@/services/firebase/admin-reports-api'
import { useClubStore } from '@/stores/club'

type Status = 'idle' | 'loading' | 'ready' | 'error'

/** The console's reports (summary documents the server keeps) and partner statements. */
export const useAdminReportsStore = defineStore('admin-reports', () => {
  const club = useClubStore()
  const summary = ref<ReportSummary | null>(null)
  const months = ref<MonthTotals[]>([])
  const status = ref<Status>('idle')
  const error = ref<unknown>(null)
  const refreshing = ref(false)
  const lastRefresh = ref<RefreshReportsResult | null>(null)

  async function load() {
    status.value = 'loading'
    error.value = null
    try {
      const thisMonth = localDate(new Date(), club.config?.timeZone ?? DEFAULT_TIME_ZONE).slice(0, 7)
      const [s, m] = await Promise.all([fetchReportSummary(), fetchReportMonths(addMonthsToMonth(thisMonth, -(REPORT_MONTHS - 1)))])
      summary.value = s
      months.value = m
      status.value = 'ready'
    } catch (e) {
      error.value = e
      status.value = 'error'
    }
  }

  /** Asks the server to fold what the ledger gained, then reads the documents again. */
  async function refresh() {
    refreshing.value = true
    error.value = null
    try {
      lastRefresh.value = await refreshReports({})
      await load()
    } catch (e) {
      error.value = e
    } finally {
      refreshing.value = false
    }
  }

  const settlement = ref<Settlement | null>(null)
  const settlementStatus = ref<Status>('idle')
  const settlementError = ref<unknown>(null)

  async function loadSettlement(month: string) {
    settlementStatus.value = 'loading'
    settlementError.value = null
    try {
      settlement.value = await getSettlement({ month })
      settlementStatus.value = 'ready'
    } catch (e) {
      settlementError.value = e
      settlementStatus.value = 'error'
    }
  }

  return { summary, months, status, error, refreshing, lastRefresh, load, refresh, settlement, settlementStatus, settlementError, loadSettlement }
})
