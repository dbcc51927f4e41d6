import { onSchedule } from 'firebase-functions/v2/scheduler'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { DEFAULT_TIME_ZONE } from '../../../src/domain/shared/platform'
import { runSegmentScoring } from './score-run'

/**
 * Every night at 03:30 Israel time, after the maintenance run: segment scoring and offer groups.
 * Run twice more in the hour, so a run stopped by its time budget is finished from its cursor.
 */
export const dailySegments = onSchedule(
  { schedule: '30,45,59 3 * * *', timeZone: DEFAULT_TIME_ZONE, timeoutSeconds: 540, retryCount: 1 },
  async () => {
    const firestore = db()
    await runSegmentScoring(firestore, await loadClubConfig(firestore), new Date())
  },
)
