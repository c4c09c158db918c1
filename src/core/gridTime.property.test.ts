// The grid time's fast paths against straightforward references written here, for any input: a year's
// report checks thousands of sessions against thousands of events, so corroboration sorts once and
// searches, minutes are counted by arithmetic on clock minutes, and working days by day numbers. Each
// must give exactly what the plain rule gives: an event inside [start, end] (both ends included); each
// whole clock minute of a session counted in the China month it falls in; Monday–Friday, minus holidays,
// plus make-up days, up to today.
import * as fc from 'fast-check'
import { corroboratedSessions, minutesInMonths } from './fieldSessions'
import { workingDays } from './gridTime'
import { addMonths, monthsOf } from './periods'

const MINUTE = 60_000
const CHINA = 8 * 60 * MINUTE

/** A moment near 2026-03-31T16:00Z (the start of April, China time), to the millisecond, as ISO. */
const BASE = Date.parse('2026-03-31T16:00:00.000Z')
const near = (spanMinutes: number) =>
  fc.tuple(fc.integer({ min: -spanMinutes, max: spanMinutes }), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 59_999 }))).map(([minute, ms]) => BASE + minute * MINUTE + ms)
const iso = (t: number) => new Date(t).toISOString()

describe('corroboratedSessions', () => {
  /** The rule, one session and one event at a time. */
  const reference = (startedAt: string, endedAt: string, events: readonly string[]) =>
    events.some((at) => new Date(at).getTime() >= new Date(startedAt).getTime() && new Date(at).getTime() <= new Date(endedAt).getTime())

  const session = fc.tuple(near(600), fc.integer({ min: -5, max: 720 }), fc.integer({ min: 0, max: 59_999 })).map(([start, minutes, ms]) => ({
    startedAt: iso(start),
    endedAt: iso(start + minutes * MINUTE + (minutes === 0 ? ms : 0)),
  }))

  it('marks exactly the sessions the rule marks, events in any order, on the ends included', () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 30 }), fc.array(near(900), { maxLength: 40 }), fc.array(fc.nat(3)), fc.boolean(), (sessions, times, ends, withBadTime) => {
        // Events also exactly on some sessions' start (0), end (1), both (2) or neither (3), and (sometimes) a time that is no time.
        const onEnds = sessions.flatMap((s, i) => [...(ends[i] === 0 || ends[i] === 2 ? [s.startedAt] : []), ...(ends[i] === 1 || ends[i] === 2 ? [s.endedAt] : [])])
        const events = [...times.map(iso), ...onEnds, ...(withBadTime ? ['not a time'] : [])]
        const shuffled = [...events].reverse()
        expect(corroboratedSessions(sessions, shuffled)).toEqual(sessions.map((s) => reference(s.startedAt, s.endedAt, shuffled)))
      }),
    )
  })
})

describe('minutesInMonths', () => {
  /** Each whole clock minute of the session, counted in the China month it falls in. */
  const reference = (startedAt: string, endedAt: string, months: readonly string[]) => {
    let count = 0
    for (let minute = Math.floor(Date.parse(startedAt) / MINUTE); minute < Math.floor(Date.parse(endedAt) / MINUTE); minute += 1) {
      if (months.includes(new Date(minute * MINUTE + CHINA).toISOString().slice(0, 7))) count += 1
    }
    return count
  }

  it('counts what the minute-by-minute rule counts, across month ends, for any months asked', () => {
    const months = fc.subarray(['2026-02', '2026-03', '2026-04', '2026-05'])
    fc.assert(
      fc.property(near(900), fc.integer({ min: -10, max: 720 }), fc.integer({ min: 0, max: 59_999 }), months, (start, minutes, ms, asked) => {
        const [startedAt, endedAt] = [iso(start), iso(start + minutes * MINUTE + ms)]
        expect(minutesInMonths(startedAt, endedAt, asked)).toBe(reference(startedAt, endedAt, asked))
      }),
    )
  })
})

describe('workingDays', () => {
  /** Day by day, as a calendar is read: Monday–Friday unless a holiday, any make-up day, none after today. */
  const reference = (period: string, holidays: string[], makeup: string[], today?: string) => {
    const months = monthsOf(period)
    const end = Date.parse(`${addMonths(months[months.length - 1], 1)}-01T00:00:00.000Z`)
    let count = 0
    for (let t = Date.parse(`${months[0]}-01T00:00:00.000Z`); t < end; t += 24 * 60 * MINUTE) {
      const date = iso(t).slice(0, 10)
      if (today !== undefined && date > today) break
      const weekday = new Date(t).getUTCDay()
      if (makeup.includes(date) || (weekday >= 1 && weekday <= 5 && !holidays.includes(date))) count += 1
    }
    return count
  }

  const date = fc.integer({ min: Date.parse('2025-11-20T00:00:00Z') / 86_400_000, max: Date.parse('2027-02-10T00:00:00Z') / 86_400_000 }).map((day) => iso(day * 86_400_000).slice(0, 10))
  const period = fc.oneof(
    fc.integer({ min: 0, max: 23 }).map((k) => addMonths('2025-12', k)),
    fc.constantFrom('2026-H1', '2026-H2', '2026'),
  )

  it('gives what the day-by-day count gives, holidays and make-up days overlapping, with or without today', () => {
    fc.assert(
      fc.property(period, fc.array(date, { maxLength: 25 }), fc.array(date, { maxLength: 10 }), fc.nat(5), fc.option(date, { nil: undefined }), (p, holidays, others, shared, today) => {
        // Some days both a holiday and a make-up day (the make-up day wins).
        const makeup = [...others, ...holidays.slice(0, shared)]
        expect(workingDays(p, { holidays, makeupWorkdays: makeup }, today)).toBe(reference(p, holidays, makeup, today))
      }),
    )
  })
})
