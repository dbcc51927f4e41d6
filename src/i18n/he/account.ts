import type { AccountMessages } from '../en/account'

// Signing in and up, joining the club, and form validation.
const account: AccountMessages = {
  auth: {
    signInTitle: 'כניסה למועדון',
    signUpTitle: 'יצירת חשבון',
    email: 'אימייל',
    password: 'סיסמה',
    passwordHint: 'לפחות 6 תווים',
    signIn: 'כניסה',
    signUp: 'יצירת חשבון',
    noAccount: 'אין לך חשבון?',
    toSignUp: 'יצירת חשבון',
    haveAccount: 'כבר יש לך חשבון?',
    toSignIn: 'כניסה',
    failure: {
      'invalid-credentials': 'האימייל או הסיסמה לא נכונים. כדאי לבדוק אותם ולנסות שוב.',
      'email-in-use': 'כבר יש חשבון עם האימייל הזה. אפשר להיכנס אליו במקום ליצור חדש.',
      'weak-password': 'יש לבחור סיסמה של 6 תווים לפחות.',
      'invalid-email': 'יש להזין כתובת אימייל תקינה.',
      'too-many-requests': 'היו יותר מדי ניסיונות. אפשר לנסות שוב בעוד דקה.',
      network: 'אין חיבור לאינטרנט. כדאי לבדוק את הרשת ולנסות שוב.',
      unknown: 'משהו השתבש. אפשר לנסות שוב.',
    },
  },
  join: {
    title: 'הצטרפות ל{club}',
    intro: 'עוד כמה פרטים וכרטיס המועדון שלך מוכן.',
    gift: 'מצטרפים עכשיו ומקבלים {amount} במתנה.',
    name: 'שם מלא',
    birthday: 'תאריך לידה (לא חובה)',
    birthdayHint: 'בחודש יום ההולדת מחכה לך מתנה.',
    interests: 'מה מעניין אותך?',
    interestsHint: 'אפשר לבחור תחום אחד, ונשלח רק הצעות שמתאימות לך. | אפשר לבחור עד שני תחומים, ונשלח רק הצעות שמתאימות לך. | אפשר לבחור עד {max} תחומים, ונשלח רק הצעות שמתאימות לך.',
    language: 'שפת האפליקציה וההודעות',
    marketing: 'אשמח לקבל מבצעים וחדשות מהמועדון',
    submit: 'הצטרפות למועדון',
    submitting: 'מצטרפים…',
  },
  validation: {
    required: 'יש למלא את השדה הזה.',
    name: {
      'too-short': 'יש להזין שם של שני תווים לפחות.',
      'too-long': 'השם ארוך מדי. אפשר עד 60 תווים.',
      'forbidden-characters': 'בשם יש תווים נסתרים או תווי בקרה. כדאי להקליד אותו מחדש במקום להדביק.',
      'only-symbols': 'יש לכלול בשם לפחות אות אחת.',
    },
    email: 'יש להזין כתובת אימייל תקינה.',
    passwordLength: 'יש לבחור סיסמה של 6 תווים לפחות.',
    birthday: 'יש להזין תאריך אמיתי שכבר עבר.',
    interestsMax: 'אפשר לבחור תחום עניין אחד. | אפשר לבחור עד שני תחומי עניין. | אפשר לבחור עד {max} תחומי עניין.',
  },
}

export default account
