import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { HallCard, HallWorker } from '../../core/hallSchemas'
import { LEVEL_LABELS } from '../../core/levels'
import { periodLabel } from '../../core/periods'
import type { Level } from '../../core/types'
// In the feedback page's order, so the shared stylesheets load in one order everywhere.
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { RatingForm } from '../../components/RatingForm'
import { ProblemScreen } from '../../components/ProblemScreen'
import { Screen } from '../../components/Screen'
import { SubmitResult } from '../../components/SubmitResult'
import { BadReviewFollowUp } from '../../components/BadReviewFollowUp'
import { useHallCard, useSubmitHallFeedback } from '../../hooks/hall'
import { decodeOption, goHome } from '../../routes'
import { HallWorkerChoice } from './HallWorkerChoice'
import { hallFeedbackProblem, hallProblem } from './messages'
import './index.css'

/** The hall is not staffed now (a day off, no rota, outside hours): said plainly, with the hours and who is on today. */
function HallClosed({ card }: { card: HallCard }) {
  const onToday = card.onDuty.map((worker) => worker.name).join('、')
  // The server's sentence names the hours where they are the reason; the rest is what helps next.
  const detail =
    card.closedBecause === 'outside-hours' && onToday
      ? `今天值班的是${onToday}，请在值班时间内扫码评价。`
      : card.closedBecause === 'no-rota'
        ? `值班时间：${card.hours}`
        : undefined
  return (
    <Screen>
      <Text className='hall__place'>{card.communityName} 便民服务大厅</Text>
      <Notice kind='info' title={card.message ?? '现在不能评价大厅的服务'} detail={detail}>
        <BigButton onClick={goHome}>回到首页</BigButton>
      </Notice>
    </Screen>
  )
}

/**
 * Opened by the code at the community hall's counter (`scene` = hallCode): the person served picks, from
 * today's workers on duty, who served them, and rates that service as 服务对象 (party S). Elder-friendly like
 * the feedback page (DESIGN section 8), whose rating form and result screen it shares.
 */
export default function HallPage() {
  const { params } = useRouter()
  const hallCode = decodeOption(params.scene)
  const { state: cardState, reload } = useHallCard(hallCode)
  const { state: submitState, submit, reset } = useSubmitHallFeedback(hallCode ?? '')
  const [picked, setPicked] = useState<HallWorker | null>(null)
  const [sent, setSent] = useState<{ level: Level; withComment: boolean } | null>(null)

  if (hallCode === null) {
    return (
      <Screen>
        <Notice kind='error' title='没有找到要评价的服务大厅' detail='请扫服务窗口上张贴的评价码。'>
          <BigButton onClick={goHome}>回到首页</BigButton>
        </Notice>
      </Screen>
    )
  }
  if (cardState.status === 'idle' || cardState.status === 'loading') {
    return (
      <Screen>
        <Notice kind='loading' title='正在查找今天值班的工作人员…' />
      </Screen>
    )
  }
  if (cardState.status === 'error') return <ProblemScreen problem={hallProblem(cardState.error)} onRetry={() => reload()} />

  const card = cardState.data
  if (submitState.status === 'ok' && sent !== null && picked !== null) {
    return (
      <Screen>
        <SubmitResult title='评价已提交，谢谢您'>
          <Text className='block'>
            您对{picked.name}在服务大厅的服务的评价：<Text className='rating-result__level'>{LEVEL_LABELS[sent.level]}</Text>
          </Text>
          <Text className='block rating-result__period'>这条评价计入 {periodLabel(submitState.data.period)}。</Text>
          <Text className='block muted'>同一位工作人员，每人每天只能评价一次。</Text>
          {sent.withComment ? <Text className='block muted'>您写的话经过审核后，才会给被评价的工作人员看，不显示是谁写的。</Text> : null}
          {sent.level <= 2 ? <BadReviewFollowUp caller={`${picked.name}|${card.date}`} /> : null}
        </SubmitResult>
      </Screen>
    )
  }
  if (!card.open) return <HallClosed card={card} />

  if (picked === null) {
    return (
      <Screen>
        <Text className='hall__place'>{card.communityName} 便民服务大厅</Text>
        <Text className='hall__ask'>今天是哪位工作人员为您办的事？请点一下 TA 的名字。</Text>
        <HallWorkerChoice workers={card.onDuty} onPick={setPicked} />
        <Text className='hall__note muted'>评价不记名，工作人员看不到是谁评的。</Text>
      </Screen>
    )
  }

  return (
    <Screen>
      <Text className='hall__intro muted'>为您服务的是</Text>
      <View className='hall-served'>
        <Text className='hall-served__name'>{picked.name}</Text>
        <Text className='hall-served__post'>{picked.post}</Text>
        <Text className='hall-served__where'>{card.communityName} 便民服务大厅</Text>
      </View>
      <View
        className='hall__change'
        role='button'
        onClick={() => {
          reset()
          setPicked(null)
        }}
      >
        <Text>不是 TA？换一位</Text>
      </View>
      <RatingForm
        question={`您对${picked.name}的服务满意吗？`}
        submitState={submitState}
        problemOf={hallFeedbackProblem}
        onSubmit={(level, comment) => {
          setSent({ level, withComment: comment.trim() !== '' })
          void submit(picked.workerCode, level, comment).then((result) => {
            if (result) void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
          })
        }}
      />
    </Screen>
  )
}
