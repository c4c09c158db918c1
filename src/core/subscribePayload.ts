// The `data` of the rectification's subscribe message, built from the deployment's keyword mapping
// (subscribeKeywords.ts) and checked against each keyword type's limits before WeChat sees it, and the
// words a clerk reads on the case when it could not be sent. Limits from WeChat's sendMessage page
// (订阅消息参数值内容限制说明): thing <= 20 characters; phrase <= 5 Chinese characters; name <= 10
// Chinese characters or <= 20 letters; time and date as 2019年10月1日 15:01; no control characters.
import type { KeywordMapping, KeywordType, SubscribeField } from './subscribeKeywords'
import { SUBSCRIBE_FIELD_LABELS } from './subscribeKeywords'

/** What the rater is told: whose service, what was rectified, when (an ISO instant). */
export interface RectifiedNotice {
  workerName: string
  note: string
  at: string
}

export type SubscribeData = Record<string, { value: string }>

export type BuiltMessage = { ok: true; data: SubscribeData } | { ok: false; failure: string }

export const THING_MAX = 20
export const PHRASE_MAX = 5
export const NAME_CHINESE_MAX = 10
export const NAME_LETTERS_MAX = 20

const NOTICE_FAILED = '通知居民失败：'
/** The rater's home page shows the rectification whether or not the message arrives (case.mine). */
const RATER_SEES_IT = '居民打开小程序首页仍能看到整改情况'

const CONTROL = /[\u0000-\u001F\u007F]+/g
const HAN = /\p{Script=Han}/u
const chars = (text: string) => [...text]

/** `YYYY年M月D日 HH:mm` in China time (UTC+8, no daylight saving), as WeChat's time keyword shows it. */
export function chinaDateTimeWords(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`
}

/** Each field's words for a keyword of `type`: the time is a date alone for `date`. */
function valueOf(field: SubscribeField, type: KeywordType, notice: RectifiedNotice): string {
  switch (field) {
    case 'service':
      return `${notice.workerName}的服务`
    case 'worker':
      return notice.workerName
    case 'note':
      return notice.note
    case 'status':
      return '已整改'
    case 'time':
      return type === 'date' ? chinaDateTimeWords(notice.at).split(' ')[0] ?? '' : chinaDateTimeWords(notice.at)
  }
}

/**
 * `value` made to fit a keyword of `type`, or why it cannot: a thing longer than 20 is cut with … (the
 * whole note stays in the mini-program, the message opens it); a phrase or a name is never cut, as a cut
 * one says something else.
 */
export function fitKeyword(type: KeywordType, value: string): { ok: true; value: string } | { ok: false; limit: string } {
  const text = value.replace(CONTROL, ' ').trim()
  if (text === '') return { ok: false, limit: '不能为空' }
  switch (type) {
    case 'thing':
      return { ok: true, value: chars(text).length <= THING_MAX ? text : `${chars(text).slice(0, THING_MAX - 1).join('')}…` }
    case 'phrase':
      return /^\p{Script=Han}+$/u.test(text) && chars(text).length <= PHRASE_MAX ? { ok: true, value: text } : { ok: false, limit: `只能是 ${PHRASE_MAX} 个以内的汉字` }
    case 'name':
      return nameFits(text) ? { ok: true, value: text } : { ok: false, limit: `只能是 ${NAME_CHINESE_MAX} 个以内的汉字或 ${NAME_LETTERS_MAX} 个以内的字母，不能有数字` }
    case 'time':
      return /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(text) ? { ok: true, value: text } : { ok: false, limit: '应为 2026年10月1日 15:01 这样的时间' }
    case 'date':
      return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(text) ? { ok: true, value: text } : { ok: false, limit: '应为 2026年10月1日 这样的日期' }
    default:
      return { ok: false, limit: `不能填 ${type} 类关键词` }
  }
}

/** A name with Chinese counts as a Chinese name (<= 10, letters mixed in allowed); else <= 20 letters; no digits. */
function nameFits(text: string): boolean {
  if (!/^[\p{Script=Han}A-Za-z·. '-]+$/u.test(text)) return false
  return chars(text).length <= (HAN.test(text) ? NAME_CHINESE_MAX : NAME_LETTERS_MAX)
}

/** The message's `data` for `notice` under `mapping`, or the clerk's words for why it was not sent. */
export function subscribeMessageData(mapping: KeywordMapping, notice: RectifiedNotice): BuiltMessage {
  const data: SubscribeData = {}
  for (const { field, keyword, type } of mapping) {
    const fitted = fitKeyword(type, valueOf(field, type, notice))
    if (!fitted.ok) return { ok: false, failure: `${NOTICE_FAILED}${SUBSCRIBE_FIELD_LABELS[field]}填不进模板的 ${keyword}（${fitted.limit}），请联系管理员核对订阅消息设置` }
    data[keyword] = { value: fitted.value }
  }
  return { ok: true, data }
}

/** WeChat's errcodes of subscribeMessage.send (its sendMessage page), as a clerk reads them on the case, and what to do. */
const SEND_ERRORS: Record<number, { what: string; next: string }> = {
  40003: { what: '居民的微信身份无效', next: RATER_SEES_IT },
  40037: { what: '订阅消息模板编号不对', next: '请联系管理员核对 SUBSCRIBE_TEMPLATE_ID' },
  41030: { what: '消息要打开的页面在线上版本里没有', next: RATER_SEES_IT },
  43101: { what: '居民未同意接收通知或已关闭通知', next: RATER_SEES_IT },
  47003: { what: '模板参数不符', next: '请联系管理员核对 SUBSCRIBE_KEYWORDS' },
}

/** The case's words for a send WeChat refused (`errCode`), or one that failed without a code. */
export function sendFailureWords(errCode: number | undefined): string {
  if (errCode === undefined) return `${NOTICE_FAILED}发送时出错，${RATER_SEES_IT}`
  const known = SEND_ERRORS[errCode] ?? { what: '微信返回错误', next: RATER_SEES_IT }
  return `${NOTICE_FAILED}${known.what}（${errCode}），${known.next}`
}

/** The case's words when the deployment's mapping is wrong: nothing can be sent until it is fixed. */
export function settingFailureWords(): string {
  return `${NOTICE_FAILED}订阅消息的关键词设置有误，请联系管理员核对 SUBSCRIBE_KEYWORDS`
}
