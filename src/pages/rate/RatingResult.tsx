import { Text } from '@tarojs/components'
import { LEVEL_LABELS } from '../../core/levels'
import { periodLabel } from '../../core/periods'
import type { Level } from '../../core/types'
import { SubmitResult } from '../../components/SubmitResult'
import { BadReviewFollowUp } from '../../components/BadReviewFollowUp'

interface RatingResultProps {
  workerName: string
  level: Level
  period: string
  replaced: boolean
  /** A comment is shown to staff only after content moderation (DESIGN section 6.6). */
  withComment: boolean
}

/** What happened to the rating: which month it counts for, and that rating again replaces it. */
export function RatingResult({ workerName, level, period, replaced, withComment }: RatingResultProps) {
  return (
    <SubmitResult title='评价已提交，谢谢您'>
      <Text className='block'>
        您给{workerName}的评价：<Text className='rating-result__level'>{LEVEL_LABELS[level]}</Text>
      </Text>
      <Text className='block rating-result__period'>这条评价计入 {periodLabel(period)}。</Text>
      <Text className='block muted'>
        {replaced
          ? '它已替换您这个月之前给 TA 的评价，每人每月只算一条。'
          : '这个月内再评一次，会替换这一次的评价，每人每月只算一条。'}
      </Text>
      {withComment ? <Text className='block muted'>您写的话经过审核后，才会给被评价的工作者看，不显示是谁写的。</Text> : null}
      {level <= 2 ? <BadReviewFollowUp caller={`${workerName}|${period}`} /> : null}
    </SubmitResult>
  )
}
