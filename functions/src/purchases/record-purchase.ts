import { onCall } from 'firebase-functions/v2/https'
import { RecordPurchaseInputSchema } from '../../../src/domain/callable-schemas'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { parseInput } from '../lib/errors'
import { cardScanPath, identifyMember, scanMoment } from '../cards/identify'
import { loadPartner } from '../lib/lookups'
import { requireStaff } from '../lib/roles'
import { settleReferralAfter } from '../referrals/settle'
import { recordPurchase as record, type PurchaseResult } from './record'

/**
 * `recordPurchase`: staff at any partner store (a coalition) record a member's purchase, from the
 * scanned card token or the typed member number; queued offline scans carry their scan time.
 */
export const recordPurchase = onCall(async (request): Promise<PurchaseResult> => {
  const staff = requireStaff(request)
  const input = parseInput(RecordPurchaseInputSchema, request.data)
  const firestore = db()
  const scannedAt = scanMoment(input.scannedAt)
  const [config, partner, member] = await Promise.all([
    loadClubConfig(firestore),
    loadPartner(firestore, staff.partnerId),
    identifyMember(firestore, input, scannedAt),
  ])
  const result = await record(firestore, {
    uid: member.uid,
    partner,
    amount: input.amount,
    receiptId: input.receiptId,
    by: staff.uid,
    config,
    cardScanPath: member.token ? cardScanPath(member.token) : undefined,
    scannedAt: input.scannedAt ? scannedAt : undefined,
  })
  await settleReferralAfter(firestore, member.uid, 'purchase', config)
  return result
})
