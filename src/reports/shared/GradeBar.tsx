import { Text, View } from '@tarojs/components'
import type { Grade } from '../../core/types'
import { gradeShares } from '../../core/reportSummary'
import { GRADE_CLASS, ratioText } from './format'

/**
 * A grade distribution as a bar and its legend (never colour alone: each segment is also in the legend
 * with its words, count and share) — the report's and the city's summaries alike.
 */
export function GradeBar({ grades }: { grades: Readonly<Record<Grade, number>> }) {
  const shares = gradeShares(grades)
  return (
    <>
      <View className='report-bar'>
        {shares
          .filter((share) => share.count > 0)
          .map((share) => (
            <View key={share.grade} className={`report-bar__part report-bar__part--${GRADE_CLASS[share.grade]}`} style={{ width: `${share.share * 100}%` }} />
          ))}
      </View>
      <View className='report-legend'>
        {shares.map((share) => (
          <View key={share.grade} className='report-legend__item' data-grade={share.grade}>
            <View className={`report-legend__swatch report-bar__part--${GRADE_CLASS[share.grade]}`} />
            <Text className='report-legend__text'>
              {share.grade} {share.count} 人（{ratioText(share.share)}）
            </Text>
          </View>
        ))}
      </View>
    </>
  )
}
