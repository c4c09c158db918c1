import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useApiQuery } from '../hooks/useApi'
import { subscribe } from '../platform/subscribe'
import { BigButton } from './BigButton'
import { ContactChoice } from './ContactChoice'
import './BadReviewFollowUp.css'

/**
 * After a level 1 or 2 (差评回访整改): the community will call back and rectify. The rater may
 * leave a phone number for the call-back (kept on the case only, shown to the community handling it) or
 * say they want none, and — in WeChat, when a template is configured — agree to be told of the result.
 */
export function BadReviewFollowUp({ caller }: { caller: string }) {
  const mine = useApiQuery('case.mine', {}, caller)
  const [asked, setAsked] = useState<boolean | null>(null)
  const latest = mine.state.status === 'ok' ? mine.state.data.cases.find((c) => c.stage === 'callback') ?? null : null
  if (latest === null) return null
  return (
    <View className='follow-up'>
      <Text className='follow-up__title'>社区会回访并整改</Text>
      <Text className='follow-up__text'>社区会尽快回访您。愿意接电话的话，可以留下手机号，只给负责处理的社区工作人员看；也可以选择不需要回访。</Text>
      <ContactChoice caseId={latest.caseId} />
      {subscribe.supported && asked === null ? (
        <BigButton className='follow-up__second' variant='secondary' onClick={() => void subscribe.askForRectificationNotice().then(setAsked)}>
          整改后通知我
        </BigButton>
      ) : null}
      {asked === true ? <Text className='follow-up__text'>整改完成后，微信会通知您。</Text> : null}
    </View>
  )
}
