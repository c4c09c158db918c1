import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { periodLabel } from '../../core/periods'
import { Notice } from '../../components/Notice'
import { PeriodPicker } from '../../components/PeriodPicker'
import { Screen } from '../../components/Screen'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { useScopedEvaluation } from '../shared/useScopedEvaluation'
import { useStaffScope } from '../shared/useStaffScope'
import { ScoreRow } from './ScoreRow'
import '../shared/staff.css'
import './index.css'

/** The sub-district's party of the three: one score per worker and period. */
export default function ScorePage() {
  const scope = useStaffScope()
  // Sub-district staff score their own sub-district, which the server knows from who they are.
  const { state, reload } = useScopedEvaluation(scope, scope.canEnterScores)
  const notForCaller = scope.ready && !scope.canEnterScores
  const [openWorker, setOpenWorker] = useState<string | null>(null)

  const rows = state.status === 'ok' ? state.data.rows : []
  const scored = rows.filter((row) => row.subdistrict !== null).length

  return (
    <Screen className='staff'>
      <Text className='staff-title'>录入街道评分</Text>
      <Text className='staff-summary__note'>街道对每名社区工作者的打分，是三方评价中的一方</Text>
      <PeriodPicker
        value={scope.period}
        onChange={(period) => {
          setOpenWorker(null)
          scope.setPeriod(period)
        }}
      />

      {notForCaller ? (
        <Notice kind='info' title='录入街道评分只对街道工作人员开放' detail='如需开通，请联系街道办事处的管理员。' />
      ) : null}
      {!notForCaller && (state.status === 'idle' || state.status === 'loading') ? (
        <Notice kind='loading' title='正在读取工作者名单…' />
      ) : null}
      {state.status === 'error' ? <StaffProblemNotice error={state.error} onRetry={() => reload()} /> : null}
      {state.status === 'ok' && rows.length === 0 ? (
        <Notice kind='empty' title='还没有可以打分的工作者' detail='请社区管理员先录入本街道的社区工作者。' />
      ) : null}

      {rows.length > 0 ? (
        <View>
          <Text className='staff-summary'>
            {periodLabel(scope.period)}：已打分 {scored} 名，未打分 {rows.length - scored} 名
          </Text>
          <Text className='staff-summary__note'>点一名工作者，填写或修改分数。</Text>
          {rows.map((row) => (
            <ScoreRow
              key={`${scope.period}-${row.workerCode}`}
              row={row}
              period={scope.period}
              open={openWorker === row.workerCode}
              onOpen={() => setOpenWorker(openWorker === row.workerCode ? null : row.workerCode)}
              onSaved={() => reload({ silent: true })}
            />
          ))}
        </View>
      ) : null}
    </Screen>
  )
}
