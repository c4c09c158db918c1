import { Text, View } from '@tarojs/components'
import { periodLabel } from '../../core/periods'
import { EvaluationRowCard, EvaluationTableHead } from '../../components/EvaluationRowCard'
import { Notice } from '../../components/Notice'
import { PeriodPicker } from '../../components/PeriodPicker'
import { Screen } from '../../components/Screen'
import { openPage, routes } from '../../routes'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { SubdistrictField } from '../shared/SubdistrictField'
import { CaseOverdueLine } from '../shared/CaseOverdueLine'
import { useScopedEvaluation } from '../shared/useScopedEvaluation'
import { useStaffScope } from '../shared/useStaffScope'
import { evaluationSummary } from './summary'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'

export default function EvaluationPage() {
  const scope = useStaffScope()
  const { state, reload } = useScopedEvaluation(scope)

  return (
    <Screen className='staff'>
      <Text className='staff-title'>社区工作者三方评价</Text>
      <Text className='staff-summary__note'>居民、服务对象、街道三方，按考核期汇总</Text>
      <CaseOverdueLine enabled={scope.ready} />
      <PeriodPicker value={scope.period} onChange={scope.setPeriod} />
      {scope.isBureau ? <SubdistrictField value={scope.subdistrictInput} onChange={scope.setSubdistrictInput} /> : null}

      {state.status === 'idle' || state.status === 'loading' ? (
        <Notice kind='loading' title={`正在汇总 ${periodLabel(scope.period)} 的评价…`} />
      ) : null}

      {state.status === 'error' ? <StaffProblemNotice error={state.error} onRetry={() => reload()} /> : null}

      {state.status === 'ok' && state.data.rows.length === 0 ? (
        <Notice
          kind='empty'
          title={`${periodLabel(state.data.period)}还没有可以汇总的工作者`}
          detail='这个街道下还没有登记社区工作者。请社区管理员先录入工作者，或换一个考核期查看。'
        />
      ) : null}

      {state.status === 'ok' && state.data.rows.length > 0 ? (
        <View>
          <Text className='staff-summary'>
            {periodLabel(state.data.period)}：{evaluationSummary(state.data.rows, state.data.provisional)}
          </Text>
          {state.data.provisional ? (
            <Text className='staff-summary__note staff-summary__note--provisional'>
              {periodLabel(state.data.period)}还没有结束，等次为暂定：每多一条评价都可能变化，以期末结果为准。
            </Text>
          ) : null}
          <Text className='staff-summary__note'>
            分数满分 100；“暂无”表示这一方本期还没有评价或打分。优秀名额不超过参评人数的 20%。
          </Text>
          {scope.canEnterScores ? (
            <View className='staff-link' onClick={() => openPage(routes.sheet('period', scope.period))}>
              <Text>录入{periodLabel(scope.period)}街道评分 ›</Text>
            </View>
          ) : null}
          <View className='eval-table'>
            <EvaluationTableHead />
            {state.data.rows.map((row) => (
              <EvaluationRowCard key={row.workerCode} row={row} provisional={state.data.provisional} />
            ))}
          </View>
        </View>
      ) : null}
    </Screen>
  )
}
