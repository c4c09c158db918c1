import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { APPEAL_REASON_MAX, APPEAL_REASON_MIN } from '../../core/appeals'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import type { CallError } from '../../platform/call-error'

interface AppealFormProps {
  busy: boolean
  error: CallError | null
  onSubmit: (reason: string) => void
  onCancel: () => void
}

/** The reason of an appeal (5 to 200 characters) and 提交申诉; in place, never a pop-up. */
export function AppealForm({ busy, error, onSubmit, onCancel }: AppealFormProps) {
  const [reason, setReason] = useState('')
  const length = reason.trim().length
  const short = length < APPEAL_REASON_MIN
  return (
    <View className='appeal-form'>
      <Text className='appeal-form__label'>申诉理由</Text>
      <Textarea
        className='field appeal-form__reason'
        placeholderClass='placeholder'
        placeholder='写明评价哪里与事实不符，例如：当天我在社区值班，没有到过这户。'
        value={reason}
        maxlength={APPEAL_REASON_MAX}
        disabled={busy}
        onInput={(event) => setReason(event.detail.value)}
      />
      <Text className='appeal-form__count'>{short ? `至少 ${APPEAL_REASON_MIN} 个字，已写 ${length} 个` : `${length} / ${APPEAL_REASON_MAX}`}</Text>
      {error !== null ? <Notice kind='error' title='申诉没有提交' detail={error.message} /> : null}
      <BigButton loading={busy} disabled={short} onClick={() => onSubmit(reason.trim())}>
        提交申诉
      </BigButton>
      <BigButton className='appeal-form__cancel' variant='secondary' disabled={busy} onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
