import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import type { CallError } from '../../platform/call-error'
import { staffProblem } from './problems'

/** A failed staff read or save, in a clerk's words, with a retry where one can help. */
export function StaffProblemNotice({ error, onRetry }: { error: CallError; onRetry: () => void }) {
  const problem = staffProblem(error)
  return (
    <Notice kind='error' title={problem.title} detail={problem.detail}>
      {problem.retry ? <BigButton onClick={onRetry}>再试一次</BigButton> : null}
    </Notice>
  )
}
