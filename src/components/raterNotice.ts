// Which notice the rater's home page shows of their bad-review cases (case.mine), one decision at a time
// (DESIGN section 8): first a case still asking 留电话 / 不需要回访 — the community waits for that answer to
// call back within a working day, and a rater who left the result screen without answering has not given
// it — then a rectified case waiting for their verdict.
import { type RaterCaseView, awaitsContactChoice } from '../core/cases'

export type RaterNotice =
  | { kind: 'contact'; case: RaterCaseView }
  | { kind: 'verdict'; case: RaterCaseView; waiting: number }

export function raterNoticeOf(cases: readonly RaterCaseView[]): RaterNotice | null {
  const asking = cases.find(awaitsContactChoice)
  if (asking !== undefined) return { kind: 'contact', case: asking }
  const rectified = cases.filter((c) => c.stage === 'confirm')
  return rectified.length > 0 ? { kind: 'verdict', case: rectified[0], waiting: rectified.length } : null
}
