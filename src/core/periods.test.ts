import {
  addMonths,
  chinaDateOf,
  isCalendarDate,
  isPeriod,
  monthOf,
  monthsOf,
  periodKind,
  periodLabel,
  periodStartsAfter,
  periodsOfMonth,
  recentPeriods,
  staleSnapshotPeriods,
} from './periods'

describe('monthOf: a rating counts in its China-time (UTC+8) month', () => {
  it('puts 2026-03-31 16:30 UTC (00:30 on 1 April in China) in 2026-04', () => {
    expect(monthOf('2026-03-31T16:30:00Z')).toBe('2026-04')
    expect(monthOf(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04')
  })

  it('keeps 2026-03-31 15:59:59 UTC (23:59:59 in China) in 2026-03', () => {
    expect(monthOf('2026-03-31T15:59:59Z')).toBe('2026-03')
  })

  it('reads an explicit offset', () => {
    expect(monthOf('2026-04-01T00:10:00+08:00')).toBe('2026-04')
  })

  it('crosses the year boundary: 2025-12-31 16:00 UTC is 2026-01-01 00:00 in China', () => {
    expect(monthOf('2025-12-31T16:00:00Z')).toBe('2026-01')
    expect(chinaDateOf('2025-12-31T16:00:00Z')).toBe('2026-01-01')
  })

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ
    try {
      for (const tz of ['America/New_York', 'Asia/Shanghai', 'UTC', 'Pacific/Kiritimati']) {
        process.env.TZ = tz
        expect(monthOf(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04')
        expect(monthOf('2026-03-31T15:59:59Z')).toBe('2026-03')
      }
    } finally {
      process.env.TZ = saved
    }
  })

  it('rejects a time that is not one', () => {
    expect(() => monthOf('yesterday')).toThrow('时间格式不对')
  })
})

describe('period keys', () => {
  it('knows months, half-years and years', () => {
    expect(periodKind('2026-03')).toBe('month')
    expect(periodKind('2026-H1')).toBe('half')
    expect(periodKind('2026-H2')).toBe('half')
    expect(periodKind('2026')).toBe('year')
  })

  it('rejects anything else', () => {
    for (const bad of ['2026-13', '2026-00', '2026-H3', '26', '2026-3', '2026-Q1', '']) expect(isPeriod(bad)).toBe(false)
    expect(() => periodKind('2026-13')).toThrow('考核期格式不对')
  })

  it('spells months out: H1 is January to June, H2 July to December, a year all twelve', () => {
    expect(monthsOf('2026-03')).toEqual(['2026-03'])
    expect(monthsOf('2026-H1')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'])
    expect(monthsOf('2026-H2')).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
    expect(monthsOf('2026')).toHaveLength(12)
    expect(monthsOf('2026')[0]).toBe('2026-01')
    expect(monthsOf('2026')[11]).toBe('2026-12')
  })

  it('names the periods a month belongs to', () => {
    expect(periodsOfMonth('2026-06')).toEqual(['2026-06', '2026-H1', '2026'])
    expect(periodsOfMonth('2026-07')).toEqual(['2026-07', '2026-H2', '2026'])
  })

  it('labels periods the way a clerk says them', () => {
    expect(periodLabel('2026-03')).toBe('2026年3月')
    expect(periodLabel('2026-12')).toBe('2026年12月')
    expect(periodLabel('2026-H1')).toBe('2026年上半年')
    expect(periodLabel('2026-H2')).toBe('2026年下半年')
    expect(periodLabel('2026')).toBe('2026年')
  })

  it('adds months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2025-12', 1)).toBe('2026-01')
    expect(addMonths('2026-03', -14)).toBe('2025-01')
  })

  it('checks calendar dates', () => {
    expect(isCalendarDate('2026-10-01')).toBe(true)
    expect(isCalendarDate('2028-02-29')).toBe(true) // 2028 is a leap year
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2026-02-30')).toBe(false)
    expect(isCalendarDate('2026-1-1')).toBe(false)
  })
})

describe('periodStartsAfter: no scores for a period that has not started', () => {
  // 2026-03-15 12:00 in China
  const now = new Date('2026-03-15T04:00:00Z')

  it('is true for next month and for the second half of the year', () => {
    expect(periodStartsAfter('2026-04', now)).toBe(true)
    expect(periodStartsAfter('2026-H2', now)).toBe(true)
    expect(periodStartsAfter('2027', now)).toBe(true)
  })

  it('is false for the current month, half-year and year, and for the past', () => {
    for (const p of ['2026-03', '2026-H1', '2026', '2026-02', '2025-H2']) expect(periodStartsAfter(p, now)).toBe(false)
  })

  it('uses the China month: at 00:30 on 1 April China time April has started', () => {
    expect(periodStartsAfter('2026-04', new Date('2026-03-31T16:30:00Z'))).toBe(false)
    expect(periodStartsAfter('2026-04', new Date('2026-03-31T15:30:00Z'))).toBe(true)
  })
})

describe('recentPeriods: the choices of the period picker', () => {
  it('offers this month and the 11 before it, then two half-years, then two years', () => {
    expect(recentPeriods(new Date('2026-03-15T04:00:00Z'))).toEqual([
      '2026-03', '2026-02', '2026-01', '2025-12', '2025-11', '2025-10',
      '2025-09', '2025-08', '2025-07', '2025-06', '2025-05', '2025-04',
      '2026-H1', '2025-H2',
      '2026', '2025',
    ])
  })

  it('in the second half-year offers H2 then H1 of the same year', () => {
    const periods = recentPeriods(new Date('2026-08-01T00:00:00Z'))
    expect(periods[0]).toBe('2026-08')
    expect(periods[11]).toBe('2025-09')
    expect(periods.slice(12)).toEqual(['2026-H2', '2026-H1', '2026', '2025'])
  })
})

describe('staleSnapshotPeriods: the closed periods a write makes stale', () => {
  const china = (iso: string) => new Date(`${iso}+08:00`)
  it('is the closed month written into, and the half-year and year only once they are closed too', () => {
    expect(staleSnapshotPeriods(['2026-03'], china('2026-04-10T10:00:00'))).toEqual(['2026-03'])
    expect(staleSnapshotPeriods(['2026-03'], china('2026-07-02T10:00:00'))).toEqual(['2026-03', '2026-H1'])
    expect(staleSnapshotPeriods(['2026-03'], china('2027-01-02T10:00:00'))).toEqual(['2026-03', '2026-H1', '2026'])
  })
  it('leaves the open month out: a session of 31 March ended on 1 April makes only March stale', () => {
    expect(staleSnapshotPeriods(['2026-03', '2026-04'], china('2026-04-01T03:00:00'))).toEqual(['2026-03'])
    expect(staleSnapshotPeriods(['2026-04'], china('2026-04-30T23:59:00'))).toEqual([])
  })
  it('takes period keys as well: a half-year score feeds its year', () => {
    expect(staleSnapshotPeriods(['2026-H2'], china('2027-01-05T10:00:00'))).toEqual(['2026-H2', '2026'])
    expect(staleSnapshotPeriods(['2026-06', '2026-05'], china('2026-07-01T00:00:00'))).toEqual(['2026-06', '2026-H1', '2026-05'])
  })
})
