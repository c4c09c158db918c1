import { Text, View } from '@tarojs/components'
import { gridTimeRuleText } from '../../core/reportSummary'
import type { Report } from '../../core/reports'
import { ratioText, takenText } from './format'
import { GradeBar } from './GradeBar'
import './hallSpread.css'

/**
 * The pilot's half-year summary above the rows: how many workers, their average grid time against the
 * target (rule 5), the grade distribution in counts, shares and a bar (never colour alone: each segment
 * is also in the legend with its words), the 优秀 quota, and which settings and snapshot the numbers used.
 */
export function ReportSummary({ report }: { report: Report }) {
  const average = report.avgGridTimeRatio
  const meets = average !== null && average >= report.gridTimeTarget
  return (
    <View className='staff-panel report-summary'>
      <View className='report-figures'>
        <View className='report-figure'>
          <Text className='staff-note report-figure__label'>参评人数</Text>
          <Text className='report-figure__value'>{report.workers} 人</Text>
        </View>
        <View className='report-figure'>
          <Text className='staff-note report-figure__label'>平均在网格时间</Text>
          <Text className='report-figure__value'>{ratioText(average)}</Text>
          <Text className={`staff-note report-figure__note${average !== null && !meets ? ' report-figure__note--short' : ''}`}>
            目标 {ratioText(report.gridTimeTarget)}
            {average === null ? '' : meets ? '，已达到' : '，未达到'}
          </Text>
        </View>
      </View>
      <Text className='staff-note report-rule'>规则：{gridTimeRuleText(report.gridTimeTarget)}（按工作日计算）</Text>
      {report.hallSpread.length > 0 ? (
        <View className='report-hall'>
          <Text className='report-section-title'>大厅值班（每人天数）</Text>
          {report.hallSpread.map((spread) => (
            <Text key={spread.communityId} className='report-hall__line' data-community={spread.communityId}>
              {spread.communityName}：{spread.workers} 人轮流，最多 {spread.most} 天，最少 {spread.fewest} 天
            </Text>
          ))}
          <Text className='staff-note report-note'>相差越小，轮岗越均匀；不值班的工作日下沉网格。</Text>
        </View>
      ) : null}

      <Text className='report-section-title'>等次分布</Text>
      <GradeBar grades={report.grades} />
      <Text className='staff-note report-note'>{report.quotaNote}</Text>
      {report.provisional ? (
        <Text className='staff-note report-note report-note--provisional'>本期还没有结束，等次为暂定：每多一条评价都可能变化，以期末结果为准。</Text>
      ) : null}
      <Text className='staff-note report-note'>
        按考核设置第 {report.settingsVersion} 版计算
        {report.snapshotAt === undefined ? '；本期数据为实时汇总' : `；数据取自 ${takenText(report.snapshotAt)} 保存的期末快照`}
      </Text>
    </View>
  )
}
