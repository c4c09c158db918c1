import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { COMMENT_MAX } from '../../core/contract'
import type { Level } from '../../core/types'
import { BigButton } from '../../components/BigButton'
import { LevelChoices } from '../../components/LevelChoices'
import { Notice } from '../../components/Notice'
import type { AsyncState } from '../../hooks/useApi'
import { submitProblem } from './messages'

interface RatingFormProps {
  workerName: string
  submitState: AsyncState<unknown>
  onSubmit: (level: Level, comment: string) => void
}

export function RatingForm({ workerName, submitState, onSubmit }: RatingFormProps) {
  const [level, setLevel] = useState<Level | null>(null)
  const [comment, setComment] = useState('')
  const sending = submitState.status === 'loading'
  const problem = submitState.status === 'error' ? submitProblem(submitState.error) : null

  return (
    <View className='rating-form'>
      <Text className='section-title'>您对{workerName}的工作满意吗？</Text>
      <LevelChoices value={level} onChange={setLevel} disabled={sending} />

      <Text className='section-title'>想说的话（可以不填）</Text>
      <Textarea
        className='field rating-form__comment'
        placeholderClass='placeholder'
        placeholder='可以写写遇到的事、想提的建议'
        value={comment}
        maxlength={COMMENT_MAX}
        disabled={sending}
        onInput={(event) => setComment(event.detail.value)}
      />
      <Text className='rating-form__count small muted'>
        {comment.length}/{COMMENT_MAX} 字
      </Text>

      {problem ? <Notice kind='error' title={problem.title} detail={problem.detail} /> : null}

      <BigButton
        className='rating-form__submit'
        disabled={level === null}
        loading={sending}
        onClick={() => {
          if (level !== null) onSubmit(level, comment)
        }}
      >
        {sending ? '正在提交…' : level === null ? '请先选择满意程度' : '提交评价'}
      </BigButton>
    </View>
  )
}
