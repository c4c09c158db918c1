import { Text, View } from '@tarojs/components'
import type { CityOverview } from '../../core/city'
import { gridTimeRuleText } from '../../core/reportSummary'
import { ratioText, scoreText, takenText } from '../shared/format'
import { GradeBar } from '../shared/GradeBar'

/** “2026-07-10” → “7月10日”. */
const dayText = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/**
 * The city as one, above the sub-districts: how many sub-districts and workers, the share at 称职 or
 * better, the average total and grid time (against the target when all share one), the grade distribution
 * (bar and legend, never colour alone), what waits today (overdue cases in red), and which settings and
 * snapshots the numbers used.
 */
export function CitySummary({ overview }: { overview: CityOverview }) {
  const { city, gridTimeTarget } = overview
  const average = city.avgGridTimeRatio
  const short = average !== null && gridTimeTarget !== null && average < gridTimeTarget
  const versions = overview.settingsVersions.join('、')
  return (
    <View className='staff-panel report-summary city-summary'>
      <View className='city-figures'>
        <View className='city-figure'>
          <Text className='staff-note city-figure__label'>街道 / 参评人数</Text>
          <Text className='city-figure__value'>
            {city.subdistricts} 个 / {city.workers} 人
          </Text>
        </View>
        <View className='city-figure'>
          <Text className='staff-note city-figure__label'>称职及以上</Text>
          <Text className='city-figure__value'>{ratioText(city.competentShare)}</Text>
        </View>
        <View className='city-figure'>
          <Text className='staff-note city-figure__label'>平均总分</Text>
          <Text className='city-figure__value'>{scoreText(city.avgTotal)}</Text>
        </View>
        <View className='city-figure'>
          <Text className='staff-note city-figure__label'>平均在网格时间</Text>
          <Text className='city-figure__value'>{ratioText(average)}</Text>
          {gridTimeTarget === null ? null : (
            <Text className={`staff-note city-figure__note${short ? ' city-figure__note--short' : ''}`}>
              目标 {ratioText(gridTimeTarget)}
              {average === null ? '' : short ? '，未达到' : '，已达到'}
            </Text>
          )}
        </View>
      </View>
      {gridTimeTarget === null ? null : <Text className='staff-note report-rule'>规则：{gridTimeRuleText(gridTimeTarget)}（按工作日计算）</Text>}

      <Text className='report-section-title'>全市等次分布</Text>
      <GradeBar grades={city.grades} />

      <View className={`city-waiting${city.overdueCases > 0 ? ' city-waiting--overdue' : ''}`} data-overdue={city.overdueCases}>
        <Text className='city-waiting__title'>截至{dayText(overview.today)}的待办</Text>
        <View className='city-waiting__items'>
          <Text className='city-waiting__item city-waiting__item--cases'>逾期差评 {city.overdueCases} 条</Text>
          <Text className='city-waiting__item'>待复核申诉 {city.pendingAppeals} 件</Text>
          <Text className='city-waiting__item'>待复核可疑评价 {city.openReviews} 条</Text>
        </View>
      </View>

      {overview.provisional ? (
        <Text className='staff-note report-note report-note--provisional'>本期还没有结束，等次和排名都是暂定的：每多一条评价都可能变化，以期末结果为准。</Text>
      ) : null}
      <Text className='staff-note report-note'>
        按考核设置第 {versions} 版计算
        {overview.snapshotAt === undefined ? '；本期数据为实时汇总' : `；数据取自各街道的期末快照（最近一份保存于 ${takenText(overview.snapshotAt)}）`}
      </Text>
    </View>
  )
}
