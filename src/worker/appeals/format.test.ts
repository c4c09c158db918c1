// The appeal deadline as a worker reads it: a date, not only a count of days (worked out by hand).
import { appealDeadline } from './format'

it('a rating of November with 10 days to appeal: open 12月1日 through 12月10日', () => {
  expect(appealDeadline('2026-11', 10, 10)).toBe('可申诉至 12月10日（还有 10 天）')
  expect(appealDeadline('2026-11', 10, 3)).toBe('可申诉至 12月10日（还有 3 天）')
})

it('names the last day as today', () => {
  expect(appealDeadline('2026-11', 10, 1)).toBe('今天（12月10日）是申诉的最后一天')
})

it('crosses into the next year: December, 15 days, until 1月15日', () => {
  expect(appealDeadline('2026-12', 15, 15)).toBe('可申诉至 1月15日（还有 15 天）')
})
