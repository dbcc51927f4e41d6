import { onCall } from 'firebase-functions/v2/https'
import { RunMaintenanceInputSchema } from '../../../src/domain/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { parseInput } from '../lib/errors'
import { requireAdmin } from '../lib/roles'
import { runMaintenance, type MaintenanceStats } from './run'

/** `runMaintenance`: an operator runs the nightly job now, optionally as of another moment. */
export const runMaintenanceNow = onCall({ timeoutSeconds: 540 }, async (request): Promise<MaintenanceStats> => {
  requireAdmin(request)
  const input = parseInput(RunMaintenanceInputSchema, request.data ?? {})
  const firestore = db()
  const now = input.asOf ? new Date(input.asOf) : new Date()
  return runMaintenance(firestore, await loadClubConfig(firestore), now)
})
