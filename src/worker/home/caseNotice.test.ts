// The worker's home notice of their bad-review cases: waiting ones, and those an upheld appeal withdrew
// within 30 days, the day of the decision included (withdrawn 11-02 → shown through 12-01).
import type { WorkerCaseView } from '../../core/cases'
import { workerCaseNotice } from './caseNotice'

const kase = (caseId: string, stage: WorkerCaseView['stage'], withdrawnOn?: string): WorkerCaseView => ({
  caseId,
  level: 1,
  month: '2026-10',
  comment: '',
  stage,
  overdue: null,
  ...(withdrawnOn === undefined ? {} : { withdrawnOn }),
})

const CASES = [kase('call', 'callback'), kase('fix', 'rectify'), kase('wait', 'confirm'), kase('done', 'closed'), kase('gone', 'withdrawn', '2026-11-02')]
const ids = (cases: WorkerCaseView[]) => cases.map((c) => c.caseId)

describe('workerCaseNotice', () => {
  it('asks the worker only about cases waiting for the call-back or the rectification', () => {
    expect(ids(workerCaseNotice(CASES, '2026-11-02').open)).toEqual(['call', 'fix'])
  })

  it('says 评价已撤销 from the day the appeal was upheld through the 30th day, 12-01; not on 12-02', () => {
    expect(ids(workerCaseNotice(CASES, '2026-11-02').withdrawn)).toEqual(['gone'])
    expect(ids(workerCaseNotice(CASES, '2026-12-01').withdrawn)).toEqual(['gone'])
    expect(ids(workerCaseNotice(CASES, '2026-12-02').withdrawn)).toEqual([])
  })

  it('never counts a withdrawn case among those to rectify, however it stood before', () => {
    expect(ids(workerCaseNotice([kase('gone', 'withdrawn', '2026-11-02')], '2026-11-02').open)).toEqual([])
  })
})
