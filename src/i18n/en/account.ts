// Signing in and up, joining the club, and form validation.
const account = {
  auth: {
    signInTitle: 'Sign in to your club',
    signUpTitle: 'Create your account',
    email: 'Email',
    password: 'Password',
    passwordHint: 'At least 6 characters',
    signIn: 'Sign in',
    signUp: 'Create account',
    noAccount: 'Don’t have an account?',
    toSignUp: 'Create an account',
    haveAccount: 'Already have an account?',
    toSignIn: 'Sign in',
    failure: {
      'invalid-credentials': 'The email or password is incorrect. Check them and try again.',
      'email-in-use': 'There’s already an account with this email. Sign in to it instead of creating a new one.',
      'weak-password': 'Choose a password of at least 6 characters.',
      'invalid-email': 'Enter a valid email address.',
      'too-many-requests': 'There were too many attempts. Try again in a minute.',
      network: 'You’re offline. Check your network and try again.',
      unknown: 'Something went wrong. Please try again.',
    },
  },
  join: {
    title: 'Join {club}',
    intro: 'A few details and your club card is ready.',
    gift: 'Join now and get {amount} as a welcome gift.',
    name: 'Full name',
    birthday: 'Birthday (optional)',
    birthdayHint: 'A gift waits for you in your birthday month.',
    interests: 'What interests you?',
    interestsHint: 'Choose one, and we’ll only send offers that fit you. | Choose up to {max}, and we’ll only send offers that fit you.',
    language: 'Language for the app and messages',
    marketing: 'Send me club offers and news',
    submit: 'Join the club',
    submitting: 'Joining…',
  },
  validation: {
    required: 'This field is required.',
    name: {
      'too-short': 'Enter a name of at least 2 characters.',
      'too-long': 'That name’s too long. Use 60 characters at most.',
      'forbidden-characters': 'The name has hidden or control characters in it. Try typing it instead of pasting it.',
      'only-symbols': 'A name needs at least one letter.',
    },
    email: 'Enter a valid email address.',
    passwordLength: 'Choose a password of at least 6 characters.',
    birthday: 'Enter a real date in the past.',
    interestsMax: 'Choose one interest. | Choose at most {max} interests.',
  },
}

export default account
export type AccountMessages = typeof account
