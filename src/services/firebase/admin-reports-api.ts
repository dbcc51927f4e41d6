// The operator console's door to Firebase for reports and partner settlement. Only the console's
// lazy chunk imports it, never the card route.
import { FirebaseError } from 'firebase/app'
import { collection, doc, documentId, getDoc, getDocs, limit, orderBy, query, where } from 'firebase/firestore'
import { httpsCallable } from 'firebase/functions'
import { CALLABLES, type CallableInput, type CallableName, type CallableResult } from '@/domain/contracts/callables'
import type { MonthTotals } from '@/domain/reports/ledger-buckets'
import { REPORT_MONTHS, type ReportSummary } from '@/domain/reports/reports'
import { AppError, toAppErrorCode } from '@/domain/shared/errors'
import { paths } from '@/domain/shared/paths'
import { auth, db, functions } from './app'

async function call<N extends CallableName>(name: N, data: CallableInput<N>): Promise<CallableResult<N>> {
  await auth.authStateReady()
  try {
    return (await httpsCallable<CallableInput<N>, CallableResult<N>>(functions, name)(data)).data
  } catch (error) {
    if (error instanceof FirebaseError) {
      const details = (error as FirebaseError & { details?: { reason?: string } }).details
      throw new AppError(toAppErrorCode(error.code), error.message, [], details?.reason ?? null)
    }
    throw new AppError('internal', String(error))
  }
}

export const refreshReports = (input: CallableInput<'refreshReports'>) => call(CALLABLES.refreshReports, input)
export const getSettlement = (input: CallableInput<'getSettlement'>) => call(CALLABLES.getSettlement, input)

/** A read as an AppError on failure, so the screen says what happened (a refusal by the rules, no connection). */
async function read<T>(run: () => Promise<T>): Promise<T> {
  // The console can open from a reload, before Auth has restored the operator: the rules need the token.
  await auth.authStateReady()
  try {
    return await run()
  } catch (error) {
    if (error instanceof FirebaseError) throw new AppError(toAppErrorCode(error.code), error.message)
    throw error
  }
}

/** The summary document the last refresh wrote (operators only: firestore.rules), or null before the first. */
export function fetchReportSummary(): Promise<ReportSummary | null> {
  return read(async () => {
    const snap = await getDoc(doc(db, paths.reportSummary()))
    return snap.exists() ? (snap.data() as ReportSummary) : null
  })
}

/**
 * The months' totals from `fromMonth` (YYYY-MM) on, oldest first: at most REPORT_MONTHS small
 * documents, never the ledger. A range from the first month, since Firestore's emulator refuses
 * descending key scans.
 */
export function fetchReportMonths(fromMonth: string): Promise<MonthTotals[]> {
  return read(async () => {
    const months = collection(db, paths.reportMonths())
    const snap = await getDocs(query(months, where(documentId(), '>=', fromMonth), orderBy(documentId()), limit(REPORT_MONTHS)))
    return snap.docs.map((d) => ({ ...(d.data() as MonthTotals), month: d.id }))
  })
}
