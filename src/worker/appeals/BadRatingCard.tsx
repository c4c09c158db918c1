import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { AppealableRating } from '../../core/appeals'
import { appealDeadline, ratingLine, statusLabel } from './format'
import { CommentReport } from '../shared/CommentReport'

interface BadRatingCardProps {
  rating: AppealableRating
  /** The setting in force: how many days an appeal is open (the deadline is shown as a date). */
  appealDays: number
  /** The lower part: the 申诉 button or the form, when the rating may still be appealed. */
  children?: ReactNode
}

/** One bad rating as its worker sees it: level, kind and month, the comment once it passed moderation, where its appeal stands, its case closed as 评价已撤销. */
export function BadRatingCard({ rating, appealDays, children }: BadRatingCardProps) {
  const { appeal } = rating
  return (
    <View className='bad-rating'>
      <Text className='bad-rating__level'>{ratingLine(rating.level, rating.kind, rating.month)}</Text>
      {rating.comment !== '' ? <Text className='bad-rating__comment'>留言：{rating.comment}</Text> : null}
      {rating.report !== undefined ? <CommentReport report={rating.report} /> : null}
      {appeal !== null ? (
        <View className={`bad-rating__status bad-rating__status--${appeal.status}`}>
          <Text className='bad-rating__status-title'>{statusLabel(appeal)}</Text>
          {appeal.status === 'upheld' ? <Text className='bad-rating__status-line'>这条评价不再计入考核。</Text> : null}
          {rating.caseWithdrawn ? <Text className='bad-rating__status-line bad-rating__case'>差评回访整改：评价已撤销，社区不再回访、整改。</Text> : null}
          <Text className='bad-rating__status-line'>我的申诉理由：{appeal.reason}</Text>
          {appeal.note !== undefined ? <Text className='bad-rating__status-line'>街道复核意见：{appeal.note}</Text> : null}
          {appeal.status === 'pending' ? <Text className='bad-rating__status-line'>街道复核后会在这里显示结果。</Text> : null}
        </View>
      ) : null}
      {appeal === null && rating.excluded ? <Text className='bad-rating__hint'>这条评价已不计入考核。</Text> : null}
      {appeal === null && !rating.excluded && rating.daysLeft === 0 ? <Text className='bad-rating__hint'>已过申诉期限。</Text> : null}
      {appeal === null && !rating.excluded && rating.daysLeft > 0 ? (
        <Text className='bad-rating__hint'>{appealDeadline(rating.month, appealDays, rating.daysLeft)}</Text>
      ) : null}
      {children}
    </View>
  )
}
