import { Text, View } from '@tarojs/components'
import type { CityTrend as Trend } from '../../core/city'
import { scoreText } from '../shared/format'

/** “2026-01” → “1月”, with the year above the first month and above each January. */
function MonthHead({ month, first }: { month: string; first: boolean }) {
  const number = Number(month.slice(5, 7))
  return (
    <View className='city-trend__head'>
      <Text className='city-trend__year'>{first || number === 1 ? `${month.slice(0, 4)}年` : ' '}</Text>
      <Text className='city-trend__month'>{number}月</Text>
    </View>
  )
}

/** The last closed months' average totals: a row per sub-district (ranking order), the city last, a column per month. */
export function CityTrend({ trend }: { trend: Trend }) {
  const line = (name: string, values: Array<number | null>, key: string, total = false) => (
    <View key={key} className={`city-trend__row${total ? ' city-trend__row--total' : ''}`} data-subdistrict={key}>
      <Text className='city-trend__name'>{name}</Text>
      {values.map((value, i) => (
        <Text key={trend.months[i]} className='city-trend__value'>
          {scoreText(value)}
        </Text>
      ))}
    </View>
  )
  return (
    <View className='city-trend'>
      <View className='city-trend__row city-trend__row--head'>
        <Text className='city-trend__name'>街道</Text>
        {trend.months.map((month, i) => (
          <MonthHead key={month} month={month} first={i === 0} />
        ))}
      </View>
      {trend.lines.map((l) => line(l.subdistrictName, l.avgTotals, l.subdistrictId))}
      {line('全市', trend.city, 'city', true)}
    </View>
  )
}
