import { feedbackClosesAt, isFeedbackOpen, visitTimeLabel } from './visits'

describe('the feedback window (feedbackWindowDays, default 7)', () => {
  const at = '2026-03-15T02:00:00.000Z' // 10:00 China time, 15 March
  it('closes exactly 7 x 24 hours after the visit', () => {
    expect(feedbackClosesAt(at, 7).toISOString()).toBe('2026-03-22T02:00:00.000Z')
  })
  it('is open from the visit until the last millisecond before that, and closed from then on', () => {
    expect(isFeedbackOpen(at, new Date('2026-03-15T02:00:00.000Z'), 7)).toBe(true)
    expect(isFeedbackOpen(at, new Date('2026-03-22T01:59:59.999Z'), 7)).toBe(true)
    expect(isFeedbackOpen(at, new Date('2026-03-22T02:00:00.000Z'), 7)).toBe(false)
  })
  it('follows the setting: 1 day closes on 16 March at the same time', () => {
    expect(isFeedbackOpen(at, new Date('2026-03-16T01:59:00.000Z'), 1)).toBe(true)
    expect(isFeedbackOpen(at, new Date('2026-03-16T02:00:00.000Z'), 1)).toBe(false)
  })
})

describe('visitTimeLabel: when a visit was, in China time, as a person says it', () => {
  const now = new Date('2026-03-15T02:00:00.000Z') // 10:00, 15 March 2026, China time
  it.each([
    ['2026-03-15T01:05:00.000Z', '今天 09:05'],
    ['2026-03-14T16:00:00.000Z', '今天 00:00'], // midnight China time is still today
    ['2026-03-14T15:59:00.000Z', '昨天 23:59'],
    ['2026-03-13T15:59:00.000Z', '3月13日 23:59'],
    ['2026-01-01T00:30:00.000Z', '1月1日 08:30'],
    ['2025-12-31T08:00:00.000Z', '2025年12月31日 16:00'],
  ])('%s reads %s', (at, label) => {
    expect(visitTimeLabel(at, now)).toBe(label)
  })
})
