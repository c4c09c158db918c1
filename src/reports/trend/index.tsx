import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { periodLabel } from '../../core/periods'
import { gradeWords } from '../../core/provisional'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useWorkerTrend } from '../../hooks/reports'
import { decodeOption } from '../../routes'
import { StaffProblemNotice } from '../../staff/shared/StaffProblemNotice'
import { GRADE_CLASS, scoreText } from '../shared/format'
import { TrendChart } from './TrendChart'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import '../shared/reports.css'
import '../shared/reportsDesktop.css'
import './index.css'

export default function TrendPage() {
  const { params } = useRouter()
  const workerCode = decodeOption(params.workerCode)
  const { state, reload } = useWorkerTrend(workerCode)

  if (workerCode === null) {
    return (
      <Screen className='staff reports'>
        <Notice kind='error' title='没有指定社区工作者' detail='请从考核报表中点一位工作者打开这一页。' />
      </Screen>
    )
  }
  return (
    <Screen className='staff reports'>
      {state.status === 'idle' || state.status === 'loading' ? <Notice kind='loading' title='正在汇总近 12 个月的考核结果…' /> : null}
      {state.status === 'error' ? <StaffProblemNotice error={state.error} onRetry={() => reload()} /> : null}
      {state.status === 'ok' ? (
        <View>
          <Text className='staff-title'>{state.data.name} 的月度趋势</Text>
          <Text className='staff-summary__note'>
            {state.data.workerCode} · {state.data.subdistrictName} {state.data.community}
          </Text>
          <Text className='report-section-title'>近 12 个月三方总分</Text>
          <Text className='staff-note report-note'>柱顶数字为当月总分（四舍五入到整数，精确分数见下表）；纵轴从 50 分起，虚线为 60、70、90 分；柱的颜色表示当月等次。</Text>
          <TrendChart months={state.data.months} />
          <Text className='report-section-title'>逐月结果</Text>
          <View className='trend-list'>
            {[...state.data.months].reverse().map((month) => (
              <View key={month.period} className='trend-item' data-period={month.period}>
                <Text className='trend-item__month'>{periodLabel(month.period)}</Text>
                <Text className='trend-item__total'>{scoreText(month.total)}</Text>
                <Text className={`report-grade report-grade--${GRADE_CLASS[month.grade]}${month.provisional ? ' report-grade--provisional' : ''}`}>
                  {gradeWords(month.grade, month.provisional)}
                </Text>
                <Text className='trend-item__rank'>{month.rank === null ? '未排名' : `第 ${month.rank} / ${month.graded} 名`}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </Screen>
  )
}
