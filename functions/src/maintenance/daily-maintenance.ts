import { onSchedule } from 'firebase-functions/v2/scheduler'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { runMaintenance } from './run'
import { DEFAULT_TIME_ZONE } from '../../../src/domain/shared/platform'

/** Every night at 02:30 Israel time: expiry, tier-year reviews, birthday gifts, expired coupons. */
export const dailyMaintenance = onSchedule(
  { schedule: '30 2 * * *', timeZone: DEFAULT_TIME_ZONE, timeoutSeconds: 540, retryCount: 1 },
  async () => {
    const firestore = db()
    await runMaintenance(firestore, await loadClubConfig(firestore), new Date())
  },
)
