import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { RunMaintenanceInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requireAdmin } from '../lib/roles'
import { runMaintenance } from './run'

/** `runMaintenance`: an operator runs the nightly job now, optionally as of another moment. */
export const runMaintenanceNow = callable(CALLABLES.runMaintenance, { input: RunMaintenanceInputSchema, authorize: requireAdmin, options: { timeoutSeconds: 540 } }, async (input) => {
  const firestore = db()
  const now = input.asOf ? new Date(input.asOf) : new Date()
  return runMaintenance(firestore, await loadClubConfig(firestore), now)
})
