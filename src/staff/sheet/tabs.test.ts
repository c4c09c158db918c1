// Which tab the sheet page opens on, and the period each tab starts from (China time, 2026-03-15).
import { firstPeriodOf, pickerKinds, sheetKindOf, tabOf } from './tabs'

const NOW = new Date('2026-03-15T02:00:00Z')

it('opens the tab of the route: the year-end review when asked, else the kind of the period', () => {
  expect(tabOf('yearEnd', '2025')).toBe('yearEnd')
  expect(tabOf(undefined, '2026-02')).toBe('month')
  expect(tabOf('period', '2026-H1')).toBe('half')
  expect(tabOf('period', '2025')).toBe('year')
})

it('starts each tab on its newest period: this month, this half-year, this year', () => {
  expect(firstPeriodOf('month', NOW)).toBe('2026-03')
  expect(firstPeriodOf('half', NOW)).toBe('2026-H1')
  expect(firstPeriodOf('year', NOW)).toBe('2026')
  expect(firstPeriodOf('yearEnd', NOW)).toBe('2026')
})

it('reads a year-end review as its own kind of sheet over years, the rest as period sheets', () => {
  expect([sheetKindOf('yearEnd'), sheetKindOf('half')]).toEqual(['yearEnd', 'period'])
  expect([pickerKinds('yearEnd'), pickerKinds('month')]).toEqual([['year'], ['month']])
})
