// The call-back phone a rater may leave after a bad rating: a mainland mobile number, 11 digits
// starting with 1. The form says why it cannot be sent yet, and the confirmation repeats the number
// in the 3-4-4 groups people read a number back in.

/** The one spelling of a mobile number the server accepts (case.contact). */
export const MOBILE_PATTERN = /^1\d{10}$/

const MOBILE_DIGITS = 11

/**
 * Why the typed number cannot be left yet, in words for the person typing it; null when it can.
 * 10 digits: “手机号是 11 位数字，还差 1 位”.
 */
export function mobileProblem(typed: string): string | null {
  const text = typed.trim()
  if (text === '') return '填好 11 位手机号后，才能留下电话'
  if (!/^\d+$/.test(text)) return '手机号只能填数字'
  if (!text.startsWith('1')) return '手机号以 1 开头，请检查第一位'
  if (text.length < MOBILE_DIGITS) return `手机号是 11 位数字，还差 ${MOBILE_DIGITS - text.length} 位`
  if (text.length > MOBILE_DIGITS) return `手机号是 11 位数字，多了 ${text.length - MOBILE_DIGITS} 位`
  return null
}

/** 13800138000 → 138 0013 8000 */
export function spacedMobile(phone: string): string {
  return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`
}
