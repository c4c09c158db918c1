import { Text, View } from '@tarojs/components'
import { useMyCases } from '../hooks/cases'
import { openPage, routes } from '../routes'
import type { Session } from '../core/types'
import { BigButton } from './BigButton'
import './CaseNotice.css'

/**
 * The rater's notice on the home page (the bad-review loop; locally in place of WeChat's subscribe
 * message): a case of theirs was rectified and awaits their verdict. One big tap opens it.
 */
export function CaseNotice({ session }: { session: Pick<Session, 'role' | 'name'> | null }) {
  const rater = session !== null && (session.role === 'resident' || session.role === 'worker')
  const mine = useMyCases(rater, session?.name ?? session?.role ?? '')
  const waiting = mine.state.status === 'ok' ? mine.state.data.cases.filter((c) => c.stage === 'confirm') : []
  if (waiting.length === 0) return null
  const first = waiting[0]
  return (
    <View className='panel case-notice' data-case-notice={first.caseId}>
      <Text className='case-notice__title'>您反映的问题已整改</Text>
      <Text className='case-notice__text'>
        您对 {first.workerName} 的差评，社区已经回访并整改{waiting.length > 1 ? `（共 ${waiting.length} 条）` : ''}。请告诉我们您是否满意。
      </Text>
      <BigButton onClick={() => openPage(routes.caseVerdict(first.caseId))}>查看并评价整改</BigButton>
    </View>
  )
}
