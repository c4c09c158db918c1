import { useState } from 'react'
import { Input } from '@tarojs/components'
import { useApiMutation } from '../hooks/useApi'
import { BigButton } from './BigButton'
import { Notice } from './Notice'
import './BadReviewFollowUp.css'

/**
 * The rater's one choice after a level 1 or 2 (case.contact): leave a phone number for the call-back (kept
 * on the case only, shown to the community handling it) or say no call-back is wanted. Asked on the result
 * screen and, until answered, on the home page. Once stored it thanks them, until the page is opened again.
 */
export function ContactChoice({ caseId }: { caseId: string }) {
  const contact = useApiMutation('case.contact')
  const [phone, setPhone] = useState('')
  const choose = (payload: { phone: string } | { none: true }) => void contact.run({ caseId, ...payload })
  if (contact.state.status === 'ok') return <Notice kind='success' title='已告诉社区，谢谢您' />
  return (
    <>
      <Input className='field follow-up__phone' type='number' maxlength={11} placeholder='手机号（可不填）' placeholderClass='placeholder' value={phone} onInput={(e) => setPhone(e.detail.value)} />
      {contact.state.status === 'error' ? <Notice kind='error' title={contact.state.error.message} /> : null}
      <BigButton disabled={!/^1\d{10}$/.test(phone)} loading={contact.state.status === 'loading'} onClick={() => choose({ phone })}>
        留下电话
      </BigButton>
      <BigButton className='follow-up__second' variant='secondary' onClick={() => choose({ none: true })}>
        不需要回访
      </BigButton>
    </>
  )
}
