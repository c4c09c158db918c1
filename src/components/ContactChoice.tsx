import { useState } from 'react'
import { Input, Text } from '@tarojs/components'
import { mobileProblem, spacedMobile } from '../core/phone'
import { useApiMutation } from '../hooks/useApi'
import { BigButton } from './BigButton'
import { Notice } from './Notice'
import './BadReviewFollowUp.css'

/**
 * The rater's one choice after a level 1 or 2 (case.contact): leave a phone number for the call-back (kept
 * on the case only, shown to the community handling it) or say no call-back is wanted. Asked on the result
 * screen and, until answered, on the home page. Once stored it thanks them, repeating the number, until
 * the page is opened again. While 留下电话 is grey the hint under the field says why (还差 1 位).
 */
export function ContactChoice({ caseId }: { caseId: string }) {
  const contact = useApiMutation('case.contact')
  const [phone, setPhone] = useState('')
  /** The number sent, repeated in the confirmation; null: 不需要回访 was chosen. */
  const [left, setLeft] = useState<string | null>(null)
  const problem = mobileProblem(phone)
  const leave = (number: string | null) => {
    setLeft(number)
    void contact.run(number === null ? { caseId, none: true } : { caseId, phone: number })
  }
  if (contact.state.status === 'ok') {
    return <Notice kind='success' title='已告诉社区，谢谢您' detail={left === null ? '您选择了不需要回访。' : `社区会打 ${spacedMobile(left)} 回访您。`} />
  }
  return (
    <>
      <Input className='field follow-up__phone' type='number' maxlength={11} placeholder='手机号（可不填）' placeholderClass='placeholder' value={phone} onInput={(e) => setPhone(e.detail.value)} />
      {problem !== null ? <Text className='follow-up__hint'>{problem}</Text> : null}
      {contact.state.status === 'error' ? <Notice kind='error' title={contact.state.error.message} /> : null}
      <BigButton disabled={problem !== null} loading={contact.state.status === 'loading'} onClick={() => leave(phone.trim())}>
        留下电话
      </BigButton>
      <BigButton className='follow-up__second' variant='secondary' onClick={() => leave(null)}>
        不需要回访
      </BigButton>
    </>
  )
}
