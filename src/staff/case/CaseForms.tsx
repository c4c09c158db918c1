import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { CASE_NOTE_MAX, CASE_NOTE_MIN, CASE_OUTCOME_MAX } from '../../core/cases'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import type { CallError } from '../../platform/call-error'

interface FormProps<T extends unknown[]> {
  busy: boolean
  error: CallError | null
  onSave: (...args: T) => void
}

/** 记录回访: reached or 无法联系, and what came of it (at least 2 characters). */
export function CallbackForm({ busy, error, onSave, hasPhone }: FormProps<[boolean, string]> & { hasPhone: boolean }) {
  const [outcome, setOutcome] = useState('')
  const ready = outcome.trim().length >= 2 && !busy
  return (
    <View className='case-form'>
      <Text className='case-form__label'>回访情况</Text>
      <Textarea
        className='case-form__note'
        placeholderClass='case-form__placeholder'
        placeholder={hasPhone ? '例如：已电话联系，居民反映入户不及时，已致歉' : '评价人没有留电话时，写明“无法联系”及已采取的措施'}
        value={outcome}
        maxlength={CASE_OUTCOME_MAX}
        disabled={busy}
        onInput={(event) => setOutcome(event.detail.value)}
      />
      {error !== null ? <Notice kind='error' title='没有保存回访记录' detail={error.message} /> : null}
      <BigButton disabled={!ready} loading={busy} onClick={() => onSave(true, outcome.trim())}>
        已联系上，保存回访
      </BigButton>
      <BigButton className='case-form__second' variant='secondary' disabled={!ready} onClick={() => onSave(false, outcome.trim())}>
        无法联系，保存记录
      </BigButton>
    </View>
  )
}

/** 记录整改: what was changed (at least CASE_NOTE_MIN characters); the rater is told after. */
export function RectifyForm({ busy, error, onSave }: FormProps<[string]>) {
  const [note, setNote] = useState('')
  const ready = note.trim().length >= CASE_NOTE_MIN && !busy
  return (
    <View className='case-form'>
      <Text className='case-form__label'>整改情况</Text>
      <Textarea
        className='case-form__note'
        placeholderClass='case-form__placeholder'
        placeholder='写明整改了什么，例如：调整走访安排，每周入户一次'
        value={note}
        maxlength={CASE_NOTE_MAX}
        disabled={busy}
        onInput={(event) => setNote(event.detail.value)}
      />
      {error !== null ? <Notice kind='error' title='没有保存整改记录' detail={error.message} /> : null}
      <BigButton disabled={!ready} loading={busy} onClick={() => onSave(note.trim())}>
        保存整改，通知评价人
      </BigButton>
    </View>
  )
}
