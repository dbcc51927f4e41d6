/**
 * Words that hold a review, post or comment for a person to read (never refuse it: a harsh text may still be
 * fair, and a list this small both misses and over-catches). Matched on `foldForMatch` text, so
 * write entries folded: lowercase, no niqqud, Hebrew final letters as their base letters
 * (`זונה`, `מניאק`, `כוסאמכ` — the last for כוסאמק, folded). Multi-word entries match whole words
 * in a row.
 */
export const DENY_WORDS: readonly string[] = [
  // English
  'fuck',
  'fucking',
  'fucker',
  'shit',
  'bullshit',
  'bitch',
  'asshole',
  'bastard',
  'cunt',
  'dickhead',
  'motherfucker',
  'retard',
  'whore',
  'slut',
  // Hebrew
  'זונה',
  'בנ זונה',
  'שרמוטה',
  'מניאק',
  'מניאקית',
  'חרא',
  'זינ',
  'כוסאמכ',
  'כוס אמכ',
  'מטומטמ',
  'מטומטמת',
  'אידיוט',
  'אידיוטית',
  'דביל',
  'דבילית',
  'מפגר',
  'מפגרת',
  'חארות',
]
