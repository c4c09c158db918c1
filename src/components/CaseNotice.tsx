import { useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useMyCases } from '../hooks/cases'
import { openPage, routes } from '../routes'
import type { Session } from '../core/types'
import { BigButton } from './BigButton'
import { ContactChoice } from './ContactChoice'
import { raterNoticeOf } from './raterNotice'
import './CaseNotice.css'

/**
 * The rater's notice on the home page (the bad-review loop; locally in place of WeChat's subscribe
 * message): a bad rating of theirs still asks 留电话 / 不需要回访, answered right here; or a case was
 * rectified and awaits their verdict, one big tap away. One at a time (raterNotice.ts).
 */
export function CaseNotice({ session }: { session: Pick<Session, 'role' | 'name'> | null }) {
  const rater = session !== null && (session.role === 'resident' || session.role === 'worker')
  const mine = useMyCases(rater, session?.name ?? session?.role ?? '')
  // Back from rating (the choice made there or not) or from a verdict: the home page stayed open, its cases did not.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && rater) mine.reload({ silent: true })
    shown.current = true
  })
  const notice = mine.state.status === 'ok' ? raterNoticeOf(mine.state.data.cases) : null
  if (notice === null) return null
  const { case: first } = notice
  if (notice.kind === 'contact') {
    return (
      <View className='panel case-notice' data-case-contact-notice={first.caseId}>
        <Text className='case-notice__title'>社区会回访您</Text>
        <Text className='case-notice__text'>
          您对 {first.workerName} 的差评，社区会尽快回访。愿意接电话的话，可以留下手机号，只给负责处理的社区工作人员看；也可以选择不需要回访。
        </Text>
        <ContactChoice caseId={first.caseId} />
      </View>
    )
  }
  return (
    <View className='panel case-notice' data-case-notice={first.caseId}>
      <Text className='case-notice__title'>您反映的问题已整改</Text>
      <Text className='case-notice__text'>
        您对 {first.workerName} 的差评，社区已经回访并整改{notice.waiting > 1 ? `（共 ${notice.waiting} 条）` : ''}。请告诉我们您是否满意。
      </Text>
      <BigButton onClick={() => openPage(routes.caseVerdict(first.caseId))}>查看并评价整改</BigButton>
    </View>
  )
}
