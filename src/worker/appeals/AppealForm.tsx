import { APPEAL_REASON_MAX, APPEAL_REASON_MIN } from '../../core/appeals'
import { ReasonForm } from '../../components/ReasonForm'
import type { CallError } from '../../platform/call-error'

interface AppealFormProps {
  busy: boolean
  error: CallError | null
  onSubmit: (reason: string) => void
  onCancel: () => void
}

/** The reason of an appeal (5 to 200 characters) and 提交申诉; in place, never a pop-up. */
export function AppealForm({ busy, error, onSubmit, onCancel }: AppealFormProps) {
  return (
    <ReasonForm
      block='appeal-form'
      noteClass='appeal-form__reason'
      look='field'
      label='申诉理由'
      placeholder='写明评价哪里与事实不符，例如：当天我在社区值班，没有到过这户。'
      minLength={APPEAL_REASON_MIN}
      maxLength={APPEAL_REASON_MAX}
      counted
      busy={busy}
      error={error}
      errorTitle='申诉没有提交'
      action={{ label: '提交申诉', onPress: onSubmit }}
      second={{ label: '取消', onPress: onCancel, needsReason: false }}
    />
  )
}
