import { Text, View } from '@tarojs/components'
import type { GridTime } from '../../core/gridTime'
import { duration, monthLabel, percent } from './format'
import './GridTimePanel.css'

/** A bar's height in the chart: the ratio, capped at 100%. */
function barHeight(ratio: number | null): string {
  return `${Math.min(1, ratio ?? 0) * 100}%`
}

/**
 * This month's grid time against the target (the 5 of 3456), all logged time and the part corroborated
 * by visits or ratings, and the last six months as plain bars (no chart library: every KB counts).
 */
export function GridTimePanel({ months }: { months: GridTime[] }) {
  const current = months[months.length - 1]
  if (current === undefined) return null
  const target = percent(current.target)
  const hallDays = current.hallDays > 0
  return (
    <View className='grid-time'>
      {/* Hall days beside grid time: a day at the hall's window is a working day away from the grid. The
          line would wrap with the target too: the target then goes to the verdict below. */}
      <Text className='grid-time__headline'>
        {hallDays ? `本月大厅值班 ${current.hallDays} 天，网格 ${percent(current.ratio)}` : `本月下沉网格 ${percent(current.ratio)}（目标 ${target}）`}
      </Text>
      <Text className='grid-time__detail'>
        {current.ratio === null
          ? '本月还没有工作日，暂无比例。'
          : `其中有服务或评价印证的 ${percent(current.corroboratedRatio)}。${
              current.fieldMinutes === 0 ? '本月还没有记录下沉时间' : `已记录 ${duration(current.fieldMinutes)}`
            }，本月到今天应出勤 ${current.workingDays} 天（${duration(current.workingMinutes)}）。`}
      </Text>
      <Text className={`grid-time__verdict ${current.meetsTarget ? 'grid-time__verdict--met' : ''}`}>
        {current.meetsTarget ? '已达到目标' : '还没达到目标'}
        {hallDays ? ` ${target}` : ''}
      </Text>

      <View className='grid-time__chart' aria-label='近六个月下沉网格比例'>
        {months.map((month) => (
          <View key={month.period} className='grid-time__column'>
            <Text className='grid-time__value'>{percent(month.ratio)}</Text>
            <View className='grid-time__track'>
              <View className='grid-time__target' style={{ bottom: barHeight(month.target) }} />
              <View className='grid-time__bar' style={{ height: barHeight(month.ratio) }} />
              <View className='grid-time__bar grid-time__bar--corroborated' style={{ height: barHeight(month.corroboratedRatio) }} />
            </View>
            <Text className='grid-time__month'>{monthLabel(month.period)}</Text>
          </View>
        ))}
      </View>
      <View className='grid-time__legend'>
        <View className='grid-time__key' />
        <Text className='grid-time__legend-text'>全部下沉时间</Text>
        <View className='grid-time__key grid-time__key--corroborated' />
        <Text className='grid-time__legend-text'>有印证的</Text>
        <View className='grid-time__key grid-time__key--target' />
        <Text className='grid-time__legend-text'>目标 {target}</Text>
      </View>
    </View>
  )
}
