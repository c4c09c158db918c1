import { useState } from 'react'
import { Text } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useAppealQueue, useDecideAppeal } from '../../hooks/appeals'
import { useSession } from '../../hooks/useSession'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { AppealReviewCard } from './AppealReviewCard'
import '../../styles/staff.css'
import '../../styles/staffCards.css'
import '../../styles/staffDesktop.css'
import './index.css'

/** 申诉复核: the sub-district's appeals of bad ratings, pending first, each decided with a note. */
export default function AppealReviewPage() {
  const { session, isBureau, may } = useSession()
  const allowed = may('appeal.list')
  const queue = useAppealQueue(allowed, `${session?.role ?? ''}|${session?.subdistrictId ?? ''}|${session?.name ?? ''}`)
  const decision = useDecideAppeal()
  const [deciding, setDeciding] = useState<string | null>(null)

  const decide = async (appealId: string, choice: 'uphold' | 'reject', note: string) => {
    setDeciding(appealId)
    if ((await decision.decide(appealId, choice, note)) !== null) {
      setDeciding(null)
      queue.reload({ silent: true })
    }
  }

  const appeals = queue.state.status === 'ok' ? queue.state.data.appeals : []
  const pending = appeals.filter((a) => a.status === 'pending')
  const decided = appeals.filter((a) => a.status !== 'pending')
  const card = (appeal: (typeof appeals)[number]) => (
    <AppealReviewCard
      key={appeal.appealId}
      appeal={appeal}
      busy={deciding === appeal.appealId && decision.state.status === 'loading'}
      error={deciding === appeal.appealId && decision.state.status === 'error' ? decision.state.error : null}
      onDecide={(choice, note) => void decide(appeal.appealId, choice, note)}
    />
  )

  return (
    <Screen className='staff'>
      <Text className='staff-title'>申诉复核</Text>
      <Text className='staff-summary__note'>
        {isBureau ? '各街道' : '本街道'}社区工作者对差评的申诉。申诉成立则撤销该评价，不再计入考核；评价人信息不会显示。
      </Text>
      {session === null ? <Notice kind='loading' title='正在确认身份…' /> : null}
      {session !== null && !allowed ? <Notice kind='info' title='这里只对街道工作人员和市民政局开放' /> : null}
      {allowed && (queue.state.status === 'idle' || queue.state.status === 'loading') ? <Notice kind='loading' title='正在读取申诉…' /> : null}
      {queue.state.status === 'error' ? <StaffProblemNotice error={queue.state.error} onRetry={() => queue.reload()} /> : null}

      {queue.state.status === 'ok' ? (
        <>
          {pending.length > 0 ? <Text className='staff-summary'>待复核 {pending.length} 条</Text> : null}
          {pending.length === 0 ? <Notice kind='empty' title='没有待复核的申诉' detail='有新的申诉时会显示在这里。' /> : pending.map(card)}
          {decided.length > 0 ? <Text className='staff-summary'>已处理 {decided.length} 条</Text> : null}
          {decided.map(card)}
        </>
      ) : null}
      {queue.state.status === 'ok' && pending.length === 0 && decided.length === 0 ? (
        <BigButton variant='secondary' onClick={() => queue.reload()}>
          刷新
        </BigButton>
      ) : null}
    </Screen>
  )
}
