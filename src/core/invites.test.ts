import { chinaDateTimeLabel, inviteExpiresAt, isInviteExpired } from './invites'

describe('an invite’s 7 days (issue 7)', () => {
  it('ends 7 x 24 hours after it is made', () => {
    expect(inviteExpiresAt(new Date('2026-04-10T02:00:00.000Z')).toISOString()).toBe('2026-04-17T02:00:00.000Z')
    // across the end of a month and a year
    expect(inviteExpiresAt(new Date('2026-12-28T23:30:00.000Z')).toISOString()).toBe('2027-01-04T23:30:00.000Z')
  })

  it('is expired from the instant it ends, not a millisecond before', () => {
    const end = '2026-04-17T02:00:00.000Z'
    expect(isInviteExpired(end, new Date('2026-04-17T01:59:59.999Z'))).toBe(false)
    expect(isInviteExpired(end, new Date(end))).toBe(true)
  })

  it('is shown in China time (UTC+8), to the minute', () => {
    expect(chinaDateTimeLabel('2026-04-17T02:00:00.000Z')).toBe('2026年4月17日 10:00')
    // 16:05 UTC is already the next day in China
    expect(chinaDateTimeLabel('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05')
  })
})
