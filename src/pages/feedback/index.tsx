import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { LEVEL_LABELS } from '../../core/levels'
import { periodLabel } from '../../core/periods'
import type { Level } from '../../core/types'
import { visitTimeLabel } from '../../core/visits'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { RatingForm } from '../../components/RatingForm'
import { ProblemScreen } from '../../components/ProblemScreen'
import { Screen } from '../../components/Screen'
import { SubmitResult } from '../../components/SubmitResult'
import { BadReviewFollowUp } from '../../components/BadReviewFollowUp'
import { decodeOption, goHome } from '../../routes'
import { useSubmitFeedback, useVisitCard } from '../../hooks/visits'
import { NOT_IN_POST_TITLE, feedbackProblem, notInPostDetail, visitProblem } from './messages'
import { ServedBy } from './ServedBy'
import './index.css'

/** A state the person served cannot change: what it means, and the way home. */
function Closed({ kind, title, detail }: { kind: 'error' | 'info'; title: string; detail?: string }) {
  return (
    <Screen>
      <Notice kind={kind} title={title} detail={detail}>
        <BigButton onClick={goHome}>回到首页</BigButton>
      </Notice>
    </Screen>
  )
}

/**
 * Opened by the code a worker shows after a service visit (`scene` = the visit code): the person served
 * rates that one visit (party S, 一次一评). Elder-friendly like the rate page (DESIGN section 8).
 */
export default function FeedbackPage() {
  const { params } = useRouter()
  const visitCode = decodeOption(params.scene)
  const { state: cardState, reload } = useVisitCard(visitCode)
  const { state: submitState, submit } = useSubmitFeedback(visitCode ?? '')
  const [sent, setSent] = useState<{ level: Level; withComment: boolean } | null>(null)
  const now = new Date()

  if (visitCode === null) return <Closed kind='error' title='没有找到要评价的服务' detail='请扫社区工作者当场出示的评价码。' />

  if (cardState.status === 'idle' || cardState.status === 'loading') {
    return (
      <Screen>
        <Notice kind='loading' title='正在查找这次服务…' />
      </Screen>
    )
  }

  if (cardState.status === 'error') return <ProblemScreen problem={visitProblem(cardState.error)} onRetry={() => reload()} />

  const card = cardState.data
  if (submitState.status === 'ok' && sent !== null) {
    return (
      <Screen>
        <SubmitResult title='评价已提交，谢谢您'>
          <Text className='block'>
            您对{card.workerName}这次{card.type}服务的评价：<Text className='rating-result__level'>{LEVEL_LABELS[sent.level]}</Text>
          </Text>
          <Text className='block rating-result__period'>这条评价计入 {periodLabel(submitState.data.period)}。</Text>
          <Text className='block muted'>每次服务只能评价一次，这次服务的评价已经完成。</Text>
          {sent.withComment ? <Text className='block muted'>您写的话经过审核后，才会给被评价的工作者看，不显示是谁写的。</Text> : null}
          {sent.level <= 2 ? <BadReviewFollowUp caller={card.workerName} /> : null}
        </SubmitResult>
      </Screen>
    )
  }

  if (card.ownVisit) {
    return <Closed kind='info' title='这是您自己的服务' detail='不能评价自己的服务。请把评价码出示给服务对象，让对方用微信扫一扫。' />
  }
  if (card.closedBecause === 'rated') {
    return <Closed kind='info' title='这次服务已经评价过了' detail={`${card.workerName}的这次${card.type}服务已经有人评价，每次服务只能评价一次。`} />
  }
  if (card.closedBecause === 'inactive') {
    return <Closed kind='info' title={NOT_IN_POST_TITLE} detail={notInPostDetail(card.workerName)} />
  }
  if (card.closedBecause === 'expired') {
    return (
      <Closed
        kind='info'
        title='这次服务的评价已经截止'
        detail={`评价截止于 ${visitTimeLabel(card.feedbackUntil, now)}。想说说${card.workerName}的工作，可以扫 TA 胸牌上的二维码。`}
      />
    )
  }

  return (
    <Screen>
      <Text className='feedback__intro muted'>为您服务的是</Text>
      <ServedBy card={card} now={now} />
      <RatingForm
        question='您对这次服务满意吗？'
        submitState={submitState}
        problemOf={(error) => feedbackProblem(error, card.workerName)}
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
