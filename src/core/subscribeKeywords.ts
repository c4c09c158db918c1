// Which keyword of the deployment's subscribe-message template carries what (the bad-review loop tells a
// rater the cause was rectified). A template picked from WeChat's library keeps its own keyword names
// (thing1, phrase2, time3, …) and WeChat refuses a message whose names or values do not fit (47003), so
// the deployer writes the mapping beside the template id: SUBSCRIBE_KEYWORDS, e.g.
// `service=thing1,note=thing2,time=time3`, typed in the CloudBase console. Checked once when the
// function starts; keyword types and their limits: WeChat's sendMessage page, 订阅消息参数值内容限制说明
// (developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html).

/** What the message can say: each is one value, any of them may be left out of the template. */
export const SUBSCRIBE_FIELDS = ['service', 'worker', 'note', 'status', 'time'] as const
export type SubscribeField = (typeof SUBSCRIBE_FIELDS)[number]

/** The fields in words, for a deployer's error and a clerk's reading. */
export const SUBSCRIBE_FIELD_LABELS: Record<SubscribeField, string> = {
  service: '服务（某某的服务）',
  worker: '工作者姓名',
  note: '整改情况',
  status: '办理状态（已整改）',
  time: '整改时间',
}

export const KEYWORD_TYPES = ['thing', 'phrase', 'time', 'date', 'character_string', 'number', 'letter', 'symbol', 'name', 'amount', 'phone_number', 'car_number'] as const
export type KeywordType = (typeof KEYWORD_TYPES)[number]

/** A template keyword: its type, then its number in the template (`thing1`, `phrase2`). */
export const KEYWORD_PATTERN = new RegExp(`^(${KEYWORD_TYPES.join('|')})(\\d+)$`)

/**
 * The keyword types each field's value can fill: a note is free text (thing only); a name fits `name`;
 * 已整改 is a phrase (<= 5 Chinese characters); the time is written as WeChat's time and date want it.
 * Numbers, amounts, plates and the like are never what we say.
 */
const FITS: Record<SubscribeField, readonly KeywordType[]> = {
  service: ['thing'],
  worker: ['thing', 'name'],
  note: ['thing'],
  status: ['thing', 'phrase'],
  time: ['time', 'date', 'thing'],
}

/** Today's template: 服务 thing1, 整改情况 thing2, 整改时间 time3. */
export const DEFAULT_SUBSCRIBE_KEYWORDS = 'service=thing1,note=thing2,time=time3'

export interface KeywordSlot {
  field: SubscribeField
  keyword: string
  type: KeywordType
}

export type KeywordMapping = readonly KeywordSlot[]

export type ParsedKeywords = { ok: true; mapping: KeywordMapping } | { ok: false; problem: string }

const VARIABLE = 'SUBSCRIBE_KEYWORDS'

const isField = (text: string): text is SubscribeField => (SUBSCRIBE_FIELDS as readonly string[]).includes(text)

/**
 * SUBSCRIBE_KEYWORDS read: `field=keyword` pairs split by commas (a Chinese comma too, as a console
 * user types it); unset or blank: the default. A problem names the pair and what to write instead.
 */
export function parseSubscribeKeywords(text: string | undefined): ParsedKeywords {
  const source = text === undefined || text.trim() === '' ? DEFAULT_SUBSCRIBE_KEYWORDS : text
  const pairs = source.split(/[,，]/).map((pair) => pair.trim()).filter((pair) => pair !== '')
  if (pairs.length === 0) return { ok: false, problem: `${VARIABLE} 里没有任何对应，应写成 ${DEFAULT_SUBSCRIBE_KEYWORDS} 这样` }
  const mapping: KeywordSlot[] = []
  for (const pair of pairs) {
    const slot = slotOf(pair)
    if (typeof slot === 'string') return { ok: false, problem: slot }
    if (mapping.some((known) => known.field === slot.field)) return { ok: false, problem: `${VARIABLE} 里 ${slot.field} 写了两次，每项内容只能对应一个关键词` }
    if (mapping.some((known) => known.keyword === slot.keyword)) return { ok: false, problem: `${VARIABLE} 里关键词 ${slot.keyword} 对应了两项内容` }
    mapping.push(slot)
  }
  return { ok: true, mapping }
}

/** One `field=keyword` pair, or what is wrong with it. */
function slotOf(pair: string): KeywordSlot | string {
  const [field = '', keyword = '', ...rest] = pair.split('=').map((part) => part.trim())
  if (rest.length > 0 || field === '' || keyword === '') return `${VARIABLE} 里的“${pair}”应写成 内容=关键词，例如 note=thing2`
  if (!isField(field)) return `${VARIABLE} 里的“${field}”不是可发送的内容，应为 ${SUBSCRIBE_FIELDS.join('、')} 之一`
  const type = KEYWORD_PATTERN.exec(keyword)?.[1] as KeywordType | undefined
  if (type === undefined) return `${VARIABLE} 里的“${keyword}”不是模板关键词，应为类型加编号，如 thing1、phrase2、time3（类型：${KEYWORD_TYPES.join('、')}）`
  if (!FITS[field].includes(type)) return `${VARIABLE} 里 ${field}（${SUBSCRIBE_FIELD_LABELS[field]}）不能填进 ${keyword}，只能填 ${FITS[field].join('、')} 类关键词`
  return { field, keyword, type }
}
