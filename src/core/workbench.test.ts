import { caseCounts } from './workbench'

// Fri 2026-12-04 is today; deadlines in working days (no holidays): a call-back due Thu 12-03 is 1 late.
const calendar = { holidays: [], makeupWorkdays: [] }
const TODAY = '2026-12-04'

it('counts the cases waiting for a call-back or a rectification, and the late ones among them', () => {
  const cases = [
    { callbackDue: '2026-12-07', rectifyDue: '2026-12-25' }, // waits for the call-back, in time
    { callbackDue: '2026-12-03', rectifyDue: '2026-12-24' }, // call-back 1 working day late
    { callbackDue: '2026-11-20', rectifyDue: '2026-12-03', callback: {} }, // rectification late
    { callbackDue: '2026-11-20', rectifyDue: '2026-12-11', callback: {} }, // rectifying, in time
    { callbackDue: '2026-11-20', rectifyDue: '2026-11-30', callback: {}, rectification: {} }, // waits for the rater: not the community's
    { callbackDue: '2026-11-01', rectifyDue: '2026-11-10', callback: {}, rectification: {}, confirmation: {} }, // closed
  ]
  expect(caseCounts(cases, TODAY, calendar)).toEqual({ count: 4, overdue: 2 })
  expect(caseCounts([], TODAY, calendar)).toEqual({ count: 0, overdue: 0 })
})
