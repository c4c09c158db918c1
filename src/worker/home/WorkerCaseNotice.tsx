import { Text, View } from '@tarojs/components'
import { STAGE_LABELS, type WorkerCaseView } from '../../core/cases'
import { LEVEL_LABELS } from '../../core/levels'
import { useWorkerCases } from '../../hooks/cases'
import { workerCaseNotice } from './caseNotice'
import { CommentReport } from '../shared/CommentReport'
import './WorkerCaseNotice.css'

const monthOfCase = (c: WorkerCaseView) => `${c.month.slice(5).replace(/^0/, '')}月`

/**
 * 差评待整改 (the bad-review loop): the worker learns of a case about them once the community has
 * called the rater back and handed the rectification to them (case.worker lists no case before) — level,
 * month, the comment only once it passed moderation — and never who gave the rating, nor on which day.
 * A case an upheld appeal withdrew says 评价已撤销 for a while (caseNotice.ts): nothing more to rectify.
 */
export function WorkerCaseNotice({ caller }: { caller: string }) {
  const cases = useWorkerCases(true, caller)
  const { open, withdrawn } = cases.state.status === 'ok' ? workerCaseNotice(cases.state.data.cases, cases.state.data.today) : { open: [], withdrawn: [] }
  return (
    <>
      {open.length > 0 ? (
        <View className='worker-cases' data-worker-cases={open.length}>
          <Text className='worker-cases__title'>有 {open.length} 条差评待整改</Text>
          {open.map((c) => (
            <View key={c.caseId} className='worker-cases__item'>
              <Text className='worker-cases__line'>
                {monthOfCase(c)} · {LEVEL_LABELS[c.level]} · {c.overdue !== null ? '已逾期' : STAGE_LABELS[c.stage]}
              </Text>
              {c.comment !== '' ? <Text className='worker-cases__comment'>“{c.comment}”</Text> : null}
              {c.report !== undefined ? <CommentReport report={c.report} /> : null}
            </View>
          ))}
          <Text className='worker-cases__note'>社区已回访评价人，请按社区的安排整改；评价人是谁不会告诉任何人。</Text>
        </View>
      ) : null}
      {withdrawn.length > 0 ? (
        <View className='worker-cases worker-cases--withdrawn' data-worker-cases-withdrawn={withdrawn.length}>
          <Text className='worker-cases__title'>申诉成立，{withdrawn.length} 条差评已撤销</Text>
          {withdrawn.map((c) => (
            <View key={c.caseId} className='worker-cases__item'>
              <Text className='worker-cases__line'>
                {monthOfCase(c)} · {LEVEL_LABELS[c.level]} · {STAGE_LABELS[c.stage]}
              </Text>
            </View>
          ))}
          <Text className='worker-cases__note'>街道复核后撤销了这些评价，它们不再计入考核，无需再整改。</Text>
        </View>
      ) : null}
    </>
  )
}
