import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { goHome } from '../../routes'
import type { CallError } from '../../platform/call-error'

interface WorkerGateProps {
  /** The page's own screen class, so the gate looks like the page it stands in for. */
  className: string
  sessionError: CallError | null
  /** session.me has answered. */
  known: boolean
  isWorker: boolean
  /** What the page is, for the refusal: e.g. 我的工作台, 记录服务, 评价码. */
  what: string
  loadingTitle?: string
  onRetry: () => void
}

/**
 * The worker pages' door: until session.me answers, while it fails, and for anyone not bound to a
 * worker record, a page shows this instead of itself. Null when the caller is a worker: show the page.
 */
export function workerGate({ className, sessionError, known, isWorker, what, loadingTitle, onRetry }: WorkerGateProps) {
  if (sessionError !== null) {
    return (
      <Screen className={className}>
        <Notice kind='error' title='没能确认您的身份' detail={sessionError.message}>
          <BigButton onClick={onRetry}>再试一次</BigButton>
        </Notice>
      </Screen>
    )
  }
  if (!known) {
    return (
      <Screen className={className}>
        <Notice kind='loading' title={loadingTitle ?? '正在打开…'} />
      </Screen>
    )
  }
  if (!isWorker) {
    return (
      <Screen className={className}>
        <Notice kind='info' title={`${what}只对社区工作者开放`} detail='社区工作者请先用社区发来的邀请码绑定微信，再打开这里。'>
          <BigButton variant='secondary' onClick={goHome}>
            回到首页
          </BigButton>
        </Notice>
      </Screen>
    )
  }
  return null
}
