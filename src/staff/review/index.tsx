import { useState } from 'react'
import { Text } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useDecideReview, useDecideReviewBatch, useReviewQueue } from '../../hooks/reviews'
import { useSession } from '../../hooks/useSession'
import { type ReviewBurst, type ReviewItemView, reviewBursts } from '../../core/reviews'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { BurstCard } from './BurstCard'
import { ReviewCard } from './ReviewCard'
import '../../styles/staff.css'
import '../../styles/staffCards.css'
import '../../styles/staffDesktop.css'
import './index.css'

/** 可疑评价复核: ratings a suspicious pattern flagged, open first; each kept, or excluded with a reason. */
export default function ReviewQueuePage() {
  const { session, isBureau, may } = useSession()
  const allowed = may('review.list')
  const queue = useReviewQueue(allowed, `${session?.role ?? ''}|${session?.subdistrictId ?? ''}|${session?.name ?? ''}`)
  const decision = useDecideReview()
  const batch = useDecideReviewBatch()
  const [deciding, setDeciding] = useState<string | null>(null)
  const [decidingBurst, setDecidingBurst] = useState<string | null>(null)

  const decide = async (reviewId: string, choice: 'keep' | 'exclude', reason: string) => {
    setDeciding(reviewId)
    if ((await decision.decide(reviewId, choice, reason)) !== null) {
      setDeciding(null)
      queue.reload({ silent: true })
    }
  }

  const burstKey = (burst: ReviewBurst) => `${burst.workerCode}|${burst.flaggedAt}`
  const decideBurst = async (burst: ReviewBurst, choice: 'keep' | 'exclude', reason: string) => {
    setDecidingBurst(burstKey(burst))
    if ((await batch.decide(burst.ids, choice, reason)) !== null) {
      setDecidingBurst(null)
      queue.reload({ silent: true })
    }
  }

  const items = queue.state.status === 'ok' ? queue.state.data.items : []
  const bursts = reviewBursts(items)
  const open = items.filter((item) => item.status === 'open')
  const decided = items.filter((item) => item.status !== 'open')
  const card = (item: ReviewItemView) => (
    <ReviewCard
      key={item.id}
      item={item}
      busy={deciding === item.id && decision.state.status === 'loading'}
      error={deciding === item.id && decision.state.status === 'error' ? decision.state.error : null}
      onDecide={(choice, reason) => void decide(item.id, choice, reason)}
    />
  )

  return (
    <Screen className='staff'>
      <Text className='staff-title'>可疑评价复核</Text>
      <Text className='staff-summary__note'>
        {isBureau ? '各街道' : '本街道'}短时间内集中出现、可能是刷评的评价。复核前照常计分；排除后不再计入考核，记录保留。评价人只显示化名。
      </Text>
      {session === null ? <Notice kind='loading' title='正在确认身份…' /> : null}
      {session !== null && !allowed ? <Notice kind='info' title='这里只对街道工作人员和市民政局开放' /> : null}
      {allowed && (queue.state.status === 'idle' || queue.state.status === 'loading') ? <Notice kind='loading' title='正在读取待复核的评价…' /> : null}
      {queue.state.status === 'error' ? <StaffProblemNotice error={queue.state.error} onRetry={() => queue.reload()} /> : null}

      {queue.state.status === 'ok' ? (
        <>
          {open.length > 0 ? <Text className='staff-summary'>待复核 {open.length} 条</Text> : null}
          {bursts.map((burst) => (
            <BurstCard
              key={burstKey(burst)}
              burst={burst}
              busy={decidingBurst === burstKey(burst) && batch.state.status === 'loading'}
              error={decidingBurst === burstKey(burst) && batch.state.status === 'error' ? batch.state.error : null}
              onDecide={(choice, reason) => void decideBurst(burst, choice, reason)}
            />
          ))}
          {open.length === 0 ? <Notice kind='empty' title='没有待复核的评价' detail='系统每小时检查一次，发现集中评价会列在这里。' /> : open.map(card)}
          {decided.length > 0 ? <Text className='staff-summary'>已复核 {decided.length} 条</Text> : null}
          {decided.map(card)}
          <BigButton variant='secondary' onClick={() => queue.reload()}>
            刷新
          </BigButton>
        </>
      ) : null}
    </Screen>
  )
}
