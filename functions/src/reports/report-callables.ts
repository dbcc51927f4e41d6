import { CALLABLES } from '../../../src/domain/contracts/callables'
import { RefreshReportsInputSchema } from '../../../src/domain/reports/reports'
import { GetSettlementInputSchema } from '../../../src/domain/reports/settlement'
import { auditActor, recordAudit } from '../admin/audit'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { callable } from '../lib/callable'
import { requireAdmin } from '../lib/roles'
import { refreshReports as refresh } from './refresh'
import { settlementFor } from './settlement'

/** `refreshReports` (operators): fold what the ledger gained since the last refresh, or everything again with `full`. */
export const refreshReports = callable(
  CALLABLES.refreshReports,
  { input: RefreshReportsInputSchema, authorize: requireAdmin, options: { timeoutSeconds: 540 } },
  async (input, admin) => {
    const firestore = db()
    const result = await refresh(firestore, await loadClubConfig(firestore), { full: input.full })
    if (input.full && result.status === 'refreshed') {
      // A full recomputation rewrites every figure: on the record who asked for it.
      const batch = firestore.batch()
      recordAudit(batch, firestore, { actor: auditActor(admin), action: 'refreshReports', memberUid: null, partnerId: null, target: null, details: { full: true, folded: result.folded } })
      await batch.commit()
    }
    return result
  },
)

/**
 * `getSettlement` (operators): the month's statement per partner. The ledger is folded first, so
 * the statement includes everything committed before the call (unless another refresh is running,
 * when it says up to when it counts: `asOf`).
 */
export const getSettlement = callable(CALLABLES.getSettlement, { input: GetSettlementInputSchema, authorize: requireAdmin }, async (input, admin) => {
  const firestore = db()
  const config = await loadClubConfig(firestore)
  await refresh(firestore, config)
  const statement = await settlementFor(firestore, config, input.month)
  const batch = firestore.batch()
  recordAudit(batch, firestore, {
    actor: auditActor(admin),
    action: 'getSettlement',
    memberUid: null,
    partnerId: null,
    target: input.month,
    details: { balanceAgorot: statement.totals.balanceAgorot },
  })
  await batch.commit()
  return statement
})
