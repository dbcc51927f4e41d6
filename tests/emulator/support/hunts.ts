// Treasure-hunt fixtures for the emulator tests: hunts written as the seed writes them.
import type { ClaimClueInput, ClaimClueResult, Hunt, HuntClue } from '../../../src/domain/earn/hunts'
import { writeHunt } from '../../../functions/src/hunts/hunt-store'
import { admin } from './emulators'
import { requestId, type Client } from './club'

export const ANSWERS = ['Café Shachar', 'שָׁלוֹם', 'Mafteach-42'] as const

let hunts = 0

/** A hunt of three printed clues across three partners, open now unless told otherwise. */
export async function testHunt(window: { startsAt?: number; endsAt?: number } = {}): Promise<Hunt> {
  const clue = (n: number, partnerId: string): HuntClue => ({
    text: { he: `רמז ${n}`, en: `Clue ${n}` },
    place: 'partner',
    partnerId,
    answer: 'printed',
  })
  const hunt: Hunt = {
    id: `hunt-${Date.now().toString(36)}-${++hunts}`,
    title: { he: 'ציד בדיקה', en: 'Test hunt' },
    intro: { he: 'מבוא', en: 'Intro' },
    startsAt: window.startsAt ?? Date.now() - 60_000,
    endsAt: window.endsAt ?? Date.now() + 24 * 3600_000,
    pointsPerClue: 20,
    finishBonus: 50,
    clues: [clue(1, 'cafe-shachar'), clue(2, 'super-hashchuna'), clue(3, 'carmel-books')],
  }
  await writeHunt(admin().db, hunt, { 0: ANSWERS[0], 1: ANSWERS[1], 2: ANSWERS[2] })
  return hunt
}

export function claim(member: Client, input: Partial<ClaimClueInput> & Pick<ClaimClueInput, 'huntId' | 'clueIndex' | 'answer'>) {
  return member.call<ClaimClueInput, ClaimClueResult>('claimClue', { requestId: requestId(), ...input })
}

/** Solves the hunt's clues before `upTo`, in order, with the right answers. */
export async function solveUpTo(member: Client, hunt: Hunt, upTo: number): Promise<ClaimClueResult[]> {
  const results: ClaimClueResult[] = []
  for (let i = 0; i < upTo; i++) results.push(await claim(member, { huntId: hunt.id, clueIndex: i, answer: ANSWERS[i]! }))
  return results
}
