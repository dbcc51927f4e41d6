import type { Firestore } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import type { ClubConfig } from '../../../src/domain/shared/club-config'
import { checkCaps, type RuleUsage } from '../../../src/domain/points/earning'
import { LEDGER_IDS, paths } from '../../../src/domain/shared/paths'
import { planCredit } from '../ledger/award'
import { runLedgerOperation } from '../ledger/transaction'

const CAP_MESSAGES = {
  once: 'This reward can be earned only once.',
  'per-day': 'Already earned today for this; try again tomorrow.',
  'per-month': 'The monthly limit for this is reached.',
} as const

/**
 * Pays an earning rule (review, survey, profile …) for one action, within the rule's caps. The
 * action id makes retries harmless; the usage counter and the points commit together.
 */
export async function awardActivity(
  db: Firestore,
  params: { uid: string; ruleId: string; actionId: string; config: ClubConfig; at?: Date },
): Promise<{ points: number; balance: number; replayed: boolean }> {
  const rule = params.config.earning.activities.find((r) => r.id === params.ruleId)
  if (!rule) throw new HttpsError('not-found', 'No such way to earn.', { reason: 'unknown-rule' })
  const key = LEDGER_IDS.activity(rule.id, params.actionId)
  const usageRef = db.doc(paths.usage(params.uid, rule.id))
  return runLedgerOperation<{ points: number; balance: number; replayed: boolean }>(db, {
    uid: params.uid,
    key,
    config: params.config,
    at: params.at,
    forHousehold: true,
    plan: async (ctx) => {
      const usage = await ctx.tx.get(usageRef)
      const caps = checkCaps(rule, usage.exists ? (usage.data() as RuleUsage) : null, ctx.today)
      if (!caps.ok) throw new HttpsError('resource-exhausted', CAP_MESSAGES[caps.reason], { reason: `cap-${caps.reason}` })
      const planned = planCredit(ctx, {
        key,
        points: rule.points,
        source: 'activity',
        reason: 'activity',
        ref: rule.id,
        by: 'system',
        details: { ruleId: rule.id, actionId: params.actionId },
      })
      return {
        ...planned,
        writes: (tx) => tx.set(usageRef, caps.next),
        // A copy the member may read (the Earn hub's status), beside the server-only counter.
        memberFields: { [`earnUsage.${rule.id}`]: caps.next },
        result: { points: rule.points, balance: planned.state.balance, replayed: false },
      }
    },
    replay: (entry, ctx) => ({ points: Number(entry.get('points')), balance: ctx.state.balance, replayed: true }),
  })
}
