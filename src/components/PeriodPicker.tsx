import { useMemo } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { periodKind, periodLabel, recentPeriods } from '../core/periods'
import './PeriodPicker.css'

interface PeriodPickerProps {
  value: string
  onChange: (period: string) => void
}

/** A month of this year needs no year: 11月; anything else keeps it: 2025年12月, 2026年上半年. */
function chipLabel(period: string, thisYear: string): string {
  const label = periodLabel(period)
  return periodKind(period) === 'month' && period.startsWith(thisYear) ? label.slice(5) : label
}

/** Recent months, then half-years and years (DESIGN section 3), as two scrollable rows of choices. */
export function PeriodPicker({ value, onChange }: PeriodPickerProps) {
  const periods = useMemo(() => recentPeriods(new Date()), [])
  const thisYear = periods[0].slice(0, 4)
  const months = periods.filter((p) => periodKind(p) === 'month')
  const longer = periods.filter((p) => periodKind(p) !== 'month')

  const chip = (period: string) => (
    <View
      key={period}
      data-period={period}
      className={`period-chip${period === value ? ' period-chip--on' : ''}`}
      onClick={() => onChange(period)}
    >
      <Text>{chipLabel(period, thisYear)}</Text>
    </View>
  )

  const row = (items: string[]) => (
    <ScrollView scrollX className='period-picker__row' enhanced showScrollbar={false}>
      <View className='period-picker__chips'>{items.map(chip)}</View>
    </ScrollView>
  )

  return (
    <View className='period-picker'>
      <Text className='period-picker__label'>考核期：{periodLabel(value)}</Text>
      {row(months)}
      {row(longer)}
    </View>
  )
}
