import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import type { CallError } from '../platform/call-error'
import { BigButton } from './BigButton'
import { Notice } from './Notice'
import './ReasonForm.css'

export interface ReasonAction {
  label: string
  /** Called with the reason, trimmed. */
  onPress: (reason: string) => void
  variant?: 'primary' | 'secondary'
  /** false: may be pressed before the reason is long enough (保留 keeps a rating without one, 取消). */
  needsReason?: boolean
}

interface ReasonFormProps {
  /** The BEM block the parts are named in (`<block>__label`, `__note`, `__count`, `__second`): the page's look and test hooks. */
  block: string
  /** The form's own class, when it is not the block. */
  className?: string
  /** The textarea's page class, when it is not `<block>__note`. */
  noteClass?: string
  /** `staff`: the staff pages' textarea (src/styles/staff.css); `field`: the large one of a worker's or resident's page. */
  look: 'staff' | 'field'
  label: string
  placeholder: string
  minLength: number
  maxLength: number
  /** Says how many characters are written, and how many more are needed. */
  counted?: boolean
  busy: boolean
  error: CallError | null
  /** What did not happen, above the server's reason (没有保存回访记录). */
  errorTitle: string
  /** The main action: it shows the wait while the form is busy. */
  action: ReasonAction
  /** The other action, kept from a tap while the main one is busy. */
  second?: ReasonAction
}

const LOOKS = {
  staff: { label: ' staff-label', note: 'staff-textarea', placeholder: 'staff-textarea__placeholder' },
  field: { label: '', note: 'field', placeholder: 'placeholder' },
} as const

/**
 * A reason and its decision, written in place, never in a pop-up: what a clerk writes on a case, an appeal
 * or a flagged rating, what a worker writes in an appeal. An action that needs the reason waits until it is
 * at least `minLength` characters; the reason goes out trimmed.
 */
export function ReasonForm(props: ReasonFormProps) {
  const { block, look, busy, action, second } = props
  const [reason, setReason] = useState('')
  const length = reason.trim().length
  const enough = length >= props.minLength
  const classes = LOOKS[look]
  return (
    <View className={`reason-form ${props.className ?? block}`}>
      <Text className={`${block}__label${classes.label}`}>{props.label}</Text>
      <Textarea
        className={`${classes.note} ${props.noteClass ?? `${block}__note`}`}
        placeholderClass={classes.placeholder}
        placeholder={props.placeholder}
        value={reason}
        maxlength={props.maxLength}
        disabled={busy}
        onInput={(event) => setReason(event.detail.value)}
      />
      {props.counted ? (
        <Text className={`${block}__count`}>{enough ? `${length} / ${props.maxLength}` : `至少 ${props.minLength} 个字，已写 ${length} 个`}</Text>
      ) : null}
      {props.error !== null ? <Notice kind='error' title={props.errorTitle} detail={props.error.message} /> : null}
      <BigButton variant={action.variant} disabled={action.needsReason !== false && !enough} loading={busy} onClick={() => action.onPress(reason.trim())}>
        {action.label}
      </BigButton>
      {second ? (
        <BigButton
          className={`reason-form__second ${block}__second`}
          variant={second.variant ?? 'secondary'}
          disabled={(second.needsReason !== false && !enough) || busy}
          onClick={() => second.onPress(reason.trim())}
        >
          {second.label}
        </BigButton>
      ) : null}
    </View>
  )
}
