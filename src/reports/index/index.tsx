import { Text, View } from '@tarojs/components'
import { periodLabel } from '../../core/periods'
import { percentText } from '../../core/reportSummary'
import type { ReportKind } from '../../core/reports'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useReportExport } from '../../hooks/reportExport'
import { useReport } from '../../hooks/reports'
import { openPage, routes } from '../../routes'
import { StaffProblemNotice } from '../../staff/shared/StaffProblemNotice'
import { SubdistrictField } from '../../staff/shared/SubdistrictField'
import { CaseOverdueLine } from '../../staff/shared/CaseOverdueLine'
import { ReportRows } from '../shared/ReportRows'
import { ReportTabs } from '../shared/ReportTabs'
import { ReportSummary } from '../shared/ReportSummary'
import { useReportScope } from '../shared/useReportScope'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import '../shared/reports.css'
import '../shared/reportsDesktop.css'

/** “2026年10月排名”, “2026年上半年考核报告”, “2025年度考核”. */
function headingOf(kind: ReportKind, period: string): string {
  if (kind === 'month') return `${periodLabel(period)}排名`
  if (kind === 'halfyear') return `${periodLabel(period)}考核报告`
  return `${period}年度考核`
}

export default function ReportsPage() {
  const scope = useReportScope()
  const { state, reload } = useReport(scope.payload)
  const exporter = useReportExport()
  const report = state.status === 'ok' ? state.data : null

  return (
    <Screen className='staff reports'>
      <Text className='staff-title'>考核报表</Text>
      <CaseOverdueLine enabled={scope.payload !== null} />
      <ReportTabs kind={scope.kind} onKind={scope.setKind} period={scope.period} onPeriod={scope.setPeriod} />
      {scope.isBureau ? <SubdistrictField value={scope.subdistrictInput} onChange={scope.setSubdistrictInput} /> : null}

      {report !== null && report.communities.length > 1 ? (
        <View className='report-communities'>
          {[{ id: null, name: '全街道' }, ...report.communities].map((community) => (
            <View
              key={community.id ?? 'all'}
              data-community={community.id ?? 'all'}
              className={`staff-chip report-chip${community.id === scope.communityId ? ' staff-chip--on report-chip--on' : ''}`}
              onClick={() => scope.setCommunityId(community.id)}
            >
              <Text>{community.name}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {scope.sessionError !== null ? <StaffProblemNotice error={scope.sessionError} onRetry={() => scope.retrySession()} /> : null}
      {scope.sessionError === null && (state.status === 'idle' || state.status === 'loading') ? (
        <Notice kind='loading' title={`正在汇总${headingOf(scope.kind, scope.period)}…`} />
      ) : null}
      {state.status === 'error' ? <StaffProblemNotice error={state.error} onRetry={() => reload()} /> : null}

      {report !== null ? (
        <View>
          <Text className='staff-heading report-heading'>
            {report.subdistrictName}
            {report.communityName ? ` · ${report.communityName}` : ''} {headingOf(report.kind, report.period)}
          </Text>
          {report.workers === 0 ? (
            <Notice kind='empty' title='这一期没有参评的社区工作者' detail='请换一个考核期，或请社区管理员先录入工作者。' />
          ) : (
            <View>
              <ReportSummary report={report} />
              <View className='report-export'>
                <BigButton variant='secondary' loading={exporter.exporting} onClick={() => void exporter.exportReport(scope.payload ?? { kind: report.kind, period: report.period })}>
                  导出 Excel
                </BigButton>
                {exporter.error !== null ? <Text className='staff-note report-note'>{exporter.error}</Text> : null}
              </View>
              {report.kind === 'year' ? (
                <Text className='staff-note report-note'>
                  年度成绩 = 日常考核（全年三方总分）× {percentText(report.dailyShare)} + 年终考核 × {percentText(1 - report.dailyShare)}；缺年终考核分的暂不计算
                </Text>
              ) : null}
              <Text className='report-section-title'>
                {report.kind === 'month' ? '排名' : '每人明细'}（点一行看这个人的月度趋势）
              </Text>
              <ReportRows report={report} onOpenTrend={(workerCode) => openPage(routes.reportTrend(workerCode))} />
            </View>
          )}
        </View>
      ) : null}
    </Screen>
  )
}
