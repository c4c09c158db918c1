import { Image, Text, View } from '@tarojs/components'
import { chinaDateTimeLabel, type CommunityWorker } from '../../core/invites'
import { Notice } from '../../components/Notice'
import { useCreateInvite } from '../../hooks/invites'
import { workersProblem } from './problems'

interface WorkerInviteRowProps {
  worker: CommunityWorker
  community: string
}

/** One worker: post, grid, whether a WeChat account is bound (in words), and 生成邀请码 with its code. */
export function WorkerInviteRow({ worker, community }: WorkerInviteRowProps) {
  const { state, run } = useCreateInvite()
  const problem = state.status === 'error' ? workersProblem(state.error) : null
  const invite = state.status === 'ok' ? state.data : null
  const busy = state.status === 'loading'

  return (
    <View className='staff-panel invite-row' data-worker={worker.workerCode}>
      <View className='invite-row__head'>
        <View className='invite-row__who'>
          <Text className='staff-heading invite-row__name'>{worker.name}</Text>
          <Text className='staff-note invite-row__meta'>
            {worker.workerCode} · {worker.post} · {worker.grid}
          </Text>
          <Text className={`staff-note invite-row__state${worker.bound ? ' invite-row__state--bound' : ''}`}>
            {worker.bound ? '✓ 已绑定微信' : '未绑定微信'}
          </Text>
        </View>
        <View
          className={`invite-row__create${busy ? ' invite-row__create--busy' : ''}`}
          role='button'
          aria-disabled={busy}
          onClick={() => {
            if (!busy) void run({ workerCode: worker.workerCode })
          }}
        >
          <Text>{busy ? '正在生成…' : invite ? '重新生成' : '生成邀请码'}</Text>
        </View>
      </View>

      {invite ? (
        <View className='invite-row__invite'>
          <Text className='invite-row__hint'>请{worker.name}用本人微信扫描下面的邀请码</Text>
          <Image className='invite-row__image' src={invite.image} mode='scaleToFill' />
          <Text className='invite-row__code'>邀请码 {invite.inviteCode}</Text>
          <Text className='invite-row__expiry'>有效期至 {chinaDateTimeLabel(invite.expiresAt)}</Text>
          <Text className='staff-note invite-row__note'>
            {worker.bound
              ? `扫码绑定后，工作账号换到新的微信上，原来绑定的微信不再是${community} ${worker.name}的账号。`
              : `扫码绑定后，这个微信就是${community} ${worker.name}的工作账号。`}
          </Text>
        </View>
      ) : null}
      {problem ? <Notice kind='error' title={problem.title} detail={problem.detail} /> : null}
    </View>
  )
}
