import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { chinaDateTimeLabel } from '../../core/invites'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useAcceptInvite, useInviteCard } from '../../hooks/invites'
import { decodeOption, goHome } from '../../routes'
import { closedInvite, inviteProblem, inviteWording, recordLabel, type InviteProblem } from './messages'
import './index.css'

function Problem({ problem, onRetry }: { problem: InviteProblem; onRetry?: () => void }) {
  return (
    <Notice kind='error' title={problem.title} detail={problem.detail}>
      {problem.retry && onRetry ? <BigButton onClick={onRetry}>再试一次</BigButton> : null}
      <BigButton variant={problem.retry ? 'secondary' : 'primary'} className='invite__home' onClick={goHome}>
        回到首页
      </BigButton>
    </Notice>
  )
}

/** Opened by an invite's code (`scene` = invite code): binds this WeChat account to one worker record. */
export default function InvitePage() {
  const { params } = useRouter()
  const inviteCode = decodeOption(params.scene)
  const { state: cardState, reload } = useInviteCard(inviteCode)
  const { state: acceptState, run } = useAcceptInvite()

  if (inviteCode === null) {
    return (
      <Screen>
        <Problem problem={{ title: '没有找到邀请码', detail: '请重新扫社区管理员给您的邀请码。', retry: false }} />
      </Screen>
    )
  }
  if (cardState.status === 'idle' || cardState.status === 'loading') {
    return (
      <Screen>
        <Notice kind='loading' title='正在读取邀请…' />
      </Screen>
    )
  }
  if (cardState.status === 'error') {
    return (
      <Screen>
        <Problem problem={inviteProblem(cardState.error, false)} onRetry={() => reload()} />
      </Screen>
    )
  }

  const card = cardState.data
  const words = inviteWording(card)
  if (acceptState.status === 'ok' || card.status === 'accepted') {
    const title = card.role === 'worker' ? '已绑定，可以在首页进入我的工作台' : '已绑定，可以在首页进入工作页面'
    return (
      <Screen>
        <Notice kind='success' title={title} detail={words.done}>
          <BigButton onClick={goHome}>回到首页</BigButton>
        </Notice>
      </Screen>
    )
  }
  const closed = closedInvite(card)
  if (closed !== null) {
    return (
      <Screen>
        <Problem problem={closed} />
      </Screen>
    )
  }

  const failed = acceptState.status === 'error' ? inviteProblem(acceptState.error, true) : null
  return (
    <Screen className='invite'>
      <Text className='title'>{card.role === 'worker' ? '绑定工作账号' : '接受邀请'}</Text>
      <View className='panel invite__card'>
        <Text className='invite__lead'>{words.lead}</Text>
        <Text className='invite__record'>{recordLabel(card)}</Text>
        {words.tail ? <Text className='invite__lead'>{words.tail}</Text> : null}
      </View>
      <Text className='invite__explain'>{words.explain}</Text>
      <Text className='invite__expiry muted'>邀请码有效期至 {chinaDateTimeLabel(card.expiresAt)}</Text>
      {failed ? <Notice kind='error' title={failed.title} detail={failed.detail} /> : null}
      <BigButton
        className='invite__confirm'
        loading={acceptState.status === 'loading'}
        onClick={() => void run({ inviteCode: card.inviteCode })}
      >
        {acceptState.status === 'loading' ? '正在绑定…' : '确认绑定'}
      </BigButton>
    </Screen>
  )
}
