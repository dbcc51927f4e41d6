import { onSchedule } from 'firebase-functions/v2/scheduler'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { refreshReports } from './refresh'
import { DEFAULT_TIME_ZONE } from '../../../src/domain/shared/platform'

/** Every night at 03:15 Israel time, after the maintenance job's expiries: the reports catch up with the ledger. */
export const nightlyReports = onSchedule(
  { schedule: '15 3 * * *', timeZone: DEFAULT_TIME_ZONE, timeoutSeconds: 540, retryCount: 1 },
  async () => {
    const firestore = db()
    await refreshReports(firestore, await loadClubConfig(firestore))
  },
)
