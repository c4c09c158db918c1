import { Screen } from './Screen'
import { BigButton } from './BigButton'
import { Notice } from './Notice'
import { goHome } from '../routes'
import './ProblemScreen.css'

/** Why what was scanned could not be shown, in words the person can act on. */
export interface Problem {
  title: string
  detail?: string
  /** Trying the same thing again may work (network, busy server). */
  retry: boolean
}

/**
 * The page a scanned code opens, when what it names could not be loaded (a worker's card, a visit):
 * the problem in words, 再试一次 when trying again may help, and always the way back home.
 */
export function ProblemScreen({ problem, onRetry }: { problem: Problem; onRetry: () => void }) {
  return (
    <Screen>
      <Notice kind='error' title={problem.title} detail={problem.detail}>
        {problem.retry ? <BigButton onClick={onRetry}>再试一次</BigButton> : null}
        <BigButton variant={problem.retry ? 'secondary' : 'primary'} className='problem-screen__home' onClick={goHome}>
          回到首页
        </BigButton>
      </Notice>
    </Screen>
  )
}
