import { useMemo } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { periodKind, periodLabel, recentPeriods } from '../core/periods'
import './PeriodPicker.css'

interface PeriodPickerProps {
  value: string
  onChange: (period: string) => void
}

/** Recent months, then half-years and years (DESIGN section 3), as two rows of choices. */
export function PeriodPicker({ value, onChange }: PeriodPickerProps) {
  const periods = useMemo(() => recentPeriods(new Date()), [])
  const months = periods.filter((p) => periodKind(p) === 'month')
  const longer = periods.filter((p) => periodKind(p) !== 'month')

  const chip = (period: string) => (
    <View
      key={period}
      data-period={period}
      className={`period-chip${period === value ? ' period-chip--on' : ''}`}
      onClick={() => onChange(period)}
    >
      <Text>{periodLabel(period)}</Text>
    </View>
  )

  return (
    <View className='period-picker'>
      <Text className='period-picker__label'>考核期：{periodLabel(value)}</Text>
      <ScrollView scrollX className='period-picker__row' enhanced showScrollbar={false}>
        <View className='period-picker__chips'>{months.map(chip)}</View>
      </ScrollView>
      <View className='period-picker__chips period-picker__chips--wrap'>{longer.map(chip)}</View>
    </View>
  )
}
