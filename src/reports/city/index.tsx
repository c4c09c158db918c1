import { Text, View } from '@tarojs/components'
import { RANKING_RULE } from '../../core/cityRanking'
import { periodLabel } from '../../core/periods'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCityOverview } from '../../hooks/city'
import { useCityExport } from '../../hooks/reportExport'
import { useSession } from '../../hooks/useSession'
import { openPage, routes } from '../../routes'
import { StaffProblemNotice } from '../../staff/shared/StaffProblemNotice'
import { ReportTabs } from '../shared/ReportTabs'
import { useReportPeriod } from '../shared/useReportScope'
import { CityRows } from './CityRows'
import { CitySummary } from './CitySummary'
import { CityTrend } from './CityTrend'
import '../../styles/staff.css'
import '../shared/reports.css'
import '../shared/reportsDesktop.css'
import './city.css'
import './cityDesktop.css'

/**
 * The bureau's reports entry: every sub-district side by side for a month, half-year or year, ranked, with
 * the city as one above them, what waits in each today and the last closed months. A row opens that
 * sub-district's report of the same period.
 */
export default function CityPage() {
  const { kind, setKind, period, setPeriod } = useReportPeriod()
  const { session, error: sessionError, reload: retrySession, isBureau } = useSession()
  const { state, reload } = useCityOverview(isBureau ? { period } : null)
  const exporter = useCityExport()
  const overview = state.status === 'ok' ? state.data : null

  return (
    <Screen className='staff reports city'>
      <Text className='staff-title'>全市考核概览</Text>
      <ReportTabs kind={kind} onKind={setKind} period={period} onPeriod={setPeriod} />

      {sessionError !== null ? <StaffProblemNotice error={sessionError} onRetry={() => retrySession()} /> : null}
      {session !== null && !isBureau ? (
        <Notice kind='error' title='全市考核概览只对市民政局开放' detail='街道工作人员请从首页的“考核报表”查看本街道的报表。' />
      ) : null}
      {sessionError === null && (session === null || (isBureau && (state.status === 'idle' || state.status === 'loading'))) ? (
        <Notice kind='loading' title={`正在汇总全市各街道${periodLabel(period)}的考核结果…`} />
      ) : null}
      {state.status === 'error' ? <StaffProblemNotice error={state.error} onRetry={() => reload()} /> : null}

      {overview !== null ? (
        <View>
          <Text className='staff-heading report-heading'>{periodLabel(overview.period)} 全市各街道</Text>
          <CitySummary overview={overview} />
          <View className='report-export'>
            <BigButton variant='secondary' loading={exporter.exporting} onClick={() => void exporter.run({ period: overview.period })}>
              导出 Excel
            </BigButton>
            {exporter.error !== null ? <Text className='staff-note report-note'>{exporter.error}</Text> : null}
          </View>

          <Text className='report-section-title'>街道排名{overview.provisional ? '（暂定）' : ''}</Text>
          <Text className='staff-note report-note city-rule'>{RANKING_RULE}点一个街道，看它的考核报表。</Text>
          <CityRows overview={overview} onOpen={(subdistrictId) => openPage(routes.subdistrictReport(subdistrictId, overview.period))} />

          <Text className='report-section-title'>近 {overview.trend.months.length} 个月平均总分</Text>
          <Text className='staff-note report-note'>最近 {overview.trend.months.length} 个已结束的月份，每格是这个街道当月参评人员总分的平均；不随上面选的考核期变化。</Text>
          <CityTrend trend={overview.trend} />
        </View>
      ) : null}
    </Screen>
  )
}
