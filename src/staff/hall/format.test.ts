import { abPostText, blanksBefore, monthChipLabel, rotaMonths, weekdayOf } from './format'

describe('the rota page’s dates and AB posts', () => {
  it('names weekdays of 2026 dates: 1 December is a Tuesday, 1 February a Sunday', () => {
    expect(weekdayOf('2026-12-01')).toBe('周二')
    expect(weekdayOf('2026-02-01')).toBe('周日')
    expect(weekdayOf('2026-06-01')).toBe('周一')
  })

  it('leaves the Monday-first calendar’s cells before the 1st empty: 1 after a Tuesday 1st, 6 before a Sunday 1st, none before a Monday', () => {
    expect(blanksBefore('2026-12-01')).toBe(1)
    expect(blanksBefore('2026-02-01')).toBe(6)
    expect(blanksBefore('2026-06-01')).toBe(0)
  })

  it('offers last month, this month and next month, across a year end', () => {
    expect(rotaMonths('2026-12')).toEqual(['2026-11', '2026-12', '2027-01'])
    expect(rotaMonths('2026-01')).toEqual(['2025-12', '2026-01', '2026-02'])
  })

  it('labels a month chip without this year, and with another year', () => {
    expect(monthChipLabel('2026-12', '2026-12')).toBe('12月（本月）')
    expect(monthChipLabel('2026-11', '2026-12')).toBe('11月')
    expect(monthChipLabel('2027-01', '2026-12')).toBe('2027年1月')
  })

  it('says whose B a worker is, or who covers their window', () => {
    const pairs = [{ a: 'YQ01', b: 'YQ02' }]
    const nameOf = (code: string) => ({ YQ01: '刘建华', YQ02: '张敏' })[code] ?? code
    expect(abPostText('YQ01', pairs, nameOf)).toBe('B岗 张敏')
    expect(abPostText('YQ02', pairs, nameOf)).toBe('顶 刘建华 的岗')
    expect(abPostText('YQ03', pairs, nameOf)).toBeNull()
  })
})
