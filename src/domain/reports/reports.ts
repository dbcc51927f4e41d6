import { z } from 'zod'
import type { SurveyResults } from '../earn/survey-results'
import type { LocalMonth } from '../shared/calendar'
import type { MonthTotals } from './ledger-buckets'
import type { OfferReportRow } from '../offers/lift'

/** `refreshReports` (operators): fold the ledger entries written since the last refresh; `full` starts again from nothing. */
export const RefreshReportsInputSchema = z.object({ full: z.boolean().default(false) }).strict()
export type RefreshReportsInput = z.input<typeof RefreshReportsInputSchema>

export interface RefreshReportsResult {
  /** `busy`: another refresh holds the lease; nothing was done and its figures will land shortly. */
  status: 'refreshed' | 'busy'
  /** Ledger entries folded by this run. */
  folded: number
  /** Firestore documents this run read (an aggregation counts 1 per 1,000 index entries, as billed). */
  reads: number
  ms: number
  /** ISO time of the last folded entry's commit, or null when nothing was ever folded. */
  watermark: string | null
}

/** Members active within the last 30 and 90 days: a ledger entry of their own doing. */
export interface MemberCounts {
  total: number
  byTier: Record<string, number>
  active30: number
  active90: number
}

/** The referral funnel, club-wide: link openings (per visitor per day), friends who joined, friends who qualified. */
export interface ReferralFunnel {
  opened: number
  joined: number
  qualified: number
  /** Waiting for an operator (velocity holds). */
  held: number
}

export interface ReportSummary {
  refreshedAt: string
  members: MemberCounts
  referrals: ReferralFunnel
  /** The most recent surveys' results, newest first. */
  surveys: SurveyResults[]
  /** Each offer's latest season: targeted, held out and the lift (src/domain/offers/lift.ts). */
  offers: OfferReportRow[]
}

/** How many months the reports screen and its charts show. */
export const REPORT_MONTHS = 12
/** How many surveys the summary carries. */
export const REPORT_SURVEYS = 10

export type ReportMonth = MonthTotals & { month: LocalMonth }
