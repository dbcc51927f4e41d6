/**
 * Referral codes use an alphabet without look-alikes (no 0/O, 1/I/L) so a code read aloud or
 * copied from a screenshot survives. 7 characters of 31 symbols ≈ 2.7e10 codes.
 */
export const REFERRAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const REFERRAL_CODE_LENGTH = 7

export function generateReferralCode(random: () => number): string {
  let code = ''
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) {
    code += REFERRAL_ALPHABET[Math.floor(random() * REFERRAL_ALPHABET.length)]
  }
  return code
}

/** Accepts any case and surrounding spaces; null when the input cannot be one of our codes. */
export function parseReferralCode(input: string): string | null {
  const code = input.trim().toUpperCase()
  if (code.length !== REFERRAL_CODE_LENGTH) return null
  for (const ch of code) if (!REFERRAL_ALPHABET.includes(ch)) return null
  return code
}
