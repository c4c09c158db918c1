import { Text, View } from '@tarojs/components'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCommunityWorkers } from '../../hooks/invites'
import { useSession } from '../../hooks/useSession'
import { BigButton } from '../../components/BigButton'
import { workersProblem } from './problems'
import { WorkerInviteRow } from './WorkerInviteRow'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import './index.css'

/** A community admin's workers: who has bound their WeChat, and a one-time invite code for each. */
export default function WorkersPage() {
  const { session, may } = useSession()
  const allowed = may('community.workers')
  const notForCaller = session !== null && !allowed
  const { state, reload } = useCommunityWorkers(allowed)
  const workers = state.status === 'ok' ? state.data.workers : []
  const bound = workers.filter((worker) => worker.bound).length
  const problem = state.status === 'error' ? workersProblem(state.error) : null

  return (
    <Screen className='staff'>
      <Text className='staff-title'>社区工作者与邀请码</Text>
      <Text className='staff-summary__note'>
        给工作者生成邀请码，请本人用自己的微信扫码，即可绑定工作账号。每个邀请码只能用一次，7 天内有效。
      </Text>

      {notForCaller ? (
        <Notice kind='info' title='这里只对社区管理员开放' detail='社区管理员在这里管理本社区工作者的微信绑定。' />
      ) : null}
      {!notForCaller && (state.status === 'idle' || state.status === 'loading') ? (
        <Notice kind='loading' title='正在读取本社区的工作者…' />
      ) : null}
      {problem ? (
        <Notice kind='error' title={problem.title} detail={problem.detail}>
          {problem.retry ? <BigButton onClick={() => reload()}>再试一次</BigButton> : null}
        </Notice>
      ) : null}
      {state.status === 'ok' && workers.length === 0 ? (
        <Notice kind='empty' title={`${state.data.community}还没有登记社区工作者`} detail='登记工作者后，就可以在这里给他们生成邀请码。' />
      ) : null}

      {workers.length > 0 && state.status === 'ok' ? (
        <View>
          <Text className='staff-summary'>
            {state.data.community}：共 {workers.length} 名，已绑定微信 {bound} 名
          </Text>
          {workers.map((worker) => (
            <WorkerInviteRow key={worker.workerCode} worker={worker} community={state.data.community} />
          ))}
        </View>
      ) : null}
    </Screen>
  )
}
