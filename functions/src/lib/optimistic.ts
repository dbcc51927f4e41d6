import type { DocumentReference, DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore'

/** gRPC codes of a lost race: the guard document changed since it was read, or it appeared. */
const ALREADY_EXISTS = 6
const FAILED_PRECONDITION = 9

/**
 * Optimistic concurrency on one guard document: read it, decide, then commit the writes together
 * with the guard's new fields only if the guard is unchanged since it was read (its
 * `lastUpdateTime`), or still absent. A request that lost the race reads again and is judged on
 * the winner's state, so parallel requests are decided one after another — without the lock waits
 * (and the emulator's slow lock timeouts) of a transaction that reads one hot document. Every write
 * the decision depends on must touch the guard, or the precondition guards nothing.
 *
 * The commit is a transaction that does not read the guard: the attempt may read (and so lock)
 * what only this request touches, such as the photos a post attaches, and write after its reads.
 */
export async function commitIfUnchanged<T>(
  db: Firestore,
  guardRef: DocumentReference,
  attempt: (guard: DocumentSnapshot, tx: Transaction) => Promise<{ result: T; guard: Record<string, unknown> | null }>,
  options: { attempts?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 8
  for (let i = 1; ; i++) {
    const guard = await guardRef.get()
    try {
      return await db.runTransaction(
        async (tx) => {
          const planned = await attempt(guard, tx)
          if (planned.guard) {
            if (guard.exists) tx.update(guardRef, planned.guard, { lastUpdateTime: guard.updateTime! })
            else tx.create(guardRef, planned.guard)
          }
          return planned.result
        },
        { maxAttempts: 3 },
      )
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if ((code !== ALREADY_EXISTS && code !== FAILED_PRECONDITION) || i >= attempts) throw error
      // A short random pause spreads a crowd of losers so the next round is not the same pile-up.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 5 * i)))
    }
  }
}
