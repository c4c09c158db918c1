import { CASE_NOTE_MAX, CASE_NOTE_MIN, CASE_OUTCOME_MAX } from '../../core/cases'
import { ReasonForm } from '../../components/ReasonForm'
import type { CallError } from '../../platform/call-error'

interface FormProps<T extends unknown[]> {
  busy: boolean
  error: CallError | null
  onSave: (...args: T) => void
}

/** At least this many characters say what came of a call-back. */
const OUTCOME_MIN = 2

/** 记录回访: reached or 无法联系, and what came of it (at least 2 characters). */
export function CallbackForm({ busy, error, onSave, hasPhone }: FormProps<[boolean, string]> & { hasPhone: boolean }) {
  return (
    <ReasonForm
      block='case-form'
      className='case-detail__section case-form'
      look='staff'
      label='回访情况'
      placeholder={hasPhone ? '例如：已电话联系，居民反映入户不及时，已致歉' : '评价人没有留电话时，写明“无法联系”及已采取的措施'}
      minLength={OUTCOME_MIN}
      maxLength={CASE_OUTCOME_MAX}
      busy={busy}
      error={error}
      errorTitle='没有保存回访记录'
      action={{ label: '已联系上，保存回访', onPress: (outcome) => onSave(true, outcome) }}
      second={{ label: '无法联系，保存记录', onPress: (outcome) => onSave(false, outcome) }}
    />
  )
}

/** 记录整改: what was changed (at least CASE_NOTE_MIN characters); the rater is told after. */
export function RectifyForm({ busy, error, onSave }: FormProps<[string]>) {
  return (
    <ReasonForm
      block='case-form'
      className='case-detail__section case-form'
      look='staff'
      label='整改情况'
      placeholder='写明整改了什么，例如：调整走访安排，每周入户一次'
      minLength={CASE_NOTE_MIN}
      maxLength={CASE_NOTE_MAX}
      busy={busy}
      error={error}
      errorTitle='没有保存整改记录'
      action={{ label: '保存整改，通知评价人', onPress: onSave }}
    />
  )
}
