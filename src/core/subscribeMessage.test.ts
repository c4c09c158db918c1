// The rectification's subscribe message: the deployer's keyword mapping (SUBSCRIBE_KEYWORDS) read and
// checked, the payload built from it with every value fitted to its keyword type (WeChat's limits:
// thing <= 20, phrase <= 5 Chinese characters, name <= 10 Chinese or 20 letters, time 2019年10月1日 15:01),
// and the words a clerk reads on the case when it was not sent.
import { DEFAULT_SUBSCRIBE_KEYWORDS, type KeywordMapping, parseSubscribeKeywords } from './subscribeKeywords'
import { fitKeyword, sendFailureWords, subscribeMessageData } from './subscribePayload'

/** 23 characters; 15:05 China time on 12 October 2026. */
const NOTICE = { workerName: '张敏', note: '已调整走访安排，每周入户一次，并当面向居民说明', at: '2026-10-12T07:05:00.000Z' }

const mappingOf = (text: string | undefined): KeywordMapping => {
  const parsed = parseSubscribeKeywords(text)
  if (!parsed.ok) throw new Error(parsed.problem)
  return parsed.mapping
}
const problemOf = (text: string) => {
  const parsed = parseSubscribeKeywords(text)
  return parsed.ok ? null : parsed.problem
}

describe('the payload, built from the mapping', () => {
  it('default (service=thing1, note=thing2, time=time3): the note cut to 19 characters and …, the time in China time', () => {
    expect(subscribeMessageData(mappingOf(undefined), NOTICE)).toEqual({
      ok: true,
      data: {
        thing1: { value: '张敏的服务' },
        thing2: { value: '已调整走访安排，每周入户一次，并当面向…' },
        time3: { value: '2026年10月12日 15:05' },
      },
    })
  })

  it('a library template of thing1, phrase2, time3: 已整改 as the phrase', () => {
    expect(subscribeMessageData(mappingOf('service=thing1,status=phrase2,time=time3'), NOTICE)).toEqual({
      ok: true,
      data: { thing1: { value: '张敏的服务' }, phrase2: { value: '已整改' }, time3: { value: '2026年10月12日 15:05' } },
    })
  })

  it('writes the worker into a name keyword and the day alone into a date keyword (16:30 UTC on 4 Jan is 5 Jan in China)', () => {
    const late = { ...NOTICE, at: '2026-01-04T16:30:00.000Z' }
    expect(subscribeMessageData(mappingOf('worker=name1, time=date2, note=thing3'), late)).toEqual({
      ok: true,
      data: { name1: { value: '张敏' }, date2: { value: '2026年1月5日' }, thing3: { value: '已调整走访安排，每周入户一次，并当面向…' } },
    })
    expect(subscribeMessageData(mappingOf('time=time4'), late)).toEqual({ ok: true, data: { time4: { value: '2026年1月5日 00:30' } } })
  })

  it('sends nothing when a name does not fit its keyword, and says so in the words the case keeps', () => {
    expect(subscribeMessageData(mappingOf('worker=name1,time=time2'), { ...NOTICE, workerName: '工作者1' })).toEqual({
      ok: false,
      failure: '通知居民失败：工作者姓名填不进模板的 name1（只能是 10 个以内的汉字或 20 个以内的字母，不能有数字），请联系管理员核对订阅消息设置',
    })
  })
})

describe('each keyword type’s limits', () => {
  it('thing: 20 characters kept, 21 cut to 19 and …, a line break made a space', () => {
    expect(fitKeyword('thing', '一二三四五六七八九十一二三四五六七八九十')).toEqual({ ok: true, value: '一二三四五六七八九十一二三四五六七八九十' })
    expect(fitKeyword('thing', '一二三四五六七八九十一二三四五六七八九十多')).toEqual({ ok: true, value: '一二三四五六七八九十一二三四五六七八九…' })
    expect(fitKeyword('thing', '已整改\n已回访')).toEqual({ ok: true, value: '已整改 已回访' })
    expect(fitKeyword('thing', ' \n ')).toEqual({ ok: false, limit: '不能为空' })
  })

  it('phrase: at most 5 Chinese characters, never cut', () => {
    expect(fitKeyword('phrase', '已整改完成')).toEqual({ ok: true, value: '已整改完成' })
    expect(fitKeyword('phrase', '已经整改完成')).toEqual({ ok: false, limit: '只能是 5 个以内的汉字' })
    expect(fitKeyword('phrase', '已整改1')).toEqual({ ok: false, limit: '只能是 5 个以内的汉字' })
  })

  it('name: 10 Chinese characters, or 20 letters; no digits', () => {
    expect(fitKeyword('name', '欧阳一二三四五六七八').ok).toBe(true)
    expect(fitKeyword('name', '欧阳一二三四五六七八九').ok).toBe(false)
    expect(fitKeyword('name', 'Zhang Min').ok).toBe(true)
    expect(fitKeyword('name', 'Abcdefghijklmnopqrstu').ok).toBe(false)
    expect(fitKeyword('name', '工作者1').ok).toBe(false)
  })

  it('time and date: as WeChat writes them', () => {
    expect(fitKeyword('time', '2026年10月12日 15:05')).toEqual({ ok: true, value: '2026年10月12日 15:05' })
    expect(fitKeyword('time', '2026-10-12 15:05')).toEqual({ ok: false, limit: '应为 2026年10月1日 15:01 这样的时间' })
    expect(fitKeyword('date', '2026年1月5日')).toEqual({ ok: true, value: '2026年1月5日' })
  })
})

describe('SUBSCRIBE_KEYWORDS, checked when the function starts', () => {
  it('unset or blank is today’s template; a Chinese comma and spaces are read as a console user types them', () => {
    expect(DEFAULT_SUBSCRIBE_KEYWORDS).toBe('service=thing1,note=thing2,time=time3')
    const expected = [
      { field: 'service', keyword: 'thing1', type: 'thing' },
      { field: 'note', keyword: 'thing2', type: 'thing' },
      { field: 'time', keyword: 'time3', type: 'time' },
    ]
    expect(mappingOf(undefined)).toEqual(expected)
    expect(mappingOf('  ')).toEqual(expected)
    expect(mappingOf(' service = thing1，note=thing2 , time=time3 ')).toEqual(expected)
    expect(mappingOf('status=thing1')).toEqual([{ field: 'status', keyword: 'thing1', type: 'thing' }])
  })

  it('refuses a field we do not send, a name that is not a keyword, a pair without =', () => {
    expect(problemOf('service=thing1,phone=phone_number2')).toBe('SUBSCRIBE_KEYWORDS 里的“phone”不是可发送的内容，应为 service、worker、note、status、time 之一')
    expect(problemOf('note=thing')).toMatch(/^SUBSCRIBE_KEYWORDS 里的“thing”不是模板关键词，应为类型加编号，如 thing1、phrase2、time3/)
    expect(problemOf('note=enum1')).toMatch(/^SUBSCRIBE_KEYWORDS 里的“enum1”不是模板关键词/)
    expect(problemOf('note=Thing2')).toMatch(/^SUBSCRIBE_KEYWORDS 里的“Thing2”不是模板关键词/)
    expect(problemOf('note thing2')).toBe('SUBSCRIBE_KEYWORDS 里的“note thing2”应写成 内容=关键词，例如 note=thing2')
    expect(problemOf('note=thing2=x')).toBe('SUBSCRIBE_KEYWORDS 里的“note=thing2=x”应写成 内容=关键词，例如 note=thing2')
    expect(problemOf(',，')).toBe('SUBSCRIBE_KEYWORDS 里没有任何对应，应写成 service=thing1,note=thing2,time=time3 这样')
  })

  it('refuses a field twice, a keyword twice, and a field its keyword type cannot hold', () => {
    expect(problemOf('note=thing2,note=thing3')).toBe('SUBSCRIBE_KEYWORDS 里 note 写了两次，每项内容只能对应一个关键词')
    expect(problemOf('service=thing1,worker=thing1')).toBe('SUBSCRIBE_KEYWORDS 里关键词 thing1 对应了两项内容')
    expect(problemOf('service=thing1,note=phrase2,time=time3')).toBe('SUBSCRIBE_KEYWORDS 里 note（整改情况）不能填进 phrase2，只能填 thing 类关键词')
    expect(problemOf('time=number3')).toBe('SUBSCRIBE_KEYWORDS 里 time（整改时间）不能填进 number3，只能填 time、date、thing 类关键词')
  })
})

describe('a send WeChat refused, in the words the case keeps', () => {
  it('names the reason and the code, and what staff can do', () => {
    expect(sendFailureWords(47003)).toBe('通知居民失败：模板参数不符（47003），请联系管理员核对 SUBSCRIBE_KEYWORDS')
    expect(sendFailureWords(43101)).toBe('通知居民失败：居民未同意接收通知或已关闭通知（43101），居民打开小程序首页仍能看到整改情况')
    expect(sendFailureWords(40037)).toBe('通知居民失败：订阅消息模板编号不对（40037），请联系管理员核对 SUBSCRIBE_TEMPLATE_ID')
    expect(sendFailureWords(45009)).toBe('通知居民失败：微信返回错误（45009），居民打开小程序首页仍能看到整改情况')
    expect(sendFailureWords(undefined)).toBe('通知居民失败：发送时出错，居民打开小程序首页仍能看到整改情况')
  })
})
