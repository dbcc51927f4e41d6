import { REFERRAL_ALPHABET } from '../referrals/referral-code'

/** Coupon codes: 10 symbols without look-alikes (31^10 ≈ 8·10^14), shown as XXXXX-XXXXX. */
export const COUPON_CODE_LENGTH = 10

export function generateCouponCode(random: () => number): string {
  let code = ''
  for (let i = 0; i < COUPON_CODE_LENGTH; i++) code += REFERRAL_ALPHABET[Math.floor(random() * REFERRAL_ALPHABET.length)]
  return code
}

export function formatCouponCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

/** Accepts what staff type or scan: any case, with or without the dash. */
export function parseCouponCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, '')
  if (code.length !== COUPON_CODE_LENGTH) return null
  for (const ch of code) if (!REFERRAL_ALPHABET.includes(ch)) return null
  return code
}
