import { onDocumentCreated } from 'firebase-functions/v2/firestore'
import { loadClubConfig } from '../club'
import { db } from '../lib/admin'
import { payReferral } from './pay-referral'

/**
 * When a referred friend's first qualifying entry (a purchase, a check-in …) is written, pay the
 * member who brought them. Runs for every new ledger entry and returns early for almost all.
 */
export const onLedgerEntry = onDocumentCreated('members/{uid}/ledger/{entryId}', async (event) => {
  const entry = event.data?.data()
  if (!entry || entry.type !== 'earn') return
  const firestore = db()
  const member = await firestore.doc(`members/${event.params.uid}`).get()
  if (!member.get('referredBy') || member.get('referralQualified') === true) return
  const config = await loadClubConfig(firestore)
  if (!config.referrals.qualifyingSources.includes(entry.source)) return
  const outcome = await payReferral(firestore, event.params.uid, config)
  if (outcome.paid || outcome.reason !== 'not-referred') {
    await member.ref.update({ referralQualified: true })
  }
})
