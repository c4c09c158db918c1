import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { COMMENT_MAX } from '../core/contract'
import type { Level } from '../core/types'
import type { AsyncState } from '../hooks/useApi'
import type { CallError } from '../platform/call-error'
import { BigButton } from './BigButton'
import { LevelChoices } from './LevelChoices'
import { Notice } from './Notice'
import './RatingForm.css'

interface RatingFormProps {
  /** The one question of the screen, e.g. 您对刘建华的工作满意吗？ or 您对这次服务满意吗？ */
  question: string
  submitState: AsyncState<unknown>
  /** Why a submit was refused, in the page's own words (nothing was saved). */
  problemOf: (error: CallError) => { title: string; detail?: string }
  onSubmit: (level: Level, comment: string) => void
}

/**
 * The rating form of the resident's and the recipient's pages alike: the five levels (none chosen until
 * tapped), an optional comment, one large submit button that says what is missing. No rule of its own:
 * what happens to the rating is the page's and the server's business.
 */
export function RatingForm({ question, submitState, problemOf, onSubmit }: RatingFormProps) {
  const [level, setLevel] = useState<Level | null>(null)
  const [comment, setComment] = useState('')
  const sending = submitState.status === 'loading'
  const problem = submitState.status === 'error' ? problemOf(submitState.error) : null

  return (
    <View className='rating-form'>
      <Text className='section-title'>{question}</Text>
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
