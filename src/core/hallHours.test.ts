// Duty hours, China time (UTC+8): 8:30–12:00 and 14:30–17:30. 00:30 UTC is 8:30 in China.
import { communityOfHallCode, hallCodeOf, HALL_HOURS_TEXT, withinDutyHours } from './hallHours'

const at = (utc: string) => new Date(`2026-10-12T${utc}:00.000Z`)

describe('withinDutyHours', () => {
  it('opens at 8:30 and 14:30 China time and closes at 12:00 and 17:30', () => {
    expect([at('00:29'), at('00:30'), at('03:59'), at('04:00')].map(withinDutyHours)).toEqual([false, true, true, false])
    expect([at('06:29'), at('06:30'), at('09:29'), at('09:30')].map(withinDutyHours)).toEqual([false, true, true, false])
  })

  it('is closed at night, whatever the UTC date says: 16:30 UTC is 00:30 the next day in China', () => {
    expect(withinDutyHours(at('16:30'))).toBe(false)
  })

  it('says the hours in words', () => {
    expect(HALL_HOURS_TEXT).toBe('工作日 8:30–12:00、14:30–17:30')
  })
})

describe('hall codes', () => {
  it('are the community id under hall-, and read back', () => {
    expect(hallCodeOf('yinquan')).toBe('hall-yinquan')
    expect(communityOfHallCode('hall-cm-0a1b2c3d4e')).toBe('cm-0a1b2c3d4e')
    expect(communityOfHallCode('YQ01')).toBeNull()
    expect(communityOfHallCode('hall-')).toBeNull()
  })
})
