/**
 * Hebrew has a dual: "נקודה אחת", "שתי נקודות", "5 נקודות". Messages with plural forms list them
 * as one | two | other (Hebrew) or one | other (English); Intl.PluralRules picks the form.
 */
const hebrew = new Intl.PluralRules('he')

export function hebrewPlural(choice: number, choicesLength: number): number {
  const form = hebrew.select(choice)
  if (choicesLength >= 3) return form === 'one' ? 0 : form === 'two' ? 1 : 2
  return form === 'one' ? 0 : 1
}
