// The demo's hall (backend/demo/seedHall.ts, seedFieldTime.ts): the minutes of a hall day move to the
// worker's field days of the month, so the month's grid time is what it would be without the hall; and
// 银泉's rotas chain month to month, 4 a day on every weekday, from twelve months back to now.
import { demoOrg } from '@backend/demo/seed'
import { demoHallRotas } from '@backend/demo/seedHall'
import { withoutHallDays } from '@backend/demo/seedFieldTime'
import { hallDaysOf, isBalanced } from '@core/hallRota'

describe('withoutHallDays', () => {
  it('moves a hall day’s minutes evenly onto the field days: 400 over two days is 200 each', () => {
    expect(withoutHallDays([300, 400, 500], [false, true, false])).toEqual([500, 0, 700])
  })

  it('keeps the month’s total to the minute: 101 over two days is 51 and 50, the first day taking the rest', () => {
    const logged = withoutHallDays([101, 100, 100], [true, false, false])
    expect(logged).toEqual([0, 151, 150])
    expect(logged.reduce((a, b) => a + b, 0)).toBe(301)
  })
})

describe('demoHallRotas', () => {
  // 2026-07-10: twelve months back is 2025-07, the current month 2026-07: 13 rotas.
  const rotas = demoHallRotas(demoOrg(), new Date('2026-07-10T02:00:00.000Z'))

  it('has 银泉’s rota for each month from 2025-07 to 2026-07, 4 on duty each weekday', () => {
    expect(rotas.map((r) => r.month)).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'])
    expect(rotas.every((r) => r.communityId === 'yinquan' && r.staffing === 4 && r.groups.flat().length === 18)).toBe(true)
    // July 2025 starts on a Tuesday: 23 weekdays (1–4, 7–11, 14–18, 21–25, 28–31).
    expect(rotas[0].days.filter((d) => d.workerCodes.length === 4)).toHaveLength(23)
  })

  it('rotates as one cycle over the year: every worker within one day of the mean of the twelve months', () => {
    const year = rotas.slice(0, 12).flatMap((r) => r.days)
    expect(isBalanced(year, rotas[0].groups)).toBe(true)
    const counts = [...hallDaysOf(year, rotas[0].groups).values()]
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
  })
})
