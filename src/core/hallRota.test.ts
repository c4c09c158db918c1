// The hall's duty rota over May 2026, worked out by hand.
// May 2026 starts on a Friday:
//   Fr 1 | Sa 2 Su 3 | Mo 4 … Fr 8 | Sa 9 Su 10 | Mo 11 … Fr 15 | … | Mo 25 … Fr 29 | Sa 30 Su 31
//   Monday–Friday: 1 + 5 + 5 + 5 + 5 = 21.
// Labour Day holidays 05-01 … 05-05: of these Fr 1, Mo 4, Tu 5 are weekdays, so 21 − 3 = 18; the make-up
// workday Sa 05-09 adds one: 19 working days. Days off: 31 − 19 = 12.
// 4 on duty a working day: 19 × 4 = 76 duties over 18 workers, mean 76 / 18 = 4.22…: everyone within one
// day of it means 4 or 5 days each (3.22 … 5.22), and 76 = 14 × 4 + 4 × 5.
import { applyChange, dayProblem, generateRotaDays, hallDaysOf, isBalanced, meanHallDays, rotaProblem, setupProblem, workingDatesOf, type RotaDay } from './hallRota'
import type { HallRotaSetup } from './hallSchemas'

const LABOUR_DAY = { holidays: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'], makeupWorkdays: ['2026-05-09'] }
const YQ = Array.from({ length: 18 }, (_, i) => `YQ${String(i + 1).padStart(2, '0')}`)
const NAMES: Record<string, string> = { YQ01: '刘建华', YQ02: '王志强', YQ03: '陈秀英', YQ05: '李国栋', YQ10: '郑海燕' }
const nameOf = (code: string) => NAMES[code] ?? code

/** Groups of four in code order (the last of two); AB pairs 刘建华/王志强 (one group) and 李国栋/郑海燕. */
const SETUP: HallRotaSetup = {
  staffing: 4,
  groups: [YQ.slice(0, 4), YQ.slice(4, 8), YQ.slice(8, 12), YQ.slice(12, 16), YQ.slice(16)],
  pairs: [{ a: 'YQ01', b: 'YQ02' }, { a: 'YQ05', b: 'YQ10' }],
}

const generated = () => generateRotaDays({ month: '2026-05', setup: SETUP, calendar: LABOUR_DAY }).days
const on = (days: RotaDay[], date: string) => days.find((d) => d.date === date)?.workerCodes

describe('generateRotaDays over May 2026', () => {
  it('counts 19 working days: the holidays off, the make-up Saturday 05-09 on', () => {
    const working = workingDatesOf('2026-05', LABOUR_DAY)
    expect(working).toHaveLength(19)
    expect(working.slice(0, 4)).toEqual(['2026-05-06', '2026-05-07', '2026-05-08', '2026-05-09'])
  })

  it('puts 4 on duty every working day and nobody on the 12 days off', () => {
    const days = generated()
    const working = new Set(workingDatesOf('2026-05', LABOUR_DAY))
    expect(days).toHaveLength(31)
    expect(days.filter((d) => working.has(d.date)).every((d) => d.workerCodes.length === 4)).toBe(true)
    const off = days.filter((d) => !working.has(d.date))
    expect(off).toHaveLength(12)
    expect(off.every((d) => d.workerCodes.length === 0)).toBe(true)
    expect(on(days, '2026-05-01')).toEqual([])
    expect(on(days, '2026-05-09')).toHaveLength(4)
  })

  it('keeps every worker within one day of the mean 4.22: fourteen work 4 days, four work 5', () => {
    const days = generated()
    expect(meanHallDays(days, SETUP.groups)).toBeCloseTo(76 / 18, 12)
    const counts = [...hallDaysOf(days, SETUP.groups).values()]
    expect(counts.filter((n) => n === 4)).toHaveLength(14)
    expect(counts.filter((n) => n === 5)).toHaveLength(4)
    expect(isBalanced(days, SETUP.groups)).toBe(true)
  })

  it('never puts an AB pair on one day: 王志强 waits while 刘建华 is on, and takes the window on 05-11', () => {
    const days = generated()
    // Day one takes the cycle from 刘建华, skipping his B 王志强; day two goes on from YQ06.
    expect(on(days, '2026-05-06')).toEqual(['YQ01', 'YQ03', 'YQ04', 'YQ05'])
    expect(on(days, '2026-05-07')).toEqual(['YQ06', 'YQ07', 'YQ08', 'YQ09'])
    expect(on(days, '2026-05-08')).toEqual(['YQ10', 'YQ11', 'YQ12', 'YQ13'])
    expect(on(days, '2026-05-09')).toEqual(['YQ14', 'YQ15', 'YQ16', 'YQ17'])
    // Fewest days first: YQ18 and 王志强 (0 days), then the cycle from YQ18 on without 刘建华.
    expect(on(days, '2026-05-11')).toEqual(['YQ18', 'YQ02', 'YQ03', 'YQ04'])
    for (const day of days) {
      for (const { a, b } of SETUP.pairs) expect({ date: day.date, both: day.workerCodes.includes(a) && day.workerCodes.includes(b) }).toEqual({ date: day.date, both: false })
    }
    expect(rotaProblem(days, SETUP, LABOUR_DAY, nameOf)).toBeNull()
  })

  it('continues next month from the worker after this month’s last, so a year of months is one cycle', () => {
    const plain = { ...SETUP, pairs: [] }
    const may = generateRotaDays({ month: '2026-05', setup: plain, calendar: LABOUR_DAY })
    // 76 duties = 4 whole cycles of 18 (72) and 4 more: YQ01 … YQ04 worked 5 days, the next is YQ05.
    expect(may.next).toBe('YQ05')
    const june = generateRotaDays({ month: '2026-06', setup: plain, calendar: { holidays: [], makeupWorkdays: [] }, startWith: may.next })
    expect(june.days.find((d) => d.workerCodes.length > 0)?.workerCodes).toEqual(['YQ05', 'YQ06', 'YQ07', 'YQ08'])
    expect(isBalanced([...may.days, ...june.days], plain.groups)).toBe(true)
  })
})

describe('setupProblem', () => {
  it('asks for every worker in post in one group, and staffing that the AB pairs leave room for', () => {
    expect(setupProblem(SETUP, YQ, nameOf)).toBeNull()
    expect(setupProblem({ ...SETUP, groups: [YQ.slice(0, 17)] }, YQ, nameOf)).toBe('YQ18 还没有编组，请把每位在岗工作人员都编进一个组')
    expect(setupProblem({ ...SETUP, groups: [YQ, ['YQ01']] }, YQ, nameOf)).toBe('刘建华 被编进了两个组，每人只能在一个组')
    expect(setupProblem({ ...SETUP, pairs: [{ a: 'YQ01', b: 'YQ02' }, { a: 'YQ02', b: 'YQ03' }] }, YQ, nameOf)).toBe('王志强 只能在一组 AB 岗里')
    // 4 workers in two pairs: at most 2 of them in the hall at once.
    const four = { staffing: 3, groups: [['YQ01', 'YQ02', 'YQ03', 'YQ05']], pairs: [{ a: 'YQ01', b: 'YQ02' }, { a: 'YQ03', b: 'YQ05' }] }
    expect(setupProblem(four, ['YQ01', 'YQ02', 'YQ03', 'YQ05'], nameOf)).toBe('每天 3 人值班排不开：4 人里 AB 岗的两人不能同一天值班，最多 2 人能同时在大厅')
  })
})

describe('applyChange: editing a day and swapping two workers', () => {
  it('swaps 刘建华 (05-06) and YQ06 (05-07): each takes the other’s window, and the hall days stay as they were', () => {
    const days = generated()
    const changed = applyChange(days, { kind: 'swap', first: { date: '2026-05-06', workerCode: 'YQ01' }, second: { date: '2026-05-07', workerCode: 'YQ06' } }, nameOf)
    if ('problem' in changed) throw new Error(changed.problem)
    expect(on(changed.days, '2026-05-06')).toEqual(['YQ06', 'YQ03', 'YQ04', 'YQ05'])
    expect(on(changed.days, '2026-05-07')).toEqual(['YQ01', 'YQ07', 'YQ08', 'YQ09'])
    expect(changed.touched).toEqual(['2026-05-06', '2026-05-07'])
    expect(hallDaysOf(changed.days, SETUP.groups)).toEqual(hallDaysOf(days, SETUP.groups))
    expect(rotaProblem(changed.days, SETUP, LABOUR_DAY, nameOf)).toBeNull()
  })

  it('refuses a swap that leaves 刘建华’s window without a B to cover it: 王志强 onto 05-06 beside him', () => {
    const days = generated()
    const changed = applyChange(days, { kind: 'swap', first: { date: '2026-05-06', workerCode: 'YQ03' }, second: { date: '2026-05-11', workerCode: 'YQ02' } }, nameOf)
    if ('problem' in changed) throw new Error(changed.problem)
    expect(rotaProblem(changed.days, SETUP, LABOUR_DAY, nameOf)).toBe('5月6日 刘建华 和 B 岗 王志强 都在大厅值班，刘建华 的窗口就没有人顶岗了，请换一个人')
  })

  it('refuses a swap of someone not on duty that day, and a swap within one day', () => {
    const days = generated()
    expect(applyChange(days, { kind: 'swap', first: { date: '2026-05-06', workerCode: 'YQ02' }, second: { date: '2026-05-07', workerCode: 'YQ06' } }, nameOf)).toEqual({ problem: '5月6日没有排 王志强 值班' })
    expect(applyChange(days, { kind: 'swap', first: { date: '2026-05-06', workerCode: 'YQ01' }, second: { date: '2026-05-06', workerCode: 'YQ03' } }, nameOf)).toEqual({
      problem: '请选择两天里的两个人对调；同一天的两个人对调，值班表不变',
    })
  })

  it('checks an edited day: 4 people, each once, no one on a holiday', () => {
    const fine = { date: '2026-05-07', workerCodes: ['YQ06', 'YQ07', 'YQ08', 'YQ03'] }
    expect(dayProblem(fine, SETUP, LABOUR_DAY, nameOf)).toBeNull()
    expect(dayProblem({ ...fine, workerCodes: ['YQ06', 'YQ07', 'YQ08'] }, SETUP, LABOUR_DAY, nameOf)).toBe('5月7日排了 3 人，每天应有 4 人值班')
    expect(dayProblem({ ...fine, workerCodes: ['YQ06', 'YQ07', 'YQ07', 'YQ08'] }, SETUP, LABOUR_DAY, nameOf)).toBe('5月7日 YQ07 排了两次')
    expect(dayProblem({ date: '2026-05-04', workerCodes: ['YQ06'] }, SETUP, LABOUR_DAY, nameOf)).toBe('5月4日不是工作日，大厅不排值班')
    expect(dayProblem({ ...fine, workerCodes: ['YQ05', 'YQ10', 'YQ07', 'YQ08'] }, SETUP, LABOUR_DAY, nameOf)).toBe('5月7日 李国栋 和 B 岗 郑海燕 都在大厅值班，李国栋 的窗口就没有人顶岗了，请换一个人')
  })
})
