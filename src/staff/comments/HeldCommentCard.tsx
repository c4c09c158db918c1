import { Text, View } from '@tarojs/components'
import type { CommentDecision, HeldCommentView } from '../../core/comments'
import { chinaDateOf } from '../../core/periods'

interface HeldCommentCardProps {
  item: HeldCommentView
  /** The decision being sent for this card, if any. */
  busy: CommentDecision | null
  /** Why the last decision on this card failed. */
  problem: string | null
  onDecide: (decision: CommentDecision) => void
}

function dayOf(at: string): string {
  const [, month, day] = chinaDateOf(at).split('-')
  return `${Number(month)}月${Number(day)}日`
}

/** One held comment: whose rating, the level in words, when, the text, the rater's pseudonym; 通过 / 不通过. */
export function HeldCommentCard({ item, busy, problem, onDecide }: HeldCommentCardProps) {
  const button = (decision: CommentDecision, label: string) => (
    <View
      className={`held-comment__button held-comment__button--${decision}${busy !== null ? ' held-comment__button--busy' : ''}`}
      data-decision={decision}
      onClick={() => busy === null && onDecide(decision)}
    >
      <Text>{busy === decision ? '正在提交…' : label}</Text>
    </View>
  )
  return (
    <View className='held-comment' data-ref={item.ref.id}>
      <Text className='held-comment__worker'>
        {item.workerName}
        <Text className='held-comment__code'>（{item.workerCode}）</Text>
      </Text>
      <Text className='held-comment__meta'>
        {item.kindLabel} · {item.levelLabel} · {dayOf(item.submittedAt)}
      </Text>
      <Text className='held-comment__text'>“{item.comment}”</Text>
      <Text className='held-comment__rater'>{item.rater}（化名，同一评价人始终相同）</Text>
      {problem ? <Text className='held-comment__problem'>{problem}</Text> : null}
      <View className='held-comment__actions'>
        {button('release', '通过')}
        {button('reject', '不通过')}
      </View>
    </View>
  )
}
