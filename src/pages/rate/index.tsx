import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { INACTIVE_WORKER_MESSAGE } from '../../core/org'
import type { Level } from '../../core/types'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { ProblemScreen } from '../../components/ProblemScreen'
import { Screen } from '../../components/Screen'
import { WorkerCard } from '../../components/WorkerCard'
import { useSubmitRating, useWorkerCard } from '../../hooks/rating'
import { decodeOption, goHome } from '../../routes'
import { RatingForm } from '../../components/RatingForm'
import { cardProblem, inactiveDetail, submitProblem } from './messages'
import { RatingResult } from './RatingResult'
import './index.css'

/** Opened by a worker's WeChat code (`scene` = worker code) or from the home page. */
export default function RatePage() {
  const { params } = useRouter()
  const workerCode = decodeOption(params.scene)
  const { state: cardState, reload } = useWorkerCard(workerCode)
  const { state: submitState, submit } = useSubmitRating(workerCode ?? '')
  const [sent, setSent] = useState<{ level: Level; withComment: boolean } | null>(null)

  if (workerCode === null) {
    return (
      <Screen>
        <Notice kind='error' title='没有找到要评价的工作者' detail='请回到首页，扫工作者的二维码或输入编号。'>
          <BigButton onClick={goHome}>回到首页</BigButton>
        </Notice>
      </Screen>
    )
  }

  if (cardState.status === 'idle' || cardState.status === 'loading') {
    return (
      <Screen>
        <Notice kind='loading' title='正在查找工作者信息…' />
      </Screen>
    )
  }

  if (cardState.status === 'error') return <ProblemScreen problem={cardProblem(cardState.error, workerCode)} onRetry={() => reload()} />

  const card = cardState.data
  // A worker no longer in post: said before the resident picks a level, not after.
  if (card.inactive) {
    return (
      <Screen>
        <Notice kind='info' title={INACTIVE_WORKER_MESSAGE} detail={inactiveDetail(card)}>
          <BigButton onClick={goHome}>回到首页</BigButton>
        </Notice>
      </Screen>
    )
  }
  if (submitState.status === 'ok' && sent !== null) {
    return (
      <Screen>
        <RatingResult
          workerName={card.name}
          level={sent.level}
          period={submitState.data.period}
          replaced={submitState.data.replaced}
          withComment={sent.withComment}
        />
      </Screen>
    )
  }

  return (
    <Screen>
      <Text className='rate__intro muted'>您要评价的是</Text>
      <WorkerCard card={card} />
      <RatingForm
        question={`您对${card.name}的工作满意吗？`}
        submitState={submitState}
        problemOf={submitProblem}
        onSubmit={(level, comment) => {
          setSent({ level, withComment: comment.trim() !== '' })
          void submit(level, comment).then((result) => {
            if (result) void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
          })
        }}
      />
    </Screen>
  )
}
