import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { mobileProblem, spacedMobile } from '../core/phone'
import { useApiMutation, useApiQuery } from '../hooks/useApi'
import { subscribe } from '../platform/subscribe'
import { BigButton } from './BigButton'
import { Notice } from './Notice'
import { PrivacyDialog } from './PrivacyDialog'
import './BadReviewFollowUp.css'

/**
 * After a level 1 or 2 (差评回访整改): the community will call back and rectify. The rater may
 * leave a phone number for the call-back (kept on the case only, shown to the community handling it) or
 * say they want none, and — in WeChat, when a template is configured — agree to be told of the result.
 */
export function BadReviewFollowUp({ caller }: { caller: string }) {
  const mine = useApiQuery('case.mine', {}, caller)
  const contact = useApiMutation('case.contact')
  const [phone, setPhone] = useState('')
  const [asked, setAsked] = useState<boolean | null>(null)
  /** The number sent, repeated in the confirmation; null: 不需要回访 was chosen. */
  const [left, setLeft] = useState<string | null>(null)
  const latest = mine.state.status === 'ok' ? mine.state.data.cases.find((c) => c.stage === 'callback') ?? null : null
  if (latest === null) return null
  const done = contact.state.status === 'ok'
  const problem = mobileProblem(phone)
  const leave = (number: string | null) => {
    setLeft(number)
    void contact.run(number === null ? { caseId: latest.caseId, none: true } : { caseId: latest.caseId, phone: number })
  }
  return (
    <View className='follow-up'>
      <Text className='follow-up__title'>社区会回访并整改</Text>
      <Text className='follow-up__text'>社区会尽快回访您。愿意接电话的话，可以留下手机号，只给负责处理的社区工作人员看；也可以选择不需要回访。</Text>
      {done ? (
        <Notice kind='success' title='已告诉社区，谢谢您' detail={left === null ? '您选择了不需要回访。' : `社区会打 ${spacedMobile(left)} 回访您。`} />
      ) : (
        <>
          <Input className='field follow-up__phone' type='number' maxlength={11} placeholder='手机号（可不填）' placeholderClass='placeholder' value={phone} onInput={(e) => setPhone(e.detail.value)} />
          {/* Why 留下电话 is grey, in words: 还差 1 位. */}
          {problem !== null ? <Text className='follow-up__hint'>{problem}</Text> : null}
          {contact.state.status === 'error' ? <Notice kind='error' title={contact.state.error.message} /> : null}
          <BigButton disabled={problem !== null} loading={contact.state.status === 'loading'} onClick={() => leave(phone.trim())}>
            留下电话
          </BigButton>
          <BigButton className='follow-up__second' variant='secondary' onClick={() => leave(null)}>
            不需要回访
          </BigButton>
        </>
      )}
      {subscribe.supported && asked === null ? (
        <BigButton className='follow-up__second' variant='secondary' onClick={() => void subscribe.askForRectificationNotice().then(setAsked)}>
          整改后通知我
        </BigButton>
      ) : null}
      {asked === true ? <Text className='follow-up__text'>整改完成后，微信会通知您。</Text> : null}
      {/* requestSubscribeMessage is a private API: WeChat may ask for the privacy agreement first. */}
      <PrivacyDialog />
    </View>
  )
}
