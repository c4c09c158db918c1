// Contact data in a comment is masked before anyone but its writer reads it (trust rule 9): a comment
// that reaches the worker or staff must not carry a way to reach the person who wrote it.
//   mobile numbers   13912345678        → 139****5678 (the first 3 and the last 4 digits kept)
//   ID-card numbers  110105199001011234 → 110105********1234 (region and last 4 kept: the birth date goes)
//   WeChat ids       微信：abc_123       → 微信：a****** (the first character kept, always 6 stars)
// Digits count when full-width (１３９) and when split by spaces, dashes or dots (139 1234 5678,
// 1 3 9 1 2 3 4 5 6 7 8, 139-1234-5678). A number is matched only as whole digit groups, and an ID only
// with a real birth date in it, so dates (2026-12-06), 3号楼2单元 and scores stay as they are.
// Pure; src/core has no IO. Masking twice changes nothing more.

const FULL_WIDTH_ZERO = 0xff10

/** The ASCII digit of a half- or full-width digit; null for anything else. */
function digitOf(char: string): string | null {
  if (char >= '0' && char <= '9') return char
  const code = char.charCodeAt(0)
  return code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9 ? String(code - FULL_WIDTH_ZERO) : null
}

const isCheckX = (char: string | undefined) => char === 'X' || char === 'x' || char === 'Ｘ' || char === 'ｘ'
/** What may stand between the digit groups of one number: spaces, dashes, dots. */
const SEPARATORS = new Set([' ', '\u3000', '\u00A0', '\t', '-', '－', '‐', '‑', '–', '—', '.', '·', '．'])
/** At most this many separator characters between two groups of one number ("139 - 1234"). */
const SEPARATOR_RUN_MAX = 3

interface DigitGroup {
  start: number
  /** Index after the group's last character (its check X included). */
  end: number
  digits: string
  /** The group ends in an ID card's check character X. */
  checkX: boolean
}

/** Digit groups chained by separators; each chain is a candidate number written with gaps. */
function chainsOf(chars: string[]): DigitGroup[][] {
  const chains: DigitGroup[][] = []
  let chain: DigitGroup[] = []
  let i = 0
  while (i < chars.length) {
    if (digitOf(chars[i]) === null) {
      i += 1
      continue
    }
    const start = i
    let digits = ''
    while (i < chars.length && digitOf(chars[i]) !== null) digits += digitOf(chars[i++])
    const checkX = isCheckX(chars[i]) && !/[A-Za-z]/.test(chars[i + 1] ?? '')
    if (checkX) i += 1
    const previous = chain[chain.length - 1]
    const gap = previous === undefined ? null : chars.slice(previous.end, start)
    const linked = previous !== undefined && !previous.checkX && gap !== null && gap.length <= SEPARATOR_RUN_MAX && gap.every((c) => SEPARATORS.has(c))
    if (!linked && chain.length > 0) {
      chains.push(chain)
      chain = []
    }
    chain.push({ start, end: i, digits, checkX })
  }
  if (chain.length > 0) chains.push(chain)
  return chains
}

const MOBILE = /^1[3-9]\d{9}$/
const COUNTRY_PREFIX = /^(?:0086|86)(?=1[3-9]\d{9}$)/

/** A plausible birth date YYYYMMDD (1900-2099) inside an 18-character ID number. */
function hasBirthDate(id: string): boolean {
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31
}

/** Province codes an ID number starts with (GB/T 2260): 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82. */
const PROVINCE = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])/
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** The ISO 7064 MOD 11-2 check character of GB 11643 holds. */
function checksumHolds(id: string): boolean {
  const sum = CHECK_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0)
  return '10X98765432'[sum % 11] === id[17]
}

/**
 * An ID number: written as one group, a real birth date is enough (a long number that is no date); split
 * into groups, also a province and a valid check character, since dates and counts chained by spaces
 * ("2000-01-01 1000 2000-01-01") could otherwise line up as one.
 */
function isIdNumber(id: string, groups: number): boolean {
  if (!/^\d{17}[\dX]$/.test(id) || !hasBirthDate(id)) return false
  return groups === 1 || (PROVINCE.test(id) && checksumHolds(id))
}

/**
 * A mobile written in groups: one digit at a time (1 3 9 …), or groups of 3 or more (139 1234 5678,
 * 1391 234 5678), behind an optional +86. Groups of 1-2 digits mixed with others are dates, times and
 * counts ("2000-01-13 0 2000-01-01" is no 130 2000 0101).
 */
function isMobileLayout(lengths: number[], prefix: string): boolean {
  const rest = prefix !== '' && lengths[0] === prefix.length ? lengths.slice(1) : lengths
  return rest.every((n) => n === 1) || rest.every((n) => n >= 3)
}

/** The masked form of the digits of whole groups (their lengths given), or null when not a mobile or an ID number. */
function maskedNumber(digits: string, endsInX: boolean, lengths: number[]): string | null {
  const id = endsInX ? `${digits}X` : digits
  if (id.length === 18) return isIdNumber(id, lengths.length) ? `${id.slice(0, 6)}********${id.slice(14)}` : null
  if (endsInX) return null
  const prefix = COUNTRY_PREFIX.exec(digits)?.[0] ?? ''
  const mobile = digits.slice(prefix.length)
  return MOBILE.test(mobile) && isMobileLayout(lengths, prefix) ? `${prefix}${mobile.slice(0, 3)}****${mobile.slice(7)}` : null
}

/** The longest number any rule knows (0086 + a mobile: 15 digits; an ID: 18). */
const NUMBER_MAX = 18

function maskNumbers(text: string): string {
  const chars = [...text]
  const replacements: { start: number; end: number; text: string }[] = []
  for (const chain of chainsOf(chars)) {
    let i = 0
    while (i < chain.length) {
      let found: { j: number; text: string } | null = null
      let digits = ''
      for (let j = i; j < chain.length && digits.length + chain[j].digits.length <= NUMBER_MAX; j += 1) {
        digits += chain[j].digits
        const masked = maskedNumber(digits, chain[j].checkX, chain.slice(i, j + 1).map((group) => group.digits.length))
        if (masked !== null) found = { j, text: masked }
        if (chain[j].checkX) break
      }
      if (found === null) {
        i += 1
        continue
      }
      replacements.push({ start: chain[i].start, end: chain[found.j].end, text: found.text })
      i = found.j + 1
    }
  }
  let out = ''
  let at = 0
  for (const r of replacements) {
    out += chars.slice(at, r.start).join('') + r.text
    at = r.end
  }
  return out + chars.slice(at).join('')
}

/**
 * A WeChat id after the words people use for WeChat (微信, 微信号, V信, vx, wx, weixin, wechat …), an
 * optional colon or 是/号, then the id: a letter then 4-19 letters, digits, - or _ (WeChat's own rule
 * is 6-20; shorter ones are masked too). Not after a Latin letter, so "wx" inside a word is no keyword.
 */
const WECHAT = /(^|[^A-Za-z])(微信号?|威信|薇信|[VvWw]信|vx|wx|weixin|wechat)(\s*(?:[:：]|是|号|为)?\s*)([A-Za-z][-_A-Za-z0-9]{4,19})/gi

function maskWeChatIds(text: string): string {
  return text.replace(WECHAT, (_all, before: string, word: string, gap: string, id: string) => `${before}${word}${gap}${id[0]}******`)
}

/** The comment as anyone but its writer may read it: mobile, ID-card and WeChat ids masked. */
export function maskContacts(text: string): string {
  return maskWeChatIds(maskNumbers(text))
}
