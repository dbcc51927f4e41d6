import type { PartnersMessages } from '../en/partners'

// Partner stores, visits (check-in) and the printable poster.
const partners: PartnersMessages = {
  checkIn: {
    title: 'ביקור בחנות',
    intro: 'סורקים את קוד המועדון בחנות, במסך שליד הקופה או בשלט, וצוברים נקודות על הביקור.',
    locationPrompt: 'ביקור משלט מחייב שיתוף מיקום, כדי לוודא שהגעת לחנות. המיקום נבדק פעם אחת ולא נשמר.',
    confirm: 'רישום הביקור',
    confirmWithLocation: 'שיתוף מיקום ורישום הביקור',
    done: 'הביקור ב{partner} נרשם: \u2066+{points}\u2069 נקודה. | הביקור ב{partner} נרשם: \u2066+{points}\u2069 נקודות. | הביקור ב{partner} נרשם: \u2066+{points}\u2069 נקודות.',
    already: 'הביקור ב{partner} כבר נרשם היום. נתראה מחר!',
    streak: 'בונוס ביקורים: ביקרת החודש בחנות אחת מתוך {goal}. | בונוס ביקורים: ביקרת החודש בשתי חנויות מתוך {goal}. | בונוס ביקורים: ביקרת החודש ב־{visits} מתוך {goal} חנויות.',
    streakDone: 'בונוס ביקורים: {points} נקודה על ביקור ב־{goal} חנויות שונות החודש! | בונוס ביקורים: {points} נקודות על ביקור ב־{goal} חנויות שונות החודש! | בונוס ביקורים: {points} נקודות על ביקור ב־{goal} חנויות שונות החודש!',
  },
  poster: {
    title: 'סורקים וצוברים נקודות',
    qrLabel: 'קוד QR לרישום ביקור',
    howTo: 'פותחים את מצלמת הטלפון או את אפליקציית המועדון, סורקים את הקוד וצוברים נקודות על הביקור.',
    print: 'הדפסה',
    invalid: 'הקישור מהשלט לא תקין. כדאי לסרוק שוב את השלט שליד הקופה.',
    location: 'רישום ביקור מהשלט מבקש את המיקום שלך.',
  },
  partners: {
    title: 'חנויות שותפות',
    category: 'קטגוריה',
    all: 'הכול',
    categories: {
      cafe: 'בית קפה',
      supermarket: 'סופרמרקט',
      'gas-station': 'תחנת דלק',
      'toy-store': 'חנות צעצועים',
      bookstore: 'חנות ספרים',
      pharmacy: 'בית מרקחת',
    },
    nearest: 'הקרובות קודם',
    noLocation: 'בלי המיקום שלך החנויות ממוינות לפי שם.',
    meters: 'במרחק {distance}',
    km: 'במרחק {distance}',
    address: 'כתובת',
    hours: 'שעות פתיחה',
    earn: 'צבירה',
    rate: 'נקודה על כל שקל (לפני תוספת הדרגה) | שתי נקודות על כל שקל (לפני תוספת הדרגה) | {points} נקודות על כל שקל (לפני תוספת הדרגה)',
    checkInReward: 'נקודות על ביקור',
    checkInPoints: 'נקודה אחת, פעם ביום | שתי נקודות, פעם ביום | {points} נקודות, פעם ביום',
    benefits: 'לחברי המועדון',
    back: 'כל החנויות',
  },
}

export default partners
