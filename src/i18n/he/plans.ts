import type { PlansMessages } from '../en/plans'

// מסלולי החברות: המסלול של החבר, ההטבות והתוקף, והבחירה בין המסלולים.
const plans: PlansMessages = {
  plans: {
    title: 'מסלול החברות',
    intro: 'הנקודות, הדרגה וההיסטוריה נשארות שלך בכל מסלול.',
    current: 'המסלול שלך',
    noPlan: 'אין לך מסלול כרגע.',
    free: 'חינם',
    pricePerYear: '{price} לשנה',
    priceOnce: '{price}, ללא הגבלת זמן',
    until: 'בתוקף עד {date}',
    noEnd: 'ללא תאריך סיום',
    endsIn: 'מסתיים מחר | מסתיים בעוד יומיים | מסתיים בעוד {count} ימים',
    endsToday: 'מסתיים היום',
    benefits: 'הטבות',
    multiplier: 'פי {multiplier} נקודות על קניות',
    choose: 'המסלולים',
    yours: 'המסלול שלך',
    renew: 'חידוש לשנה',
    pick: 'בחירה במסלול הזה',
    switchLater: 'אפשר לעבור למסלול הזה אחרי שהמסלול הנוכחי יסתיים.',
    pay: 'תשלום {price}',
    testPayment: {
      title: 'תשלום לבדיקה',
      note: 'זה מועדון הדגמה: שום כרטיס לא מחויב בפועל.',
      card: 'כרטיס לבדיקה',
      ok: 'כרטיס שהתשלום בו עובר',
      declined: 'כרטיס שהתשלום בו נדחה',
    },
    unavailable: 'עדיין אי אפשר לרכוש מסלולים בתשלום במועדון הזה.',
    cancel: 'ביטול',
    done: 'המסלול שלך הוא {plan} עד {date}.',
    doneNoEnd: 'המסלול שלך הוא {plan}.',
    loadFailed: 'לא הצלחנו לטעון את המסלולים. כדאי לבדוק את החיבור ולנסות שוב.',
    link: 'מסלול החברות',
  },
}

export default plans
