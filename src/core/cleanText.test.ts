// cleanText and orgNameKey (trust rule 7): invisible characters never reach the store, and two names that
// read the same are one name.
import * as v from 'valibot'
import { cleanText, cleaned, orgNameKey, sameOrgName } from './cleanText'

describe('cleanText', () => {
  it.each([
    ['青龙社区\u200B', '青龙社区'],
    ['\uFEFF 青龙\u200C社\u200D区 ', '青龙社区'],
    ['\u202E区社龙青\u202C', '区社龙青'],
    ['\u2066张丽\u2069', '张丽'],
    ['\u200E\u200F\u061C\u2060好', '好'],
    ['\u200B\u200B', ''],
  ])('%j → %j', (text, clean) => {
    expect(cleanText(text)).toBe(clean)
  })

  it('keeps ordinary text, emoji and spaces inside as written', () => {
    expect(cleanText('  入户及时 👍 态度好  ')).toBe('入户及时 👍 态度好')
  })

  it('as a schema step, leaves an empty string for a required field to refuse', () => {
    const name = v.pipe(v.string(), cleaned, v.minLength(1, '请填写社区名称'))
    expect(v.safeParse(name, '\u200B\u200D').issues?.[0].message).toBe('请填写社区名称')
    expect(v.parse(name, '青龙社区\u200B')).toBe('青龙社区')
  })
})

describe('orgNameKey', () => {
  it('makes full-width and half-width, and invisible characters, one name', () => {
    expect(sameOrgName('青龙社区', '青龙社区\u200B')).toBe(true)
    expect(sameOrgName('第１网格', '第1网格')).toBe(true)
    expect(sameOrgName('ＡＢＣ小区', 'ABC小区')).toBe(true)
    expect(orgNameKey(' 青龙社区 ')).toBe('青龙社区')
    expect(sameOrgName('青龙社区', '青隆社区')).toBe(false)
  })
})
