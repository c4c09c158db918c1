// The appeal window (issue 9, item 7): `appealDays` calendar days after the day of the rating, China time.
import { appealDaysLeft, appealLastDay, appealOpen, appealWindowStart } from './appeals'

// Rated 2026-11-01 10:00 China time = 02:00 UTC.
const RATED = '2026-11-01T02:00:00.000Z'

describe('appealOpen', () => {
  it('keeps a rating of 2026-11-01 10:00 (China) open with 10 days through 2026-11-11 23:59:59 China time', () => {
    expect(appealLastDay(RATED, 10)).toBe('2026-11-11')
    // 2026-11-11 23:59:59 China time = 15:59:59 UTC: still open, its last day.
    expect(appealOpen(RATED, new Date('2026-11-11T15:59:59.999Z'), 10)).toBe(true)
    expect(appealDaysLeft(RATED, new Date('2026-11-11T15:59:59.999Z'), 10)).toBe(1)
    // 2026-11-12 00:00 China time = 2026-11-11T16:00Z: closed.
    expect(appealOpen(RATED, new Date('2026-11-11T16:00:00.000Z'), 10)).toBe(false)
    expect(appealDaysLeft(RATED, new Date('2026-11-11T16:00:00.000Z'), 10)).toBe(0)
  })

  it('counts the day of the rating itself: 11 days left on 2026-11-01, 10 on 11-02', () => {
    expect(appealDaysLeft(RATED, new Date('2026-11-01T02:00:00.000Z'), 10)).toBe(11)
    expect(appealDaysLeft(RATED, new Date('2026-11-02T01:00:00.000Z'), 10)).toBe(10)
  })

  it('reads the day in China time: 2026-10-31 23:30 UTC is 2026-11-01 07:30 China, open through 11-11', () => {
    expect(appealLastDay('2026-10-31T23:30:00.000Z', 10)).toBe('2026-11-11')
    // 2026-10-31 15:59 UTC is still 10-31 in China: its window ends a day earlier.
    expect(appealLastDay('2026-10-31T15:59:00.000Z', 10)).toBe('2026-11-10')
  })

  it('follows the setting: 3 days → through 2026-11-04', () => {
    expect(appealLastDay(RATED, 3)).toBe('2026-11-04')
    expect(appealOpen(RATED, new Date('2026-11-04T15:00:00.000Z'), 3)).toBe(true)
    expect(appealOpen(RATED, new Date('2026-11-04T16:00:00.000Z'), 3)).toBe(false)
  })
})

describe('appealWindowStart', () => {
  it('reaches back to 00:00 China time 10 days before today: on 2026-11-11 it is 2026-11-01 00:00 China', () => {
    // 2026-11-11 12:00 China; 2026-11-01 00:00 China = 2026-10-31T16:00Z.
    const start = appealWindowStart(new Date('2026-11-11T04:00:00.000Z'), 10)
    expect(start).toBe('2026-10-31T16:00:00.000Z')
    // A rating at that very start is still open on 11-11; one just before it is not.
    expect(appealOpen(start, new Date('2026-11-11T04:00:00.000Z'), 10)).toBe(true)
    expect(appealOpen('2026-10-31T15:59:59.999Z', new Date('2026-11-11T04:00:00.000Z'), 10)).toBe(false)
  })
})
