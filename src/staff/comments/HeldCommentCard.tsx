import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { CommentDecision, HeldCommentView } from '../../core/comments'
import { reportReasonsText } from '../../core/contentReports'
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

/**
 * One held comment: whose rating, the level in words, when, the text (contact data already masked by the
 * server), the rater's pseudonym, and the reasons when its worker reported it; 通过 / 不通过. Releasing shows the text to the worker for good, so 通过
 * asks first, in place (no pop-up, as deactivating a worker does); 不通过 shows it to no one and does not.
 */
export function HeldCommentCard({ item, busy, problem, onDecide }: HeldCommentCardProps) {
  const [confirming, setConfirming] = useState(false)
  const button = (decision: CommentDecision, label: string, onTap: () => void = () => onDecide(decision)) => (
    <View
      className={`held-comment__button held-comment__button--${decision}${busy !== null ? ' held-comment__button--busy' : ''}`}
      data-decision={decision}
      role='button'
      onClick={() => busy === null && onTap()}
    >
      <Text>{busy === decision ? '正在提交…' : label}</Text>
    </View>
  )
  return (
    <View className='staff-panel held-comment' data-ref={item.ref.id}>
      <Text className='staff-heading held-comment__worker'>
        {item.workerName}
        <Text className='staff-card__where'>（{item.workerCode}）</Text>
      </Text>
      <Text className='staff-note held-comment__meta'>
        {item.kindLabel} · {item.levelLabel} · {dayOf(item.submittedAt)}
      </Text>
      {item.reported !== undefined ? (
        <Text className='held-comment__reported'>被举报的留言 · 原因：{reportReasonsText(item.reported.reasons)}</Text>
      ) : null}
      <Text className='held-comment__text'>“{item.comment}”</Text>
      <Text className='staff-note held-comment__rater'>{item.rater}（化名，同一评价人始终相同）</Text>
      {problem ? <Text className='held-comment__problem'>{problem}</Text> : null}
      {confirming ? (
        <View className='held-comment__confirm'>
          <Text className='held-comment__confirm-text'>
            确定通过吗？通过后，{item.workerName}能在自己的评价结果里看到这条留言（手机号、身份证号、微信号已隐去），看不到是谁写的；通过后不能撤回。
          </Text>
          <View className='held-comment__actions'>
            {button('release', '确认通过')}
            <View className='held-comment__button held-comment__button--cancel' role='button' onClick={() => busy === null && setConfirming(false)}>
              <Text>取消</Text>
            </View>
          </View>
        </View>
      ) : (
        <View className='held-comment__actions'>
          {button('release', '通过', () => setConfirming(true))}
          {button('reject', '不通过')}
        </View>
      )}
    </View>
  )
}
