// The bad-review loop's deadlines, worked out by hand on the 2026 calendar:
// 2026-10-01 is a Thursday, so 10-09 is a Friday and 10-12 a Monday.
import { addWorkingDays, awaitsContactChoice, caseOrder, caseOverdue, caseStage, isWorkingDay, workingDaysOver, type CaseView } from './cases'

const PLAIN = { holidays: [], makeupWorkdays: [] }
// National Day as a deployment might configure it: 10-01..10-07 off, Saturday 10-10 a make-up workday.
const NATIONAL_DAY = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupWorkdays: ['2026-10-10'],
}

describe('addWorkingDays', () => {
  it('skips the weekend: opened Fri 2026-10-09, one working day → Mon 2026-10-12', () => {
    expect(addWorkingDays('2026-10-09', 1, PLAIN)).toBe('2026-10-12')
  })

  it('a make-up Saturday counts: opened Fri 10-09 → Sat 10-10', () => {
    expect(addWorkingDays('2026-10-09', 1, NATIONAL_DAY)).toBe('2026-10-10')
  })

  it('skips the National Day holidays: opened Wed 09-30 → Thu 10-08, then 10-09, 10-10 (make-up), 10-12', () => {
    expect([1, 2, 3, 4].map((n) => addWorkingDays('2026-09-30', n, NATIONAL_DAY))).toEqual(['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12'])
  })

  it('15 working days from Mon 2026-11-02 end on Mon 2026-11-23 (three weekends skipped)', () => {
    expect(addWorkingDays('2026-11-02', 15, PLAIN)).toBe('2026-11-23')
  })

  it('a day opened on a weekend counts from the next working day: Sat 10-10 + 1 → Mon 10-12', () => {
    expect(addWorkingDays('2026-10-10', 1, PLAIN)).toBe('2026-10-12')
    expect(isWorkingDay('2026-10-10', PLAIN)).toBe(false)
    expect(isWorkingDay('2026-10-05', NATIONAL_DAY)).toBe(false)
  })
})

describe('workingDaysOver', () => {
  it('is 0 on the due day and over a weekend, then counts working days only', () => {
    expect(workingDaysOver('2026-10-12', '2026-10-12', PLAIN)).toBe(0)
    expect(workingDaysOver('2026-10-09', '2026-10-11', PLAIN)).toBe(0)
    // 10-13, 14, 15, 16 and 19.
    expect(workingDaysOver('2026-10-12', '2026-10-19', PLAIN)).toBe(5)
  })
})

describe('caseStage and caseOverdue', () => {
  const opened = { callbackDue: '2026-10-12', rectifyDue: '2026-11-02' }
  const callback = { at: '2026-10-12T02:00:00.000Z' }
  const rectification = { at: '2026-10-20T02:00:00.000Z' }

  it('moves callback → rectify → confirm → closed', () => {
    expect(caseStage(opened)).toBe('callback')
    expect(caseStage({ ...opened, callback })).toBe('rectify')
    expect(caseStage({ ...opened, callback, rectification })).toBe('confirm')
    expect(caseStage({ ...opened, callback, rectification, confirmation: {} })).toBe('closed')
  })

  it('a call-back not made by 10-12 is 2 working days over on Wed 10-14; none once it is made', () => {
    expect(caseOverdue(opened, '2026-10-12', PLAIN)).toBeNull()
    expect(caseOverdue(opened, '2026-10-14', PLAIN)).toEqual({ step: 'callback', workingDays: 2 })
    expect(caseOverdue({ ...opened, callback }, '2026-10-14', PLAIN)).toBeNull()
  })

  it('a rectification not made by Mon 11-02 is 2 over on Wed 11-04 (the graver lateness wins); a rectified case is never late', () => {
    expect(caseOverdue({ ...opened, callback }, '2026-11-04', PLAIN)).toEqual({ step: 'rectify', workingDays: 2 })
    expect(caseOverdue(opened, '2026-11-04', PLAIN)).toEqual({ step: 'rectify', workingDays: 2 })
    expect(caseOverdue({ ...opened, callback, rectification }, '2026-12-31', PLAIN)).toBeNull()
  })

  it('an upheld appeal withdraws the case at any step: 评价已撤销, and never overdue, however late it was', () => {
    const withdrawal = { at: '2026-11-04T02:00:00.000Z' }
    expect(caseStage({ ...opened, withdrawal })).toBe('withdrawn')
    expect(caseStage({ ...opened, callback, rectification, confirmation: {}, withdrawal })).toBe('withdrawn')
    // The same case without the withdrawal is 2 working days over on 11-04 (above).
    expect(caseOverdue({ ...opened, withdrawal }, '2026-11-04', PLAIN)).toBeNull()
    expect(caseOverdue({ ...opened, callback, withdrawal }, '2026-11-04', PLAIN)).toBeNull()
  })

  it('orders overdue (most days first), then open, then closed', () => {
    const view = (caseId: string, stage: CaseView['stage'], days: number | null, openedOn = '2026-10-09') =>
      ({ caseId, stage, openedOn, overdue: days === null ? null : { step: 'callback', workingDays: days } }) as CaseView
    const sorted = [view('closed', 'closed', null), view('open-old', 'rectify', null, '2026-10-01'), view('late-1', 'callback', 1), view('open-new', 'callback', null, '2026-10-20'), view('late-3', 'callback', 3)].sort(caseOrder)
    expect(sorted.map((c) => c.caseId)).toEqual(['late-3', 'late-1', 'open-new', 'open-old', 'closed'])
    // A withdrawn case is finished: after every open one.
    const withdrawn = [view('gone', 'withdrawn', null, '2026-10-30'), view('open-old', 'rectify', null, '2026-10-01')].sort(caseOrder)
    expect(withdrawn.map((c) => c.caseId)).toEqual(['open-old', 'gone'])
  })
})

describe('awaitsContactChoice', () => {
  it('asks 留电话 / 不需要 only before the call-back and until the rater answered', () => {
    expect(awaitsContactChoice({ stage: 'callback', contactChosen: false })).toBe(true)
    expect(awaitsContactChoice({ stage: 'callback', contactChosen: true })).toBe(false)
    expect(awaitsContactChoice({ stage: 'rectify', contactChosen: false })).toBe(false)
    expect(awaitsContactChoice({ stage: 'withdrawn', contactChosen: false })).toBe(false)
  })
})
