// The 5 of 3456: grid time against working days. Calendars worked out by hand:
// October 2026 starts on a Thursday.
//   Th 1  Fr 2  | Sa 3  Su 4 | Mo 5 … Fr 9 | Sa 10 Su 11 | Mo 12 … Fr 16 | … | Mo 26 … Fr 30 | Sa 31
//   Monday–Friday: 2 + 5 + 5 + 5 + 5 = 22.
// National Day holidays 10-01 … 10-07: of these, Th 1, Fr 2, Mo 5, Tu 6, We 7 are weekdays (3, 4 are a
// weekend), so 22 − 5 = 17. Make-up workdays 2026-09-20 (a Sunday, but in September) and 2026-10-10
// (a Saturday): only 10-10 is in October, so 17 + 1 = 18.
import { gridTimeOf, gridTimeRatio, meetsGridTimeTarget, workingDays } from './gridTime'

const none = { holidays: [], makeupWorkdays: [] }
const nationalDay = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupWorkdays: ['2026-09-20', '2026-10-10'],
}

describe('workingDays', () => {
  it('counts Monday to Friday: 22 in October 2026, 20 in February 2026 (four whole weeks from a Sunday)', () => {
    expect(workingDays('2026-10', none)).toBe(22)
    expect(workingDays('2026-02', none)).toBe(20)
  })

  it('takes out the National Day holidays and adds the make-up Saturday: 22 − 5 + 1 = 18', () => {
    expect(workingDays('2026-10', { ...nationalDay, makeupWorkdays: [] })).toBe(17)
    expect(workingDays('2026-10', nationalDay)).toBe(18)
  })

  it('counts a make-up Sunday in September in September: 22 + 1 = 23', () => {
    // September 2026 starts on a Tuesday: Tu 1 … Fr 4 (4), then four full weeks 7–11, 14–18, 21–25, 28–30 (3)
    // = 4 + 5 + 5 + 5 + 3 = 22 weekdays; the make-up Sunday 20th makes 23.
    expect(workingDays('2026-09', none)).toBe(22)
    expect(workingDays('2026-09', nationalDay)).toBe(23)
  })

  it('adds the months of a half-year: 2026-H1 = 22 + 20 + 22 + 22 + 21 + 22 = 129', () => {
    // Jan from Th 1: 4 weeks + Th, Fr, Sa → 22; Feb 20; Mar from Su 1: 4 weeks + Su, Mo, Tu → 22;
    // Apr from We 1: 4 weeks + We, Th → 22; May from Fr 1: 4 weeks + Fr, Sa, Su → 21; Jun from Mo 1: 4 weeks + Mo, Tu → 22
    expect(workingDays('2026-H1', none)).toBe(129)
  })

  it('ignores a holiday that falls on a weekend and a make-up day that is already a weekday', () => {
    expect(workingDays('2026-10', { holidays: ['2026-10-03'], makeupWorkdays: ['2026-10-08'] })).toBe(22)
  })

  it('in the current period counts only up to today', () => {
    // 1–9 October: weekdays 1, 2, 5, 6, 7, 8, 9 = 7; without the holidays only 8 and 9 remain
    expect(workingDays('2026-10', none, '2026-10-09')).toBe(7)
    expect(workingDays('2026-10', nationalDay, '2026-10-09')).toBe(2)
    // the make-up Saturday counts once it has come
    expect(workingDays('2026-10', nationalDay, '2026-10-10')).toBe(3)
    expect(workingDays('2026-10', nationalDay, '2026-09-30')).toBe(0)
    expect(workingDays('2026-10', nationalDay, '2026-11-15')).toBe(18)
  })
})

describe('gridTimeRatio and the target', () => {
  // October 2026 with the holidays: 18 days × 480 minutes = 8640 minutes of working time
  it('divides logged grid minutes by working minutes', () => {
    expect(gridTimeRatio(4320, 18, 480)).toBe(0.5) // 4320 / 8640
    expect(gridTimeRatio(5788.8, 18, 480)).toBeCloseTo(0.67, 10) // the pilot's 67%
  })

  it('is missing when there are no working days yet', () => {
    expect(gridTimeRatio(0, 0, 480)).toBeNull()
    expect(gridTimeRatio(120, 0, 480)).toBeNull()
  })

  it('meets the pilot target of 1/2 and the province target of 2/3 exactly at the line', () => {
    expect(meetsGridTimeTarget(4320, 8640, 0.5)).toBe(true)
    expect(meetsGridTimeTarget(4319, 8640, 0.5)).toBe(false)
    expect(meetsGridTimeTarget(5760, 8640, 2 / 3)).toBe(true) // 5760 = 2/3 × 8640
    expect(meetsGridTimeTarget(5759, 8640, 2 / 3)).toBe(false)
    expect(meetsGridTimeTarget(120, 0, 0.5)).toBe(false)
  })

  it('decides 55% exactly where float arithmetic would not: 5808 of 22 × 480 = 10560 minutes is 55%', () => {
    // 5808 / 10560 = 0.55 exactly, but 0.55 is stored as 0.55000000000000004440…, so in binary
    // 0.55 × 10560 = 5808.000000000001 > 5808; read as 55/100: 5808 × 100 = 580800 = 55 × 10560
    expect(5808 < 0.55 * 10560).toBe(true)
    expect(meetsGridTimeTarget(5808, 10560, 0.55)).toBe(true)
    expect(meetsGridTimeTarget(5807, 10560, 0.55)).toBe(false)
  })
})

describe('gridTimeOf: a month with holidays on weekdays and a make-up Saturday', () => {
  // September 2026 starts on a Tuesday: Tu 1 … Fr 4 (4), 7–11, 14–18, 21–25 (15), 28–30 (3) = 22 weekdays.
  // Mid-Autumn holidays on Th 24 and Fr 25: 22 − 2 = 20; make-up Saturday 12th: 20 + 1 = 21 working days,
  // 21 × 480 = 10080 working minutes.
  const settings = {
    holidays: ['2026-09-24', '2026-09-25', '2026-09-26'],
    makeupWorkdays: ['2026-09-12'],
    workMinutesPerDay: 480,
    gridTimeTarget: 2 / 3,
  }
  /** A session on `day` of September 2026 from 08:00 China time (00:00 UTC), `minutes` long. */
  const session = (day: number, minutes: number, corroborated: boolean) => ({
    startedAt: new Date(Date.UTC(2026, 8, day, 0, 0)).toISOString(),
    endedAt: new Date(Date.UTC(2026, 8, day, 0, minutes)).toISOString(),
    corroborated,
  })

  it('counts 21 working days: the Saturday holiday 26th removes nothing', () => {
    expect(workingDays('2026-09', settings)).toBe(21)
  })

  it('gives 6720 / 10080 = 2/3 for fourteen 8-hour sessions, and 3360 / 10080 = 1/3 corroborated', () => {
    const sessions = Array.from({ length: 14 }, (_, i) => session(1 + i, 480, i % 2 === 0))
    expect(gridTimeOf('2026-09', sessions, settings, '2026-11-27')).toEqual({
      period: '2026-09',
      fieldMinutes: 6720,
      corroboratedMinutes: 3360,
      workingDays: 21,
      workingMinutes: 10080,
      ratio: 6720 / 10080,
      corroboratedRatio: 3360 / 10080,
      target: 2 / 3,
      meetsTarget: true,
    })
    expect(gridTimeOf('2026-09', [...sessions.slice(1), session(1, 479, true)], settings, '2026-11-27').meetsTarget).toBe(false)
  })

  it('in the current month measures against the working days so far: by Fr 4th, 4 × 480 = 1920', () => {
    const result = gridTimeOf('2026-09', [session(1, 480, true), session(2, 240, false)], settings, '2026-09-04')
    expect(result).toMatchObject({ fieldMinutes: 720, corroboratedMinutes: 480, workingDays: 4, workingMinutes: 1920, ratio: 720 / 1920 })
  })

  it('has no ratio before the first working day, and does not meet the target then', () => {
    const result = gridTimeOf('2026-10', [], settings, '2026-09-30')
    expect(result).toMatchObject({ workingDays: 0, workingMinutes: 0, ratio: null, corroboratedRatio: null, meetsTarget: false })
  })

  it('counts a session crossing into October only with its September minutes', () => {
    // 30 Sep 22:00 → 1 Oct 02:00 China time (14:00 → 18:00 UTC): 120 minutes in September, 120 in October
    const crossing = { startedAt: '2026-09-30T14:00:00.000Z', endedAt: '2026-09-30T18:00:00.000Z', corroborated: true }
    expect(gridTimeOf('2026-09', [crossing], settings, '2026-11-27')).toMatchObject({ fieldMinutes: 120, corroboratedMinutes: 120 })
    expect(gridTimeOf('2026-10', [crossing], settings, '2026-11-27')).toMatchObject({ fieldMinutes: 120, corroboratedMinutes: 120 })
    expect(gridTimeOf('2026-H2', [crossing], settings, '2026-11-27')).toMatchObject({ fieldMinutes: 240 })
  })
})
