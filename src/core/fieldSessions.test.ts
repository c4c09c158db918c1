// Field sessions: how long one may be, how its minutes are counted and split over months (China time),
// how a forgotten session is ended honestly, and when it is corroborated. Times worked out by hand:
// China time is UTC+8, so 08:00 in Xianning is 00:00 UTC.
import { ApiError } from './errors'
import {
  MAX_SESSION_MINUTES,
  checkSessionEnd,
  chinaDateTime,
  endAtClock,
  isCorroborated,
  latestSessionEnd,
  minutesByMonth,
  minutesInMonths,
  monthStart,
  monthsSpanned,
  ratingsThatCorroborate,
  sessionEndProblem,
  sessionMinutes,
  sessionWindow,
} from './fieldSessions'

describe('sessionMinutes', () => {
  it('counts the clock minutes between start and end', () => {
    expect(sessionMinutes('2026-03-05T00:10:00.000Z', '2026-03-05T06:40:00.000Z')).toBe(390) // 08:10 → 14:40
    expect(sessionMinutes('2026-03-05T00:59:50.000Z', '2026-03-05T01:00:10.000Z')).toBe(1) // a minute mark crossed
    expect(sessionMinutes('2026-03-05T01:00:10.000Z', '2026-03-05T01:00:50.000Z')).toBe(0)
  })
})

describe('minutesByMonth: the one rule for which month a session counts in', () => {
  it('begins a China month at 16:00 UTC the day before', () => {
    expect(monthStart('2026-04')).toBe('2026-03-31T16:00:00.000Z')
    expect(monthStart('2027-01')).toBe('2026-12-31T16:00:00.000Z')
  })

  it('splits a session crossing midnight at the end of March: 22:00 → 02:00 is 120 + 120', () => {
    // 31 March 22:00 China = 14:00 UTC; 1 April 02:00 China = 18:00 UTC
    expect([...minutesByMonth('2026-03-31T14:00:00.000Z', '2026-03-31T18:00:00.000Z')]).toEqual([
      ['2026-03', 120],
      ['2026-04', 120],
    ])
  })

  it('keeps a session that crosses midnight inside a month in that month', () => {
    // 15 March 20:00 → 16 March 06:00 China: 600 minutes, all March
    expect([...minutesByMonth('2026-03-15T12:00:00.000Z', '2026-03-15T22:00:00.000Z')]).toEqual([['2026-03', 600]])
  })

  it('crosses the year too: 31 Dec 23:30 → 1 Jan 00:45 is 30 in December and 45 in January', () => {
    expect([...minutesByMonth('2026-12-31T15:30:00.000Z', '2026-12-31T16:45:00.000Z')]).toEqual([
      ['2026-12', 30],
      ['2027-01', 45],
    ])
  })

  it('counts only the months asked for', () => {
    expect(minutesInMonths('2026-03-31T14:00:00.000Z', '2026-03-31T18:00:00.000Z', ['2026-04'])).toBe(120)
    expect(minutesInMonths('2026-03-31T14:00:00.000Z', '2026-03-31T18:00:00.000Z', ['2026-03', '2026-04'])).toBe(240)
    expect(minutesInMonths('2026-03-31T14:00:00.000Z', '2026-03-31T18:00:00.000Z', ['2026-05'])).toBe(0)
  })
})

describe('sessionWindow: what to read for a period', () => {
  it('reads sessions from 12 hours before the first month and events until 12 hours after the last', () => {
    // April begins 2026-03-31T16:00Z; 12 h before is 04:00Z. May begins 2026-04-30T16:00Z; 12 h later 2026-05-01T04:00Z.
    expect(sessionWindow('2026-04', '2026-04')).toEqual({
      from: '2026-03-31T04:00:00.000Z',
      to: '2026-04-30T16:00:00.000Z',
      eventsTo: '2026-05-01T04:00:00.000Z',
    })
  })
})

describe('monthsSpanned', () => {
  it('lists the China months a range touches, its end excluded', () => {
    expect(monthsSpanned('2026-03-31T04:00:00.000Z', '2026-05-01T04:00:00.000Z')).toEqual(['2026-03', '2026-04', '2026-05'])
    expect(monthsSpanned('2026-03-31T16:00:00.000Z', '2026-04-30T16:00:00.000Z')).toEqual(['2026-04'])
    expect(monthsSpanned('2026-12-31T15:00:00.000Z', '2027-01-01T00:00:00.000Z')).toEqual(['2026-12', '2027-01'])
  })
})

describe('checkSessionEnd', () => {
  const start = '2026-03-05T00:10:00.000Z' // 3月5日 08:10
  const now = new Date('2026-03-05T14:00:00.000Z') // 22:00 the same day

  it('accepts an end up to 12 hours after the start and not after now', () => {
    expect(() => checkSessionEnd(start, '2026-03-05T09:30:00.000Z', now)).not.toThrow()
    expect(() => checkSessionEnd(start, '2026-03-05T12:10:00.000Z', now)).not.toThrow() // exactly 720 minutes
    expect(MAX_SESSION_MINUTES).toBe(720)
  })

  it('rejects a session longer than 12 hours, saying until when it may be ended', () => {
    expect(() => checkSessionEnd(start, '2026-03-05T12:11:00.000Z', now)).toThrow(
      new ApiError('INVALID_INPUT', '一次下沉最长 12 小时。这次从 3月5日 08:10 开始，请填写您实际离开网格的时间（不晚于 3月5日 20:10）'),
    )
  })

  it('rejects an end in the future and an end before the start', () => {
    expect(() => checkSessionEnd(start, '2026-03-05T14:01:00.000Z', now)).toThrow('结束时间 3月5日 22:01 还没有到，不能记录将来的时间')
    expect(() => checkSessionEnd(start, start, now)).toThrow('结束时间必须晚于这次下沉的开始时间 3月5日 08:10')
  })
})

describe('sessionEndProblem: the same rule in words, for the page to ask before sending', () => {
  const start = '2026-03-05T00:10:00.000Z' // 3月5日 08:10

  it('lets a session running for 2 hours end at the time the worker left: 09:30, or 08:15 after 5 minutes', () => {
    const now = new Date('2026-03-05T02:10:00.000Z') // 10:10
    expect(sessionEndProblem(start, '2026-03-05T01:30:00.000Z', now)).toBeNull()
    expect(sessionEndProblem(start, '2026-03-05T00:15:00.000Z', now)).toBeNull()
  })

  it('says why 10:11 (after now), 08:10 (the start) and 20:11 (12 hours and 1 minute) cannot be the end', () => {
    expect(sessionEndProblem(start, '2026-03-05T02:11:00.000Z', new Date('2026-03-05T02:10:00.000Z'))).toBe('结束时间 3月5日 10:11 还没有到，不能记录将来的时间')
    expect(sessionEndProblem(start, start, new Date('2026-03-05T02:10:00.000Z'))).toBe('结束时间必须晚于这次下沉的开始时间 3月5日 08:10')
    expect(sessionEndProblem(start, '2026-03-05T12:11:00.000Z', new Date('2026-03-06T00:00:00.000Z'))).toBe(
      '一次下沉最长 12 小时。这次从 3月5日 08:10 开始，请填写您实际离开网格的时间（不晚于 3月5日 20:10）',
    )
  })

  it('puts the latest end 12 hours after the start: 08:10 → 20:10', () => {
    expect(latestSessionEnd(start)).toBe('2026-03-05T12:10:00.000Z')
  })
})

describe('endAtClock: a clock time the worker gives for a session they forgot to end', () => {
  it('is that time on the day of the start when it comes after the start', () => {
    expect(endAtClock('2026-03-05T00:10:00.000Z', '17:30')).toBe('2026-03-05T09:30:00.000Z')
    expect(endAtClock('2026-03-05T00:10:00.000Z', '9:05')).toBe('2026-03-05T01:05:00.000Z')
    expect(endAtClock('2026-03-05T00:10:00.000Z', '17：30')).toBe('2026-03-05T09:30:00.000Z') // full-width colon
  })

  it('is the next morning for a session started in the evening', () => {
    // started 3月5日 20:30 China (12:30 UTC); 07:15 is 3月6日 07:15 China = 3月5日 23:15 UTC
    expect(endAtClock('2026-03-05T12:30:00.000Z', '07:15')).toBe('2026-03-05T23:15:00.000Z')
    expect(chinaDateTime('2026-03-05T23:15:00.000Z')).toBe('3月6日 07:15')
  })

  it('is null for anything that is not a clock time', () => {
    for (const text of ['', '25:00', '17:60', '下午五点', '1730']) expect(endAtClock('2026-03-05T00:10:00.000Z', text)).toBeNull()
  })
})

describe('isCorroborated', () => {
  const [start, end] = ['2026-03-05T00:10:00.000Z', '2026-03-05T06:40:00.000Z']

  it('is true when a visit or rating happened inside the session, its ends included', () => {
    expect(isCorroborated(start, end, ['2026-03-05T03:00:00.000Z'])).toBe(true)
    expect(isCorroborated(start, end, [start])).toBe(true)
    expect(isCorroborated(start, end, [end])).toBe(true)
  })

  it('is false with nothing inside it', () => {
    expect(isCorroborated(start, end, [])).toBe(false)
    expect(isCorroborated(start, end, ['2026-03-05T00:09:59.000Z', '2026-03-05T06:40:01.000Z'])).toBe(false)
  })
})

describe('ratingsThatCorroborate', () => {
  it('keeps a rating only once its China day has passed: 2026-03-05 15:00 China counts from 03-06 00:00 China', () => {
    const rated = '2026-03-05T07:00:00.000Z' // 15:00 China on the 5th
    expect(ratingsThatCorroborate([rated], new Date('2026-03-05T07:00:00.000Z'))).toEqual([])
    expect(ratingsThatCorroborate([rated], new Date('2026-03-05T15:59:59.999Z'))).toEqual([]) // 23:59:59 China
    expect(ratingsThatCorroborate([rated], new Date('2026-03-05T16:00:00.000Z'))).toEqual([rated]) // 00:00 on the 6th
  })

  it('reads the day in China time: 2026-03-04 23:30 UTC is already the 5th in China', () => {
    expect(ratingsThatCorroborate(['2026-03-04T23:30:00.000Z'], new Date('2026-03-05T10:00:00.000Z'))).toEqual([])
    expect(ratingsThatCorroborate(['2026-03-04T15:30:00.000Z'], new Date('2026-03-05T10:00:00.000Z'))).toEqual(['2026-03-04T15:30:00.000Z'])
  })
})
