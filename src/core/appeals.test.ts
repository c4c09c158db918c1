// The appeal window (trust rule 5): a bad rating reaches its worker once its month has
// closed (China time), and may be appealed for `appealDays` calendar days from then: from the 1st of the
// next month, 00:00 China time.
import { appealDaysLeft, appealLastDay, appealListed, appealOpen, appealWindowStart } from './appeals'

// 2026-11-01 00:00 China time = 2026-10-31T16:00Z.
const NOVEMBER_FIRST = new Date('2026-10-31T16:00:00.000Z')

describe('appealListed', () => {
  it('lists October’s bad ratings from 2026-11-01 00:00 China time, not a moment before', () => {
    expect(appealListed('2026-10', new Date('2026-10-31T15:59:59.999Z'))).toBe(false)
    expect(appealListed('2026-10', NOVEMBER_FIRST)).toBe(true)
    // a rating of the running month, whatever its day
    expect(appealListed('2026-11', new Date('2026-11-30T15:00:00.000Z'))).toBe(false)
  })
})

describe('appealOpen', () => {
  it('keeps October’s ratings open with 10 days from 11-01 through 2026-11-10 23:59:59 China time', () => {
    expect(appealLastDay('2026-10', 10)).toBe('2026-11-10')
    // 2026-11-10 23:59:59 China = 15:59:59 UTC: still open, its last day.
    expect(appealOpen('2026-10', new Date('2026-11-10T15:59:59.999Z'), 10)).toBe(true)
    expect(appealDaysLeft('2026-10', new Date('2026-11-10T15:59:59.999Z'), 10)).toBe(1)
    // 2026-11-11 00:00 China = 2026-11-10T16:00Z: closed.
    expect(appealOpen('2026-10', new Date('2026-11-10T16:00:00.000Z'), 10)).toBe(false)
    expect(appealDaysLeft('2026-10', new Date('2026-11-10T16:00:00.000Z'), 10)).toBe(0)
  })

  it('gives 10 days on 11-01 and 9 on 11-02, whatever day of October the rating came', () => {
    expect(appealDaysLeft('2026-10', NOVEMBER_FIRST, 10)).toBe(10)
    expect(appealDaysLeft('2026-10', new Date('2026-11-02T01:00:00.000Z'), 10)).toBe(9)
  })

  it('is not open while the month still runs: 0 days on 2026-10-31 23:30 China time', () => {
    expect(appealDaysLeft('2026-10', new Date('2026-10-31T15:30:00.000Z'), 10)).toBe(0)
    expect(appealOpen('2026-10', new Date('2026-10-31T15:30:00.000Z'), 10)).toBe(false)
  })

  it('follows the setting: 3 days → through 2026-11-03; December with 10 → through 2027-01-10', () => {
    expect(appealLastDay('2026-10', 3)).toBe('2026-11-03')
    expect(appealOpen('2026-10', new Date('2026-11-03T15:00:00.000Z'), 3)).toBe(true)
    expect(appealOpen('2026-10', new Date('2026-11-03T16:00:00.000Z'), 3)).toBe(false)
    expect(appealLastDay('2026-12', 10)).toBe('2027-01-10')
  })
})

describe('appealWindowStart', () => {
  it('reaches back to the 1st of the oldest month whose window is still open', () => {
    // 2026-11-10 12:00 China, 10 days: October's window (11-01..11-10) is open: from 2026-10-01 00:00 China.
    expect(appealWindowStart(new Date('2026-11-10T04:00:00.000Z'), 10)).toBe('2026-09-30T16:00:00.000Z')
    // 2026-11-11: October's window has ended; only November (not yet listed) from 2026-11-01 00:00 China.
    expect(appealWindowStart(new Date('2026-11-11T04:00:00.000Z'), 10)).toBe('2026-10-31T16:00:00.000Z')
    // 41 days (the window plus a month, as appeal.file looks back): September's runs 10-01..11-10, so on
    // 11-10 the reading starts at 2026-09-01 China, on 11-11 at 2026-10-01 China.
    expect(appealWindowStart(new Date('2026-11-10T04:00:00.000Z'), 41)).toBe('2026-08-31T16:00:00.000Z')
    expect(appealWindowStart(new Date('2026-11-11T04:00:00.000Z'), 41)).toBe('2026-09-30T16:00:00.000Z')
  })

  it('agrees with appealOpen at the edges: the oldest month it reads is open, the month before is not', () => {
    const now = new Date('2026-11-10T04:00:00.000Z')
    expect(appealOpen('2026-10', now, 10)).toBe(true)
    expect(appealOpen('2026-09', now, 10)).toBe(false)
  })
})
