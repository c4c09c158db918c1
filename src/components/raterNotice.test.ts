// The rater's home notice: a case still asking 留电话 / 不需要回访 comes first, until they answer; then a
// rectified case awaiting their verdict, with how many wait.
import type { RaterCaseView } from '../core/cases'
import { raterNoticeOf } from './raterNotice'

const kase = (caseId: string, stage: RaterCaseView['stage'], contactChosen: boolean): RaterCaseView => ({ caseId, workerName: '张敏', level: 1, month: '2026-10', stage, contactChosen })

describe('raterNoticeOf', () => {
  it('asks the choice of a case before its call-back while the rater has not answered', () => {
    expect(raterNoticeOf([kase('a', 'callback', false)])).toEqual({ kind: 'contact', case: kase('a', 'callback', false) })
  })

  it('stops asking once they answered (a number or 不需要), or once the call-back was made or the rating withdrawn', () => {
    expect(raterNoticeOf([kase('a', 'callback', true)])).toBeNull()
    expect(raterNoticeOf([kase('a', 'rectify', false)])).toBeNull()
    expect(raterNoticeOf([kase('a', 'withdrawn', false)])).toBeNull()
  })

  it('puts the choice before a verdict; the verdict then counts the rectified cases waiting', () => {
    const rectified = [kase('r1', 'confirm', true), kase('r2', 'confirm', false)]
    expect(raterNoticeOf([...rectified, kase('a', 'callback', false)])).toMatchObject({ kind: 'contact', case: { caseId: 'a' } })
    expect(raterNoticeOf([...rectified, kase('a', 'callback', true)])).toEqual({ kind: 'verdict', case: rectified[0], waiting: 2 })
  })
})
