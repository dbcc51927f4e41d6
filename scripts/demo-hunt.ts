import type { Hunt } from '../src/domain/earn/hunts'

const DAY = 24 * 60 * 60 * 1000

/**
 * The demo club's treasure hunt: three clues at three partner stores. The café's code changes
 * every day on its counter screen; the other two are printed at the store. `npm start` prints
 * the printed answers and where to see the café's code; the hunt is open for 60 days from
 * seeding (`npm run reset` opens it again).
 */
export const DEMO_HUNT_ID = 'neighbourhood-hunt'

/** The printed answers by clue index (the first clue's code is on the café's counter screen). */
export const DEMO_HUNT_ANSWERS: Record<number, string> = {
  // Printed with niqqud at the bookstore; typed plainly or with a final mem, it is the same answer.
  1: 'שָׁלוֹם',
  2: 'GREEN-42',
}

export function demoHunt(now = new Date()): Hunt {
  return {
    id: DEMO_HUNT_ID,
    title: { he: 'חיפוש אוצר בשכונה', en: 'Neighbourhood treasure hunt' },
    intro: {
      he: 'שלושה רמזים בשלוש חנויות שותפות. פותרים אותם לפי הסדר ואוספים נקודות בדרך.',
      en: 'Three clues at three partner stores. Solve them in order and collect points on the way.',
    },
    startsAt: now.getTime() - DAY,
    endsAt: now.getTime() + 60 * DAY,
    pointsPerClue: 25,
    finishBonus: 75,
    clues: [
      {
        text: {
          he: 'המסך שליד הקופה בבית הקפה מציג היום קוד לחיפוש האוצר. מהו?',
          en: 'The screen by the café’s till shows a treasure-hunt code today. What is it?',
        },
        place: 'partner',
        partnerId: 'cafe-shachar',
        answer: 'daily',
      },
      {
        text: {
          he: 'על המדף של ספרי הילדים בחנות הספרים מחכה מילה אחת בעברית. מהי?',
          en: 'One Hebrew word waits on the children’s shelf at the bookstore. What is it?',
        },
        place: 'partner',
        partnerId: 'carmel-books',
        answer: 'printed',
      },
      {
        text: {
          he: 'בסופר, ליד דוכן הירקות, יש מדבקה ירוקה עם קוד. מה הקוד?',
          en: 'At the supermarket, by the vegetable stand, a green sticker carries a code. What is it?',
        },
        place: 'partner',
        partnerId: 'super-hashchuna',
        answer: 'printed',
      },
    ],
  }
}
