import { Timestamp, type Firestore, type Transaction } from 'firebase-admin/firestore'
import { HttpsError } from 'firebase-functions/v2/https'
import { CompetitionSchema, competitionPhase, type Competition } from '../../../src/domain/community/competitions'
import { paths } from '../../../src/domain/shared/paths'

/** The competition, validated, and whether the club has closed it. */
export async function loadCompetition(db: Firestore, competitionId: string, tx?: Transaction): Promise<{ competition: Competition; closed: boolean }> {
  const ref = db.doc(paths.competition(competitionId))
  const snap = tx ? await tx.get(ref) : await ref.get()
  const parsed = CompetitionSchema.safeParse({ ...snap.data(), id: competitionId })
  if (!snap.exists || !parsed.success) throw new HttpsError('not-found', 'No such competition.', { reason: 'unknown-competition' })
  return { competition: parsed.data, closed: snap.get('closed') === true }
}

export function wrongPhase(phase: string, wanted: string): HttpsError {
  return new HttpsError('failed-precondition', `The competition is not in its ${wanted} window (${phase}).`, { reason: `competition-${phase}` })
}

/**
 * Reads, in the entry post's transaction, that the member may enter: the submission window is
 * open and they have not entered yet (`entrants/{uid}`, created with the post).
 */
export async function claimEntry(db: Firestore, tx: Transaction, competitionId: string, uid: string, now: Date): Promise<(postId: string) => void> {
  const { competition, closed } = await loadCompetition(db, competitionId, tx)
  const phase = competitionPhase(competition, now.getTime(), closed)
  if (phase !== 'submissions') throw wrongPhase(phase, 'submission')
  const entrant = db.doc(paths.competitionEntrant(competitionId, uid))
  if ((await tx.get(entrant)).exists) {
    throw new HttpsError('failed-precondition', 'You already entered this competition.', { reason: 'competition-already-entered' })
  }
  return (postId) => tx.create(entrant, { postId, at: Timestamp.fromDate(now) })
}

