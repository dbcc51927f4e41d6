/**
 * Member numbers are 8 digits: 7 random digits (first one never 0) and a Luhn check digit,
 * so a mistyped number at the till is caught before any lookup. Shown as "1234 5678".
 */
export const MEMBER_NUMBER_LENGTH = 8

export function luhnCheckDigit(digits: string): number {
  let sum = 0
  // Walk from the right; the check digit will sit to the right, so the first digit here is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i])
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

/** `random` returns a float in [0, 1); the server passes a crypto-backed source. */
export function generateMemberNumber(random: () => number): string {
  let body = String(1 + Math.floor(random() * 9))
  while (body.length < MEMBER_NUMBER_LENGTH - 1) body += String(Math.floor(random() * 10))
  return body + String(luhnCheckDigit(body))
}

/** Strips spaces and dashes a person may type; returns null unless it is a valid number. */
export function parseMemberNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '')
  if (!/^[1-9]\d{7}$/.test(digits)) return null
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1)) ? digits : null
}

export function formatMemberNumber(memberNo: string): string {
  return `${memberNo.slice(0, 4)} ${memberNo.slice(4)}`
}
