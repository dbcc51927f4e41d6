import { CALLABLES } from '../../../src/domain/contracts/callables'
import { callable } from '../lib/callable'
import { RunMaintenanceInputSchema } from '../../../src/domain/contracts/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { requireAdmin } from '../lib/roles'
import { runMaintenance } from './run'
import { auditActor, recordAudit } from '../admin/audit'

/** `runMaintenance`: an operator runs the nightly job now, optionally as of another moment. */
export const runMaintenanceNow = callable(CALLABLES.runMaintenance, { input: RunMaintenanceInputSchema, authorize: requireAdmin, options: { timeoutSeconds: 540 } }, async (input, admin) => {
  const firestore = db()
  const now = input.asOf ? new Date(input.asOf) : new Date()
  // Logged before the run: it changes many members in many transactions, each idempotent, and a run
  // cut short is still an operator's action on all of them.
  const batch = firestore.batch()
  recordAudit(batch, firestore, {
    actor: auditActor(admin),
    action: 'runMaintenance',
    memberUid: null,
    partnerId: null,
    target: null,
    details: { asOf: input.asOf ?? null },
  })
  await batch.commit()
  return runMaintenance(firestore, await loadClubConfig(firestore), now)
})
