import { Text, View } from '@tarojs/components'
import { STAGE_LABELS } from '../../core/cases'
import { LEVEL_LABELS } from '../../core/levels'
import { useWorkerCases } from '../../hooks/cases'
import './WorkerCaseNotice.css'

/**
 * 差评待整改 (the bad-review loop): the worker learns of a case about them once the community has
 * called the rater back and handed the rectification to them (case.worker lists no case before) — level,
 * month, the comment only once it passed moderation — and never who gave the rating, nor on which day.
 */
export function WorkerCaseNotice({ caller }: { caller: string }) {
  const cases = useWorkerCases(true, caller)
  const open = cases.state.status === 'ok' ? cases.state.data.cases.filter((c) => c.stage === 'callback' || c.stage === 'rectify') : []
  if (open.length === 0) return null
  return (
    <View className='worker-cases' data-worker-cases={open.length}>
      <Text className='worker-cases__title'>有 {open.length} 条差评待整改</Text>
      {open.map((c) => (
        <View key={c.caseId} className='worker-cases__item'>
          <Text className='worker-cases__line'>
            {c.month.slice(5).replace(/^0/, '')}月 · {LEVEL_LABELS[c.level]} · {c.overdue !== null ? '已逾期' : STAGE_LABELS[c.stage]}
          </Text>
          {c.comment !== '' ? <Text className='worker-cases__comment'>“{c.comment}”</Text> : null}
        </View>
      ))}
      <Text className='worker-cases__note'>社区已回访评价人，请按社区的安排整改；评价人是谁不会告诉任何人。</Text>
    </View>
  )
}
