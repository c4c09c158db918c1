// The local stand-in for security.msgSecCheck (trust rule 6): a short keyword list, enough to try
// and test the three outcomes locally, whatever the scene. It is not a moderation system; the cloud uses WeChat's.
import type { Moderation, ModerationVerdict } from '@backend/context'

/** Rejected outright, like msgSecCheck's `risky`. */
export const RISKY_WORDS = ['赌博', '毒品', '色情', '枪支']
/**
 * Held for staff, like msgSecCheck's `review`: abuse a person should look at before it is shown. Not 垃圾:
 * staff texts are checked too, and 垃圾分类 is a community's everyday duty.
 */
export const REVIEW_WORDS = ['骗子', '混蛋', '滚蛋']
/** A mainland mobile number in a comment: held, because comments must not carry personal data (trust rule 9). */
const PHONE_NUMBER = /1[3-9]\d{9}/

export function verdictOf(text: string): ModerationVerdict {
  if (RISKY_WORDS.some((word) => text.includes(word))) return 'risky'
  if (REVIEW_WORDS.some((word) => text.includes(word)) || PHONE_NUMBER.test(text)) return 'review'
  return 'pass'
}

export const keywordModeration: Moderation = {
  async check(text) {
    return verdictOf(text)
  },
}
