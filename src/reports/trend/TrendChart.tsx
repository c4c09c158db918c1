import { Text, View } from '@tarojs/components'
import type { TrendMonth } from '../../core/reports'
import { GRADE_CLASS } from '../shared/format'

/** The axis starts at 50: totals sit between 60 and 100, and a zero-based axis would flatten every change. */
const AXIS_MIN = 50
const LINES = [60, 70, 90]

/** Height in % of the plot for a total (a total at or below the axis minimum still shows a sliver). */
const heightOf = (total: number) => Math.max(2, ((total - AXIS_MIN) / (100 - AXIS_MIN)) * 100)

/**
 * A light CSS column chart (no chart library: the subpackage budget matters): one column per month, its
 * height the total on a 50-100 axis with the 60, 70 and 90 lines (基本称职, 称职, 优秀's minimum), the
 * number above it, its colour the grade (the list below says each grade in words; the running month, whose
 * grade is 暂定, is hatched grey). A month without a
 * total says 暂无 instead of a column. January names its year under the month, so the year boundary reads.
 */
export function TrendChart({ months }: { months: TrendMonth[] }) {
  return (
    <View className='trend-chart'>
      <View className='trend-chart__plot'>
        {LINES.map((line) => (
          <View key={line} className='trend-chart__line' style={{ bottom: `${heightOf(line)}%` }}>
            <Text className='trend-chart__line-label'>{line}</Text>
          </View>
        ))}
        {months.map((month) => (
          <View key={month.period} className='trend-chart__col' data-period={month.period}>
            {month.total === null ? (
              <Text className='trend-chart__value trend-chart__value--none'>暂无</Text>
            ) : (
              <View
                className={`trend-chart__bar report-bar__part--${month.provisional ? 'provisional' : GRADE_CLASS[month.grade]}`}
                style={{ height: `${heightOf(month.total)}%` }}
              >
                <Text className='trend-chart__value'>{month.total.toFixed(0)}</Text>
              </View>
            )}
          </View>
        ))}
      </View>
      <View className='trend-chart__axis'>
        {months.map((month, i) => (
          <View key={month.period} className='trend-chart__month'>
            <Text className='trend-chart__month-name'>{Number(month.period.slice(5, 7))}月</Text>
            <Text className='trend-chart__year'>{i === 0 || month.period.endsWith('-01') ? month.period.slice(0, 4) : ' '}</Text>
          </View>
        ))}
      </View>
      <View className='trend-chart__legend'>
        {(['优秀', '称职', '基本称职', '不称职'] as const).map((grade) => (
          <View key={grade} className='trend-chart__legend-item'>
            <View className={`report-legend__swatch report-bar__part--${GRADE_CLASS[grade]}`} />
            <Text className='trend-chart__legend-text'>{grade}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

