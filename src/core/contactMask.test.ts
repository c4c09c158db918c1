// maskContacts (trust rule 9): mobile numbers, ID-card numbers and WeChat ids in a comment are masked in
// every way people write them, and ordinary numbers (dates, addresses, scores) are left alone.
import * as fc from 'fast-check'
import { maskContacts } from './contactMask'

describe('mobile numbers: the first 3 and the last 4 digits stay', () => {
  it.each([
    ['电话13912345678', '电话139****5678'],
    ['打 139 1234 5678 找我', '打 139****5678 找我'],
    ['1 3 9 1 2 3 4 5 6 7 8', '139****5678'],
    ['139-1234-5678', '139****5678'],
    ['139.1234.5678', '139****5678'],
    ['１３９ １２３４ ５６７８', '139****5678'],
    ['１３９１２３４５６７８', '139****5678'],
    ['１３９　１２３４　５６７８', '139****5678'],
    ['+86 139 1234 5678', '+86139****5678'],
    ['0086-13912345678', '0086139****5678'],
    ['先打13812345678，不行再打15987654321', '先打138****5678，不行再打159****4321'],
    ['号码 13912345678 2026-12-06 留', '号码 139****5678 2026-12-06 留'],
  ])('%s → %s', (text, masked) => {
    expect(maskContacts(text)).toBe(masked)
  })
})

describe('ID-card numbers: the region (6) and the last 4 stay, the birth date goes', () => {
  it.each([
    ['身份证110105199001011234', '身份证110105********1234'],
    ['11010519900101123X', '110105********123X'],
    ['身份证号 11010519900101123x 。', '身份证号 110105********123X 。'],
    ['110105 19900101 1232', '110105********1232'],
    ['3702 0219 8512 3100 15', '370202********0015'],
    ['１１０１０５１９９００１０１１２３４', '110105********1234'],
  ])('%s → %s', (text, masked) => {
    expect(maskContacts(text)).toBe(masked)
  })
})

describe('WeChat ids: the first character stays, then always 6 stars', () => {
  it.each([
    ['微信：abc_123', '微信：a******'],
    ['微信号 zhangsan-88 有事找', '微信号 z****** 有事找'],
    ['加我vx:Liu_Jianhua', '加我vx:L******'],
    ['VX是 wangwu2026', 'VX是 w******'],
    ['V信 lisi_home', 'V信 l******'],
    ['weixin: helloKitty', 'weixin: h******'],
    ['wechat my_id_001', 'wechat m******'],
    ['wx：tom_cat', 'wx：t******'],
  ])('%s → %s', (text, masked) => {
    expect(maskContacts(text)).toBe(masked)
  })

  it('masks a phone number given as the WeChat id', () => {
    expect(maskContacts('微信同号13912345678')).toBe('微信同号139****5678')
    expect(maskContacts('vx 13912345678')).toBe('vx 139****5678')
  })
})

describe('ordinary numbers and words stay as written', () => {
  it.each([
    '2026-12-06 上门，2026-12-07 又来了',
    '3号楼2单元501',
    '2026年12月6日',
    '打了 10 分钟电话，等了 3 天',
    '评分 88.5，比上月高 2.5',
    '订单 12345678901（不是手机号：2 开头）',
    '18 岁的孩子，1990 年生人',
    '邮编 266071，电话没留',
    'wxyz 是个词',
    '在wechat上说过了',
    '身份证的事 110105199013451234（不是日期）',
    '2000-01-01 1000 2000-01-01 1000',
    '110105 19900101 1234（分开写时校验位不对）',
  ])('%s', (text) => {
    expect(maskContacts(text)).toBe(text)
  })
})

describe('properties', () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))
  const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`)
  const separator = fc.constantFrom('', ' ', '-', '  ', '　', ' - ', '.')
  const fullWidth = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
  const words = fc.constantFrom('', '电话', '请打', '有事找我：', '好的，', '。')

  /** Where a number is cut into groups: one digit at a time, or groups of at least 3 (139 1234 5678, 1391 234 5678). */
  const layout = fc.oneof(
    fc.constant([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    fc.uniqueArray(fc.integer({ min: 3, max: 8 }), { maxLength: 2 }).map((cuts) => cuts.sort((a, b) => a - b)).filter((cuts) => cuts.every((cut, i) => cut - (cuts[i - 1] ?? 0) >= 3)),
  )

  it('masks any mobile written in groups with any separators, half- or full-width, to 3 + **** + 4', () => {
    fc.assert(
      fc.property(mobile, layout, separator, fc.boolean(), words, words, (number, cuts, sep, wide, before, after) => {
        let written = ''
        let at = 0
        for (const cut of cuts) {
          written += number.slice(at, cut) + sep
          at = cut
        }
        written += number.slice(at)
        const text = `${before}${wide ? fullWidth(written) : written}${after}`
        const masked = maskContacts(text)
        expect(masked).toBe(`${before}${number.slice(0, 3)}****${number.slice(7)}${after}`)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps short numbers and dates apart by spaces when their digits cannot make a mobile or an ID', () => {
    // 3号楼 12 户, 2026-12-06 18:30: 2 + 8 digits and 4 + 4; 130 1000 1000 would be 3 + 4 + 4 = a mobile.
    for (const text of ['3号楼 12 户', '2026-12-06 18 30', '第 3 网格 120 户 4 人', '2026 12 06'])
      expect(maskContacts(text)).toBe(text)
    expect(maskContacts('130 1000 1000')).toBe('130****1000')
  })

  it('leaves dates and short numbers alone, and masking twice changes nothing more', () => {
    const date = fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    // Joined by punctuation, not spaces: "130 1000 1000" IS a mobile written in 3-4-4 groups, and masked.
    fc.assert(
      fc.property(fc.array(fc.oneof(date, fc.integer({ min: 0, max: 9999 }).map(String), words), { maxLength: 6 }), fc.constantFrom('，', '、', '；'), (parts, joint) => {
        const text = parts.join(joint)
        expect(maskContacts(text)).toBe(text)
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), mobile, (noise, number) => {
        const once = maskContacts(`${noise}${number}${noise}`)
        expect(maskContacts(once)).toBe(once)
      }),
      { numRuns: 300 },
    )
  })
})
